import { Dhis2Minor } from '../../contract'
import { JsonRecord } from '../json'
import { TEMPLATES_238, TEMPLATES_240, TEMPLATES_241, TEMPLATES_243 } from './messageTemplates'
import { TrackerType } from './payload'

export interface TrackerError {
    errorCode: string
    trackerType: TrackerType
    uid: string
    args: string[]
}

const templatesOf = (minor: Dhis2Minor) =>
    minor >= 43
        ? TEMPLATES_243
        : minor >= 41
          ? TEMPLATES_241
          : minor === 40
            ? TEMPLATES_240
            : TEMPLATES_238

/**
 * `java.text.MessageFormat.format`, which DHIS2's tracker `MessageFormatter` uses: `{n}` takes an
 * argument (left as is when there is none), a single quote starts or ends a literal section and
 * is dropped (so "don't" prints as "dont"), two single quotes print one.
 */
function messageFormat(template: string, args: readonly string[]): string {
    let out = ''
    let quoted = false
    for (let i = 0; i < template.length; i++) {
        const char = template.charAt(i)
        if (char === "'") {
            if (template.charAt(i + 1) === "'") {
                out += "'"
                i++
            } else quoted = !quoted
            continue
        }
        const placeholder = quoted ? null : /^\{(\d+)\}/.exec(template.slice(i))
        if (placeholder) {
            out += args[Number(placeholder[1])] ?? placeholder[0]
            i += placeholder[0].length - 1
            continue
        }
        out += char
    }
    return out
}

/** The error message as the server of that version words it (messageTemplates.ts). */
export function trackerMessage(minor: Dhis2Minor, code: string, args: readonly string[]): string {
    return messageFormat(templatesOf(minor)[code] ?? code, args)
}

/** An error report as the ImportReport shows it; `args` only from 2.41 (§3.2). */
export function errorReportJson(minor: Dhis2Minor, error: TrackerError): JsonRecord {
    return {
        message: trackerMessage(minor, error.errorCode, error.args),
        errorCode: error.errorCode,
        trackerType: error.trackerType,
        uid: error.uid,
        ...(minor >= 41 ? { args: error.args } : {}),
    }
}

/** A warning report (`Warning`): `warningCode` instead of `errorCode`, never `args`. */
export function warningReportJson(minor: Dhis2Minor, warning: TrackerError): JsonRecord {
    return {
        message: trackerMessage(minor, warning.errorCode, warning.args),
        warningCode: warning.errorCode,
        trackerType: warning.trackerType,
        uid: warning.uid,
    }
}

import type { RecordError } from '../summary/types'

/**
 * What a run report may keep (issue 10: no credentials, no personal data beyond what a reviewer
 * needs). Errors come from many places (DHIS2 conflicts, axios messages, OpenSRP bodies), so their
 * text is scrubbed here, once, before anything is written to the dataStore.
 */

export const REDACTED = '[redacted]'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
const SECRET_NAME =
    '[\\w-]*(?:password|passwd|pwd|secret|token|api[_-]?key|apikey|session[_-]?id|jsessionid|cookie)[\\w-]*'

/** [pattern, replacement]; order matters (userinfo before e-mail addresses, headers before schemes). */
const CREDENTIALS: Array<[RegExp, string | ((match: string) => string)]> = [
    // https://user:password@host → https://[redacted]@host
    [/\b([a-z][a-z0-9+.-]*:\/\/)[^\s/?#]*@/gi, `$1${REDACTED}@`],
    [/\b((?:proxy-)?authorization)(["']?\s*[:=]\s*["']?)[^"'\r\n,;}]+/gi, `$1$2${REDACTED}`],
    [/\b(Bearer|ApiToken|Token)\s+[A-Za-z0-9._~+/=-]{8,}/g, `$1 ${REDACTED}`],
    [/\bBasic\s+(?=[A-Za-z0-9+/]*[0-9+/=])[A-Za-z0-9+/]{8,}={0,2}/g, `Basic ${REDACTED}`],
    // password=…, "token": "…", apiKey: … (the name is kept so the reader knows what was there)
    [
        new RegExp(
            `\\b(${SECRET_NAME})(["']?\\s*[:=]\\s*)(?:"[^"]*"|'[^']*'|[^\\s,;&}\\]"']+)`,
            'gi'
        ),
        `$1$2${REDACTED}`,
    ],
    // DHIS2 personal access tokens and JWTs, wherever they appear.
    [/\bd2pat_[A-Za-z0-9]{16,}/g, REDACTED],
    [/\beyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*/g, REDACTED],
    // Long mixed-case runs of letters and digits look like keys; UUIDs (OpenSRP ids) stay.
    [
        /\b[A-Za-z0-9+_=-]{32,}/g,
        (match) =>
            !UUID.test(match) && /[0-9]/.test(match) && /[a-z]/.test(match) && /[A-Z]/.test(match)
                ? REDACTED
                : match,
    ],
]

const PERSONAL_DATA: Array<[RegExp, string]> = [
    [/[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g, '[e-mail]'],
    // Bangladeshi mobile numbers, then any international number.
    [/(?<![\w+])(?:\+?880|0)1[3-9]\d{8}(?!\w)/g, '[phone]'],
    [/(?<!\w)\+\d[\d -]{7,16}\d(?!\w)/g, '[phone]'],
]

function applyAll(text: string, rules: Array<[RegExp, string | ((match: string) => string)]>) {
    let result = text
    for (const [pattern, replacement] of rules) {
        // Two calls because TypeScript's replace() overloads do not accept the union.
        result =
            typeof replacement === 'string'
                ? result.replace(pattern, replacement)
                : result.replace(pattern, replacement)
    }
    return result
}

/** Removes anything that looks like a credential; ids, codes and UIDs are left alone. */
export const redactCredentials = (text: string): string => applyAll(text, CREDENTIALS)

/** Credentials, e-mail addresses and phone numbers out; at most maxLength characters. */
export function redactText(text: string, maxLength: number): string {
    // Scrubbing a megabyte of HTML error page only to keep 500 characters would be wasted work.
    const window = text.length > maxLength * 4 + 1000 ? text.slice(0, maxLength * 4 + 1000) : text
    const clean = applyAll(redactCredentials(window), PERSONAL_DATA)
    return clean.length > maxLength ? `${clean.slice(0, Math.max(0, maxLength - 1))}…` : clean
}

const MAX_ID_LENGTH = 200

/**
 * Only the fields a reviewer needs, scrubbed: anything else an error object carried at run time
 * (a payload, a response, headers) is dropped.
 */
export function redactRecordError(error: RecordError, maxMessageLength: number): RecordError {
    const id = (value: string) => redactText(value, MAX_ID_LENGTH)
    return {
        sourceId: id(error.sourceId),
        recordKind: error.recordKind,
        kind: error.kind,
        code: id(error.code),
        message: redactText(error.message, maxMessageLength),
        ...(error.orgUnit !== undefined ? { orgUnit: id(error.orgUnit) } : {}),
        ...(error.period !== undefined ? { period: id(error.period) } : {}),
        ...(error.uid !== undefined ? { uid: id(error.uid) } : {}),
    }
}

import type { ProgramMapping } from '../config/types'
import { localDateOf } from '../dates'
import type { OpenSrpClient } from '../domain/opensrp'
import type { MappingProblem } from './errors'

type DateSource = 'birthdate' | 'dateCreated'

const LABELS: Record<DateSource, string> = {
    birthdate: 'birth date',
    dateCreated: 'registration date (dateCreated)',
}

type ClientDate = { ok: true; date: string } | ({ ok: false } & MappingProblem)

/** A client date as a yyyy-MM-dd in the reporting zone, never later than `today`. */
export function clientDate(
    client: OpenSrpClient,
    source: DateSource,
    timeZone: string,
    today: string
): ClientDate {
    const text = client[source]?.trim()
    if (!text)
        return {
            ok: false,
            code: 'OSRP_MISSING_VALUE',
            message: `The client has no ${LABELS[source]}.`,
        }
    const date = localDateOf(text, timeZone)
    if (date === undefined) {
        return {
            ok: false,
            code: 'OSRP_BAD_DATE',
            message: `The client's ${LABELS[source]} is not a valid date.`,
        }
    }
    // DHIS2 refuses enrollment and incident dates in the future (E1020/E1021); a device clock set
    // wrong is for a person to fix, so it is the record's error, never a silently clamped date.
    if (date > today) {
        return {
            ok: false,
            code: 'OSRP_FUTURE_DATE',
            message: `The client's ${LABELS[source]} is after today (${today}).`,
        }
    }
    return { ok: true, date }
}

export type EnrollmentDates =
    | { ok: true; enrolledAt: string; occurredAt?: string }
    | { ok: false; problems: MappingProblem[] }

export function enrollmentDates(
    client: OpenSrpClient,
    program: ProgramMapping,
    timeZone: string,
    today: string
): EnrollmentDates {
    const enrolled = clientDate(client, program.enrolledAt, timeZone, today)
    const occurred =
        program.occurredAt === undefined
            ? undefined
            : program.occurredAt === program.enrolledAt
              ? enrolled
              : clientDate(client, program.occurredAt, timeZone, today)
    const problems = [enrolled, ...(occurred && occurred !== enrolled ? [occurred] : [])].flatMap(
        (result) => (result.ok ? [] : [{ code: result.code, message: result.message }])
    )
    if (problems.length > 0 || !enrolled.ok) return { ok: false, problems }
    return occurred?.ok
        ? { ok: true, enrolledAt: enrolled.date, occurredAt: occurred.date }
        : { ok: true, enrolledAt: enrolled.date }
}

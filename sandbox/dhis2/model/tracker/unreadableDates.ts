import { Dhis2Minor } from '../../contract'
import { JsonRecord, isRecord, records } from '../json'
import { parseDateTime } from '../dates'

/** The `Instant` properties of the tracker view classes (webapi/controller/tracker/view). */
const INSTANT_FIELDS: Readonly<Record<string, readonly string[]>> = {
    trackedEntity: ['createdAtClient', 'updatedAtClient'],
    enrollment: ['enrolledAt', 'occurredAt', 'completedAt', 'createdAtClient', 'updatedAtClient'],
    event: ['occurredAt', 'scheduledAt', 'completedAt', 'createdAtClient', 'updatedAtClient'],
    relationship: ['createdAtClient'],
    note: ['storedAt'],
}

// `DateUtils.parseDate` also takes a year or a year-month, with or without a zone.
const PARTIAL_DATE = /^\d{4}(-\d{2})?(Z|[+-]\d{2}(:?\d{2})?)?$/

function readable(value: string): boolean {
    return (
        value.trim() === '' ||
        /^\d+$/.test(value) ||
        PARTIAL_DATE.test(value) ||
        parseDateTime(value) !== undefined
    )
}

function* objectsOf(body: JsonRecord): Generator<[string, JsonRecord]> {
    const notes = function* (owner: JsonRecord): Generator<[string, JsonRecord]> {
        for (const note of records(owner.notes)) yield ['note', note]
    }
    const relationships = function* (owner: JsonRecord): Generator<[string, JsonRecord]> {
        for (const r of records(owner.relationships)) yield ['relationship', r]
    }
    const events = function* (list: unknown): Generator<[string, JsonRecord]> {
        for (const ev of records(list)) {
            yield ['event', ev]
            yield* notes(ev)
            yield* relationships(ev)
        }
    }
    const enrollments = function* (list: unknown): Generator<[string, JsonRecord]> {
        for (const en of records(list)) {
            yield ['enrollment', en]
            yield* notes(en)
            yield* relationships(en)
            yield* events(en.events)
        }
    }
    for (const te of records(body.trackedEntities)) {
        yield ['trackedEntity', te]
        yield* relationships(te)
        yield* enrollments(te.enrollments)
    }
    yield* enrollments(body.enrollments)
    yield* events(body.events)
    yield* relationships(body)
}

/**
 * 2.40+: a date the tracker view cannot read fails the whole request before any validation —
 * `ParseInstantStdDeserializer` throws a `JsonParseException` that `CrudControllerAdvice`
 * answers 400 (HttpMessageNotReadableException, "JSON parse error: …"), not a per-object E1023,
 * E1025 or E1031. 2.38–2.39 are left as the sandbox has them.
 */
export function unreadableDate(body: unknown, minor: Dhis2Minor): string | undefined {
    if (minor < 40 || !isRecord(body)) return undefined
    for (const [kind, object] of objectsOf(body)) {
        for (const field of INSTANT_FIELDS[kind] ?? []) {
            const value = object[field]
            if (typeof value !== 'string' || readable(value)) continue
            return `JSON parse error: Invalid date format '${value}', only 'yyyy-MM-dd'T'HH:mm:ss.SSS' format end epoch milliseconds are supported.`
        }
    }
    return undefined
}

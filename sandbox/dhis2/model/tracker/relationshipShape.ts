import { Dhis2Minor } from '../../contract'
import { JsonRecord, isRecord, records } from '../json'

const ITEM_CLASSES = { trackedEntity: 'TrackedEntity', enrollment: 'Enrollment', event: 'Event' }
type ItemKey = keyof typeof ITEM_CLASSES
const ITEM_KEYS: readonly ItemKey[] = ['trackedEntity', 'enrollment', 'event']

/** The view class Jackson reads a relationship end into (2.38: the importer's domain class). */
const itemClass = (minor: Dhis2Minor, key: ItemKey): string =>
    `${minor === 38 ? 'org.hisp.dhis.tracker.domain' : 'org.hisp.dhis.webapi.controller.tracker.view'}.RelationshipItem$${ITEM_CLASSES[key]}`

function mismatch(minor: Dhis2Minor, key: ItemKey, value: unknown): string {
    const target = `Cannot construct instance of \`${itemClass(minor, key)}\` (although at least one Creator exists)`
    if (typeof value === 'string')
        return `${target}: no String-argument constructor/factory method to deserialize from String value ('${value}')`
    if (typeof value === 'number')
        return Number.isInteger(value)
            ? `${target}: no int/Int-argument constructor/factory method to deserialize from Number value (${value})`
            : `${target}: no double/Double-argument constructor/factory method to deserialize from Number value (${value})`
    if (typeof value === 'boolean')
        return `${target}: no boolean/Boolean-argument constructor/factory method to deserialize from boolean value (${value})`
    return `Cannot deserialize value of type \`${itemClass(minor, key)}\` from Array value (token \`JsonToken.START_ARRAY\`)`
}

function relationshipsOf(body: JsonRecord): JsonRecord[] {
    const found: JsonRecord[] = []
    const events = (value: unknown) => {
        for (const ev of records(value)) found.push(...records(ev.relationships))
    }
    const enrollments = (value: unknown) => {
        for (const en of records(value)) {
            found.push(...records(en.relationships))
            events(en.events)
        }
    }
    for (const te of records(body.trackedEntities)) {
        found.push(...records(te.relationships))
        enrollments(te.enrollments)
    }
    enrollments(body.enrollments)
    events(body.events)
    found.push(...records(body.relationships))
    return found
}

/**
 * Since 2.38.0 (DHIS2-12625) a relationship end is an object, `{"trackedEntity": {"trackedEntity":
 * UID}}`; a flat `{"trackedEntity": UID}` fails Jackson's deserialisation of the request body,
 * which `CrudControllerAdvice.handleHttpMessageNotReadableExceptionHandler` answers with 400 and
 * Spring's "JSON parse error: …" (its trailing "; nested exception …" and source location are
 * left out here). Returns that message for the first such end, or undefined.
 */
export function unreadableRelationshipItem(body: unknown, minor: Dhis2Minor): string | undefined {
    if (!isRecord(body)) return undefined
    for (const relationship of relationshipsOf(body)) {
        for (const end of [relationship.from, relationship.to]) {
            if (!isRecord(end)) continue
            for (const key of ITEM_KEYS) {
                const value = end[key]
                if (value === undefined || value === null || isRecord(value)) continue
                return `JSON parse error: ${mismatch(minor, key, value)}`
            }
        }
    }
    return undefined
}

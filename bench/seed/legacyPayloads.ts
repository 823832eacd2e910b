import { ATTRIBUTE, CHILD_PROGRAM, MOTHER_PROGRAM, PERSON } from './bdMetadata'
import { arrayAt, isObject, objectAt, stringAt } from './http'

/**
 * The seed's two bodies per client (Dhis2TrackCaptureConnector): a `trackedEntityInstances` body
 * with the client's attributes, then an `enrollments` body naming the UID DHIS2 answered with.
 * Fixed where the seed was wrong (reference opensrp-api.md §6, defects 1, 8, and §5.5): the org
 * unit is the client's own, empty values are left out, the birthdate is a date, enrollments carry
 * enrollment and incident dates, and mothers are recognised by their M_ZEIR_ID (the seed's
 * "no relationships = household" rule misfiled them).
 */

const DHAKA_OFFSET_MS = 6 * 60 * 60 * 1000
const ISO_DATE = /^\d{4}-\d{2}-\d{2}/

/** A Joda date-time as the Asia/Dhaka calendar date (no DST there); undefined if not ASCII ISO. */
export function dhakaDate(value: string | undefined): string | undefined {
    if (!value || !ISO_DATE.test(value)) return undefined
    if (!/(Z|[+-]\d{2}:?\d{2})$/.test(value)) return value.slice(0, 10)
    const time = Date.parse(value)
    if (Number.isNaN(time)) return undefined
    return new Date(time + DHAKA_OFFSET_MS).toISOString().slice(0, 10)
}

export type ClientKind = 'child' | 'mother' | 'other'

export function kindOf(client: Record<string, unknown>): ClientKind {
    const relationships = objectAt(client, 'relationships')
    if (relationships && arrayAt(relationships, 'mother').length > 0) return 'child'
    const identifiers = objectAt(client, 'identifiers') ?? {}
    const woman = Object.keys(identifiers).some((key) => key.toUpperCase() === 'M_ZEIR_ID')
    return woman && stringAt(client, 'gender')?.toLowerCase() !== 'male' ? 'mother' : 'other'
}

export const programOf = (kind: ClientKind): string | undefined =>
    kind === 'child' ? CHILD_PROGRAM : kind === 'mother' ? MOTHER_PROGRAM : undefined

export function sexCode(client: Record<string, unknown>): 'MALE' | 'FEMALE' | undefined {
    const gender = stringAt(client, 'gender')?.trim().toLowerCase()
    return gender === 'male' ? 'MALE' : gender === 'female' ? 'FEMALE' : undefined
}

export function trackedEntityInstanceBody(client: Record<string, unknown>, orgUnit: string) {
    const values: Array<[string, string | undefined]> = [
        [ATTRIBUTE.openSrpId, stringAt(client, 'baseEntityId')],
        [ATTRIBUTE.firstName, stringAt(client, 'firstName')],
        [ATTRIBUTE.lastName, stringAt(client, 'lastName')],
        [ATTRIBUTE.sex, sexCode(client)],
        [ATTRIBUTE.dateOfBirth, dhakaDate(stringAt(client, 'birthdate'))],
    ]
    return {
        trackedEntityType: PERSON,
        orgUnit,
        attributes: values
            .filter((entry): entry is [string, string] => (entry[1] ?? '').trim() !== '')
            .map(([attribute, value]) => ({ attribute, value })),
    }
}

export function enrollmentBody(
    client: Record<string, unknown>,
    trackedEntityInstance: string,
    program: string,
    orgUnit: string
) {
    const registered = dhakaDate(stringAt(client, 'dateCreated'))
    const born = dhakaDate(stringAt(client, 'birthdate'))
    const enrollmentDate = registered ?? born ?? new Date().toISOString().slice(0, 10)
    return {
        trackedEntityInstance,
        program,
        orgUnit,
        enrollmentDate,
        incidentDate: program === CHILD_PROGRAM ? (born ?? enrollmentDate) : enrollmentDate,
    }
}

/**
 * `response.reference` as the seed read it (DHIS2 ≤ 2.29 answered one ImportSummary); 2.30+
 * answer ImportSummaries even for one object, with the reference in `importSummaries[0]`.
 */
export function referenceOf(reply: unknown): string | undefined {
    const response = objectAt(reply, 'response')
    const direct = stringAt(response, 'reference')
    if (direct) return direct
    const first = arrayAt(response, 'importSummaries')[0]
    return isObject(first) && stringAt(first, 'status') !== 'ERROR'
        ? stringAt(first, 'reference')
        : undefined
}

import { JsonRecord } from '../json'

/** Tracker payload builders over the BD EPI package (test helper). */
export const PERSON = 'ligA6yGUkYl'
export const CHILD_PROGRAM = 'C15BBx4PSBf'
export const TT_PROGRAM = 'HTqzpjctuad'
export const IMMUNISATION_STAGE = 'CH7Lg690vBD'
export const CENTRE = 'yI54G6cBAtY'
export const OSRP_ID = 'caS6LyxoM41'
export const FIRST_NAME = 'QjWOSmGM0J3'
export const SEX = 'jWSuNC2sfcj'
export const DOB = 'hgj3t9ZO6ls'
export const VACCINE_DE = 'qR6eP15RJ7h'
export const DOSE_DE = 'UGinqBJICof'

export function event(uid: string, extra: JsonRecord = {}): JsonRecord {
    return {
        event: uid,
        programStage: IMMUNISATION_STAGE,
        orgUnit: CENTRE,
        status: 'COMPLETED',
        occurredAt: '2024-02-12',
        dataValues: [
            { dataElement: VACCINE_DE, value: 'BCG' },
            { dataElement: DOSE_DE, value: '1' },
        ],
        ...extra,
    }
}

export function enrollment(
    uid: string,
    events: JsonRecord[] = [],
    extra: JsonRecord = {}
): JsonRecord {
    return {
        enrollment: uid,
        program: CHILD_PROGRAM,
        orgUnit: CENTRE,
        status: 'ACTIVE',
        enrolledAt: '2024-02-12',
        occurredAt: '2024-02-11',
        events,
        ...extra,
    }
}

/** The BD child's tracked entity attributes, as the connector sends them. */
export const childAttributes = (osrpId: string): JsonRecord[] => [
    { attribute: OSRP_ID, value: osrpId },
    { attribute: FIRST_NAME, value: 'Ayesha' },
    { attribute: SEX, value: 'FEMALE' },
    { attribute: DOB, value: '2024-02-11' },
]

export function trackedEntity(
    uid: string,
    osrpId: string,
    enrollments: JsonRecord[] = [],
    extra: JsonRecord = {}
): JsonRecord {
    return {
        trackedEntity: uid,
        trackedEntityType: PERSON,
        orgUnit: CENTRE,
        attributes: childAttributes(osrpId),
        enrollments,
        ...extra,
    }
}

/** BD EPI payloads and DHIS2 reads shared by the dhis2Writers.* integration tests. */
import type { Clock } from '../../../src/core/ports/clock'
import type { DataValuePayload } from '../../../src/core/ports/dhis2Target'
import type { TrackerPayload } from '../../../src/core/tracker/payload'
import { enrollmentUid, eventUid, trackedEntityUid } from '../../../src/core/uid'
import type { Engine } from '../../../src/adapters/dhis2/writerEngine'

export const PERSON = 'ligA6yGUkYl'
export const CHILD_PROGRAM = 'C15BBx4PSBf'
export const IMMUNISATION_STAGE = 'CH7Lg690vBD'
export const OSRP_ID = 'caS6LyxoM41'
export const FIRST_NAME = 'QjWOSmGM0J3'
export const SEX = 'jWSuNC2sfcj'
export const DOB = 'hgj3t9ZO6ls'
export const VACCINE_DE = 'qR6eP15RJ7h'
export const DOSE_DE = 'UGinqBJICof'
export const CENTRE = 'yI54G6cBAtY'
export const CENTRE_2 = 'YA71Hl4qHqf'
/** Mouchak Union: in the operator's scope, but no program or data set is assigned to it. */
export const UNION = 'TJVyV3rXr9T'
export const MONTHLY = 'Qnf0P01U3T1'
export const BCG = 'B0jp1RrdN32'
export const OPV0 = 'cU8l7fQCLBU'
export const MALE = 'ocU7V0kuUHq'
export const FEMALE = 'm48aYeV9dEa'
export const DEFAULT_AOC = 'HllvX50cXC0'

const SALT = 'integration-salt'

export interface Child {
    id: string
    name?: string
    sex?: string
    orgUnit?: string
}

export const uidsOf = (id: string) => ({
    trackedEntity: trackedEntityUid(SALT, id),
    enrollment: enrollmentUid(SALT, id, CHILD_PROGRAM),
    event: eventUid(SALT, `${id}-bcg`),
})

/** One child: tracked entity, enrollment in the child programme and a BCG event. */
export function childPayload(children: Child[]): TrackerPayload {
    const payload: TrackerPayload = {
        trackedEntities: [],
        enrollments: [],
        events: [],
        relationships: [],
    }
    for (const child of children) {
        const uid = uidsOf(child.id)
        const orgUnit = child.orgUnit ?? CENTRE
        payload.trackedEntities.push({
            trackedEntity: uid.trackedEntity,
            trackedEntityType: PERSON,
            orgUnit,
            attributes: [
                { attribute: OSRP_ID, value: child.id },
                { attribute: FIRST_NAME, value: child.name ?? 'Ayesha' },
                { attribute: SEX, value: child.sex ?? 'FEMALE' },
                { attribute: DOB, value: '2024-02-11' },
            ],
        })
        payload.enrollments.push({
            enrollment: uid.enrollment,
            trackedEntity: uid.trackedEntity,
            program: CHILD_PROGRAM,
            orgUnit,
            status: 'ACTIVE',
            enrolledAt: '2024-02-12',
            occurredAt: '2024-02-11',
        })
        payload.events.push({
            event: uid.event,
            enrollment: uid.enrollment,
            trackedEntity: uid.trackedEntity,
            program: CHILD_PROGRAM,
            programStage: IMMUNISATION_STAGE,
            orgUnit,
            status: 'COMPLETED',
            occurredAt: '2024-02-12',
            dataValues: [
                { dataElement: VACCINE_DE, value: 'BCG' },
                { dataElement: DOSE_DE, value: '1' },
            ],
        })
    }
    return payload
}

export const dataValue = (
    dataElement: string,
    value: string,
    extra: Partial<DataValuePayload> = {}
): DataValuePayload => ({
    dataElement,
    period: '202405',
    orgUnit: CENTRE,
    categoryOptionCombo: MALE,
    attributeOptionCombo: DEFAULT_AOC,
    value,
    ...extra,
})

export const realClock: Clock = {
    now: () => Date.now(),
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
}

const scope = (minor: number) =>
    minor <= 40 ? { ouMode: 'ACCESSIBLE' } : minor === 41 ? { orgUnitMode: 'ACCESSIBLE' } : {}

const trackedEntitiesQuery = {
    list: {
        resource: 'tracker/trackedEntities',
        params: (v: Record<string, unknown>) => ({
            trackedEntityType: PERSON,
            fields: 'trackedEntity,attributes[attribute,value]',
            pageSize: 1000,
            ...scope(Number(v.minor)),
        }),
    },
}

/** Every tracked entity of type Person that DHIS2 returns, read through the API. */
export async function trackedEntitiesInDhis2(
    engine: Engine,
    minor: number
): Promise<Array<{ trackedEntity: string; osrpId?: string }>> {
    const { list } = await engine.query(trackedEntitiesQuery, { variables: { minor } })
    const body = Object(list)
    const items: unknown = body.trackedEntities ?? body.instances
    if (!Array.isArray(items)) throw new Error('No tracked entity list in the answer')
    return items.map((item) => ({
        trackedEntity: String(item.trackedEntity),
        osrpId: Array.isArray(item.attributes)
            ? item.attributes.find((a: { attribute?: string }) => a.attribute === OSRP_ID)?.value
            : undefined,
    }))
}

const eventQuery = {
    event: { resource: 'tracker/events', id: (v: Record<string, unknown>) => String(v.uid) },
}

/** The event as DHIS2 serves it, or undefined when it answers 404. */
export async function eventInDhis2(engine: Engine, uid: string): Promise<unknown> {
    try {
        return (await engine.query(eventQuery, { variables: { uid } })).event
    } catch (error) {
        if (/\(404\)$/.test(String(Object(error).message))) return undefined
        throw error
    }
}

const dataValuesQuery = {
    set: {
        resource: 'dataValueSets',
        params: (v: Record<string, unknown>) => ({
            dataSet: MONTHLY,
            period: String(v.period),
            orgUnit: String(v.orgUnit),
        }),
    },
}

/** `dataElement/COC → value` for one org unit and period, read through the API. */
export async function dataValuesInDhis2(
    engine: Engine,
    orgUnit: string,
    period = '202405'
): Promise<Record<string, string>> {
    const { set } = await engine.query(dataValuesQuery, { variables: { orgUnit, period } })
    const values: unknown = Object(set).dataValues
    const out: Record<string, string> = {}
    if (Array.isArray(values))
        for (const v of values) out[`${v.dataElement}/${v.categoryOptionCombo}`] = String(v.value)
    return out
}

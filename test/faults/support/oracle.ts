/**
 * The independent oracle of the fault suite: what DHIS2 must hold, worked out here from OpenSRP's
 * raw records (read over HTTP, never through the connector's code), and what DHIS2 does hold, read
 * as admin over the Web API. The only records allowed to be missing are those a run report names
 * with a data problem (the record itself is wrong, so no retry can fix it); a network or server
 * fault is never an excuse.
 */
import { listRunReports, readRunReport } from '../../../src/core/runs/reports'
import type { RunReport } from '../../../src/core/runs/reportRecord'
import type { RecordError } from '../../../src/core/summary/types'
import type { Harness, Raw } from '../../integration/support/syncHarness'

const TE_TYPE = 'ligA6yGUkYl'
const OSRP_ID = 'caS6LyxoM41'
const SOURCE_ID_DE = 'lr2sazXdXWr'
const PROGRAMS = ['C15BBx4PSBf', 'HTqzpjctuad']
const MONTHLY = 'Qnf0P01U3T1'
const BCG = 'B0jp1RrdN32'
const CHILD_REG = 'ieAFUesw47C'
const LOCATION_ATTRIBUTE = 'DdF4IJAsTOS'
const DATE_GIVEN = '1410AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'
const BCG_CONCEPT = '886AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'
const DEFAULT_COC = 'HllvX50cXC0'
const SEX_COC: Record<string, string> = { Male: 'ocU7V0kuUHq', Female: 'm48aYeV9dEa' }

export interface TrackerState {
    /** OpenSRP ID attribute value → tracked entity UIDs holding it (more than one: a duplicate). */
    teByOsrpId: Map<string, string[]>
    /** OpenSRP event key (the source-id data element) → DHIS2 event UIDs. */
    eventsBySource: Map<string, string[]>
    /** Events that name no OpenSRP event at all (none should exist). */
    eventsWithoutSource: number
}

const list = (body: Raw, key: string): Raw[] => {
    const value = body[key] ?? body.instances
    return Array.isArray(value) ? (value as Raw[]) : []
}

const valuesOf = (item: Raw, key: string, idKey: string) =>
    new Map(
        ((item[key] as Array<Record<string, string>> | undefined) ?? []).map((v) => [
            String(v[idKey]),
            String(v.value),
        ])
    )

/** Every tracked entity and program event in DHIS2, as admin reads them. */
export async function readTrackerState(h: Harness, minor: number): Promise<TrackerState> {
    const ou = minor <= 40 ? 'ouMode=ACCESSIBLE' : 'orgUnitMode=ACCESSIBLE'
    const teBody = await h.dhis2(
        `tracker/trackedEntities?trackedEntityType=${TE_TYPE}&${ou}&paging=false&fields=trackedEntity,attributes[attribute,value]`
    )
    const teByOsrpId = new Map<string, string[]>()
    for (const te of list(teBody, 'trackedEntities')) {
        const id = valuesOf(te, 'attributes', 'attribute').get(OSRP_ID) ?? '(none)'
        teByOsrpId.set(id, [...(teByOsrpId.get(id) ?? []), String(te.trackedEntity)])
    }
    const eventsBySource = new Map<string, string[]>()
    let eventsWithoutSource = 0
    for (const program of PROGRAMS) {
        const body = await h.dhis2(
            `tracker/events?program=${program}&${ou}&paging=false&fields=event,dataValues[dataElement,value]`
        )
        for (const event of list(body, 'events')) {
            const source = valuesOf(event, 'dataValues', 'dataElement').get(SOURCE_ID_DE)
            if (source === undefined) eventsWithoutSource++
            else
                eventsBySource.set(source, [
                    ...(eventsBySource.get(source) ?? []),
                    String(event.event),
                ])
        }
    }
    return { teByOsrpId, eventsBySource, eventsWithoutSource }
}

export interface Expected {
    /** baseEntityIds of live clients: one tracked entity each. */
    clients: Set<string>
    /** Vaccination key (formSubmissionId, else _id) → its client's baseEntityId: one event each. */
    vaccinations: Map<string, string>
}

const keyOf = (event: Raw) => String(event.formSubmissionId ?? event._id)

/**
 * From the raw records: every live client, and every vaccination that is not voided (flag or a
 * later Void Event with its key), belongs to a client, and is not the home facility's copy of an
 * out-of-area dose (the mapping keeps the vaccinating site's copy).
 */
export async function expectedFromOpenSrp(h: Harness): Promise<Expected> {
    const rawClients = await h.opensrpAll('rest/client/getAll')
    const rawEvents = await h.opensrpAll('rest/event/getAll')
    const clients = new Set(
        rawClients
            .filter((c) => c.voided !== true && typeof c.baseEntityId === 'string')
            .map((c) => String(c.baseEntityId))
    )
    const voided = new Set(
        rawEvents.filter((e) => e.voided === true || e.eventType === 'Void Event').map(keyOf)
    )
    const vaccinations = new Map<string, string>()
    for (const event of rawEvents) {
        if (event.eventType !== 'Vaccination' || event.voided === true) continue
        if (voided.has(keyOf(event))) continue
        if (typeof event.baseEntityId !== 'string' || !clients.has(event.baseEntityId)) continue
        if ((event.details as Raw | undefined)?.out_of_catchment_provider_id) continue
        vaccinations.set(keyOf(event), event.baseEntityId)
    }
    return { clients, vaccinations }
}

/** Every report saved in the dataStore, oldest first, read the way the app reads them. */
export async function allReports(h: Harness): Promise<RunReport[]> {
    const entries = await listRunReports(h.kv)
    const reports: RunReport[] = []
    for (const entry of entries.reverse()) {
        const report = await readRunReport(h.kv, entry.id)
        if (report) reports.push(report)
    }
    return reports
}

const DATA_PROBLEM = new Set<RecordError['kind']>(['quarantined', 'mapping'])

/**
 * Records the reports excuse: a data problem of the record itself, or DHIS2's refusal with one
 * of `rejectedCodes` (problems a test planted on purpose). A vaccination is also excused when its
 * client is (DHIS2 has no enrollment to put it in).
 */
export function excusedBy(
    reports: RunReport[],
    expected: Expected,
    rejectedCodes: ReadonlySet<string> = new Set()
): { clients: Set<string>; vaccinations: Set<string> } {
    const errors = reports.flatMap((r) => r.summary.errors)
    const excuses = (e: RecordError) =>
        DATA_PROBLEM.has(e.kind) || (e.kind === 'rejected' && rejectedCodes.has(e.code))
    const clients = new Set(
        errors.filter((e) => e.recordKind === 'client' && excuses(e)).map((e) => e.sourceId)
    )
    const vaccinations = new Set(
        errors.filter((e) => e.recordKind === 'event' && excuses(e)).map((e) => e.sourceId)
    )
    for (const [key, client] of expected.vaccinations)
        if (clients.has(client)) vaccinations.add(key)
    return { clients, vaccinations }
}

export interface TrackerVerdict {
    duplicateTrackedEntities: string[]
    duplicateEvents: string[]
    lostClients: string[]
    lostVaccinations: string[]
    /** In DHIS2 but not in OpenSRP's live records. */
    strangers: string[]
}

/** Zero duplicates, zero lost, nothing extra: the verdict lists every exception by OpenSRP id. */
export function judgeTracker(
    state: TrackerState,
    expected: Expected,
    excused: { clients: Set<string>; vaccinations: Set<string> }
): TrackerVerdict {
    const many = (map: Map<string, string[]>) =>
        [...map].filter(([, uids]) => uids.length > 1).map(([id]) => id)
    return {
        duplicateTrackedEntities: many(state.teByOsrpId),
        duplicateEvents: many(state.eventsBySource),
        lostClients: [...expected.clients].filter(
            (id) => !state.teByOsrpId.has(id) && !excused.clients.has(id)
        ),
        lostVaccinations: [...expected.vaccinations.keys()].filter(
            (key) => !state.eventsBySource.has(key) && !excused.vaccinations.has(key)
        ),
        strangers: [
            ...[...state.teByOsrpId.keys()].filter((id) => !expected.clients.has(id)),
            ...[...state.eventsBySource.keys()].filter((key) => !expected.vaccinations.has(key)),
            ...(state.eventsWithoutSource > 0
                ? [`${state.eventsWithoutSource} without source`]
                : []),
        ],
    }
}

export const CLEAN: TrackerVerdict = {
    duplicateTrackedEntities: [],
    duplicateEvents: [],
    lostClients: [],
    lostVaccinations: [],
    strangers: [],
}

/** `orgUnit|period|dataElement|coc → value` for BCG doses and child registrations in DHIS2. */
export async function readAggregateState(h: Harness): Promise<Map<string, string>> {
    const { organisationUnits } = (await h.dhis2('organisationUnits?paging=false&fields=id')) as {
        organisationUnits: Array<{ id: string }>
    }
    const ous = organisationUnits.map((ou) => `orgUnit=${ou.id}`).join('&')
    const body = await h.dhis2(
        `dataValueSets?dataSet=${MONTHLY}&${ous}&startDate=2000-01-01&endDate=2030-12-31`
    )
    const values = new Map<string, string>()
    for (const v of (body.dataValues as Raw[] | undefined) ?? []) {
        if (v.dataElement !== BCG && v.dataElement !== CHILD_REG) continue
        if (String(v.value) === '0') continue
        values.set(
            `${v.orgUnit}|${v.period}|${v.dataElement}|${v.categoryOptionCombo}`,
            String(v.value)
        )
    }
    return values
}

/**
 * BCG doses per facility, month of the dose date and sex, and child registrations per facility
 * and month, counted from the raw records (one per child: a re-sent registration counts once).
 */
export async function expectedAggregate(h: Harness): Promise<Map<string, string>> {
    const { organisationUnits } = (await h.dhis2(
        'organisationUnits?paging=false&fields=id,attributeValues[value,attribute[id]]'
    )) as {
        organisationUnits: Array<{
            id: string
            attributeValues: Array<{ value: string; attribute: { id: string } }>
        }>
    }
    const orgUnitOf = new Map<string, string>()
    for (const ou of organisationUnits)
        for (const v of ou.attributeValues)
            if (v.attribute.id === LOCATION_ATTRIBUTE) orgUnitOf.set(v.value, ou.id)
    const clients = new Map(
        (await h.opensrpAll('rest/client/getAll')).map((c) => [String(c.baseEntityId), c])
    )
    const counts = new Map<string, Set<string>>()
    const add = (key: string, who: string) =>
        counts.set(key, (counts.get(key) ?? new Set()).add(who))
    for (const event of await h.opensrpAll('rest/event/getAll')) {
        if (event.voided === true) continue
        const client = clients.get(String(event.baseEntityId))
        const orgUnit = orgUnitOf.get(String(event.locationId))
        if (!client || client.voided === true || !orgUnit) continue
        if (
            event.eventType === 'Vaccination' &&
            !(event.details as Raw | undefined)?.out_of_catchment_provider_id
        ) {
            const obs = (event.obs as Array<Raw & { values: unknown[] }>).find(
                (o) => o.fieldCode === DATE_GIVEN && o.parentCode === BCG_CONCEPT
            )
            const date = obs?.values[0]
            const coc = SEX_COC[String(client.gender)]
            if (typeof date !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(date) || !coc) continue
            add(
                `${orgUnit}|${date.slice(0, 4)}${date.slice(5, 7)}|${BCG}|${coc}`,
                event.baseEntityId as string
            )
        }
        if (event.eventType === 'Birth Registration') {
            const month = /^(\d{4})-(\d{2})/.exec(String(event.eventDate))
            if (month)
                add(
                    `${orgUnit}|${month[1]}${month[2]}|${CHILD_REG}|${DEFAULT_COC}`,
                    String(event.baseEntityId)
                )
        }
    }
    return new Map([...counts].map(([key, who]) => [key, String(who.size)]))
}

/** Cells whose DHIS2 value differs from the oracle's count, as `cell: dhis2 ≠ expected`. */
export function aggregateDifferences(
    actual: Map<string, string>,
    expected: Map<string, string>
): string[] {
    const cells = new Set([...actual.keys(), ...expected.keys()])
    return [...cells]
        .filter((cell) => actual.get(cell) !== expected.get(cell))
        .map((cell) => `${cell}: ${actual.get(cell) ?? '-'} ≠ ${expected.get(cell) ?? '-'}`)
        .sort()
}

/**
 * @jest-environment ./test/setup/nodeFetchEnvironment.js
 */
import { send } from '../../sandbox/opensrp/httpClient'
import { readRunReport } from '../../src/core/runs/reports'
import type { RunReport } from '../../src/core/runs/reportRecord'
import type { RecordError } from '../../src/core/summary/types'
import { quickClock } from '../faults/support/clocks'
import { startFaultProxy, type FaultProxy } from '../faults/support/faultProxy'
import { readAggregateState, readTrackerState } from '../faults/support/oracle'
import {
    OPENSRP_BASIC,
    startHarness,
    type Harness,
    type Raw,
} from '../integration/support/syncHarness'
import { HUGE, loadCorpus, type Expectation, type Place } from './support/corpus'

/**
 * Issue 12's bad-input corpus through the whole pipeline: records OpenSRP stores as they come
 * (uploaded with POST /rest/event/add) and records a page can carry although OpenSRP would never
 * store them (added to the first pages served), among valid records in the same batches. Each bad
 * record gets a per-record error with a code and a plain message that names the problem and no
 * person; no run stops; every valid record reaches DHIS2.
 */

const FIRST_NAME = 'QjWOSmGM0J3'
const LAST_NAME = 'RWxfLv4xPgy'
const BCG = 'B0jp1RrdN32'
const CHILD_REG = 'ieAFUesw47C'
const FEMALE = 'm48aYeV9dEa'
const MALE = 'ocU7V0kuUHq'
const DEFAULT_COC = 'HllvX50cXC0'
/** Names in the corpus: no message may carry one (no personal data in reports). */
const NAMES = [
    'Sumi',
    'Rahima',
    'Begum',
    'Ayesha',
    'Khatun',
    'Karim',
    'Uddin',
    'Akter',
    'Hossain',
    'Nasrin',
    'Sultana',
    'Jamila',
    'Shirin',
    'Farida',
]

async function facilityOf(opensrpUrl: string): Promise<Place> {
    const response = await send(`${opensrpUrl}/rest/location/getAll?serverVersion=0&limit=1000`, {
        headers: { Authorization: OPENSRP_BASIC },
    })
    const locations = JSON.parse(response.text) as Array<{
        id: string
        properties: { name: string; geographicLevel: number }
    }>
    const facility = locations.find((l) => l.properties.geographicLevel === 6)
    if (!facility) throw new Error('no facility among the OpenSRP locations')
    return { facility: facility.id, facilityName: facility.properties.name }
}

/** Adds records to the first page of a list OpenSRP serves (a bare array, or `events` of an envelope). */
const appendTo = (records: unknown[]) => (page: string) => {
    const body = JSON.parse(page) as unknown
    if (Array.isArray(body)) return JSON.stringify([...body, ...records])
    const envelope = body as { events: unknown[] }
    return JSON.stringify({ ...envelope, events: [...envelope.events, ...records] })
}

const matching = (errors: RecordError[], e: Expectation) =>
    errors.filter(
        (error) =>
            (e.sourceId === '*' || error.sourceId === e.sourceId) &&
            error.recordKind === e.recordKind &&
            error.code === e.code &&
            new RegExp(e.message).test(error.message)
    )

describe('the bad-input corpus through the whole pipeline (DHIS2 2.42)', () => {
    let h: Harness
    let proxy: FaultProxy | undefined
    let place: Place
    let runId: string
    let report: RunReport
    let summaryErrors: RecordError[]
    let expectations: Expectation[]

    beforeAll(async () => {
        const upstream = { url: '' }
        h = await startHarness({
            minor: 42,
            clock: quickClock(),
            opensrp: { children: 0 },
            dhis2: { asyncJobDelayMs: 5 },
            opensrpFront: async (url) => {
                upstream.url = url
                proxy = await startFaultProxy(url)
                return proxy
            },
        })
        place = await facilityOf(h.opensrpUrl)
        const valid = loadCorpus('valid', place)
        const uploaded = loadCorpus('uploaded', place)
        const served = loadCorpus('served', place)
        expectations = [...uploaded.expect, ...served.expect]
        await h.upload({
            clients: [...valid.clients, ...uploaded.clients],
            events: [...valid.events, ...uploaded.events] as Raw[],
        })
        proxy?.setRules([
            {
                when: (r) => r.method === 'GET' && r.path === '/rest/client/getAll',
                times: (n) => n === 1,
                action: { kind: 'rewrite', body: appendTo(served.clients) },
            },
            {
                when: (r) => r.method === 'GET' && r.path === '/rest/event/getAll',
                times: (n) => n === 1,
                action: { kind: 'rewrite', body: appendTo(served.events) },
            },
        ])
        const result = await h.run({ scope: { streams: 'both' } })
        if (result.outcome !== 'ran') throw new Error('locked')
        runId = result.runId
        summaryErrors = result.summary.errors
        const saved = await readRunReport(h.kv, runId)
        if (!saved) throw new Error('the run saved no report')
        report = saved
    }, 60_000)
    afterAll(async () => {
        await proxy?.close()
        await h.close()
    })

    it('finishes the run, with errors, instead of stopping', () => {
        expect(report.summary.status).toBe('completed-with-errors')
        expect(report.summary.failure).toBeUndefined()
    })

    it('gives each bad record its own error, with a code and a message that names the problem', () => {
        const missing = expectations.filter(
            (e) => matching(report.summary.errors, e).length < (e.count ?? 1)
        )
        const byId = (id: string) =>
            report.summary.errors
                .filter((error) => error.sourceId === id)
                .map((error) => `${error.code}: ${error.message}`)
        expect(missing.map((e) => ({ ...e, got: byId(e.sourceId) }))).toEqual([])
    })

    it('says nothing about a person in any message, and keeps messages short', () => {
        // The summary the CLI prints (--json) as much as the report the app shows.
        const messages = [...report.summary.errors, ...summaryErrors].map((e) => e.message)
        for (const name of NAMES) expect(messages.filter((m) => m.includes(name))).toEqual([])
        expect(messages.filter((m) => m.length > 500)).toEqual([])
        expect(JSON.stringify(report).includes(HUGE.slice(0, 1000))).toBe(false)
    })

    it('writes every valid record of the same batches, and no bad one', async () => {
        const state = await readTrackerState(h, 42)
        expect([...state.teByOsrpId.keys()].sort()).toEqual(
            ['bad-markup-1', 'valid-child-1', 'valid-child-2', 'valid-mother-1'].sort()
        )
        expect([...state.eventsBySource.keys()].sort()).toEqual(
            ['markup-bcg-1', 'valid-bcg-1', 'valid-bcg-2', 'valid-opv0-1'].sort()
        )
        expect([...state.teByOsrpId.values()].every((uids) => uids.length === 1)).toBe(true)
    })

    it('stores markup in names as the text it is', async () => {
        const { trackedEntities, instances } = (await h.dhis2(
            `tracker/trackedEntities?trackedEntityType=ligA6yGUkYl&orgUnitMode=ACCESSIBLE&filter=caS6LyxoM41:eq:bad-markup-1&fields=attributes[attribute,value]`
        )) as { trackedEntities?: Raw[]; instances?: Raw[] }
        const attributes = ((trackedEntities ?? instances)?.[0]?.attributes ?? []) as Array<{
            attribute: string
            value: string
        }>
        const value = (id: string) => attributes.find((a) => a.attribute === id)?.value
        expect(value(FIRST_NAME)).toBe('<script>alert(1)</script>')
        expect(value(LAST_NAME)).toBe('"><img src=x onerror=alert(1)>')
    })

    it('counts only the valid doses and registrations', async () => {
        const values = await readAggregateState(h)
        const orgUnit = [...values.keys()][0]?.split('|')[0] ?? '?'
        expect(Object.fromEntries(values)).toEqual({
            // The girl whose 1 MB name DHIS2 refused was still vaccinated: her dose counts.
            [`${orgUnit}|202303|${BCG}|${FEMALE}`]: '2',
            [`${orgUnit}|202303|${BCG}|${MALE}`]: '2',
            [`${orgUnit}|202303|${CHILD_REG}|${DEFAULT_COC}`]: '2',
        })
    })

    it('does not stop the next run either, and sends nothing again', async () => {
        const result = await h.run({ scope: { streams: 'both' } })
        if (result.outcome !== 'ran') throw new Error('locked')
        expect(result.summary.status).not.toBe('failed')
        expect(result.summary.tracker).toMatchObject({ created: 0, updated: 0 })
        expect(result.summary.aggregate?.written).toBe(0)
    })
})

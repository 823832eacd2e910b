/** @jest-environment node */
import { client, vaccination } from '../../../test/builders/openSrp'
import { createArithmeticPeriods } from '../../../test/fakes/arithmeticPeriods'
import { FakeClock } from '../../../test/fakes/fakeClock'
import { InMemoryKeyValueStore } from '../../../test/fakes/inMemoryKeyValueStore'
import { InMemorySyncStore } from '../../../test/fakes/inMemorySyncStore'
import type { OpenSrpEvent } from '../domain/opensrp'
import type { QuarantineEntry } from '../domain/quarantine'
import type {
    AggregateTarget,
    DataValuePayload,
    DataValueReadQuery,
    DataValueReadResult,
    DataValueSetImportResult,
} from '../ports/dhis2Target'
import { ErrorLog } from '../sync/errorLog'
import { RunFailure } from '../sync/runFailure'
import { bdAntigenRules } from '../templates/bdAntigens'
import { BD_AGGREGATE_MAPPING } from '../templates/bdAggregate'
import { createAggregateSide } from './aggregateSide'

const MONTHLY = 'Qnf0P01U3T1'
const WEEKLY = 'ORjrZOfdUfU'
const BCG = 'B0jp1RrdN32'
const MALE = 'ocU7V0kuUHq'
const DEFAULT = 'HllvX50cXC0'
const OU = 'OuFacilityA'

const value = (period: string, v: string, dataElement = BCG, coc = MALE): DataValuePayload => ({
    dataElement,
    period,
    orgUnit: OU,
    categoryOptionCombo: coc,
    attributeOptionCombo: DEFAULT,
    value: v,
})

/** DHIS2 as the aggregate side sees it: values held, requests made, answers scripted. */
class FakeDhis2 implements AggregateTarget {
    held: DataValuePayload[] = []
    posts: DataValuePayload[][] = []
    reads: DataValueReadQuery[] = []
    answer?: (values: DataValuePayload[]) => DataValueSetImportResult

    async importDataValues(_dataSet: string, values: DataValuePayload[]) {
        this.posts.push(values)
        const result = this.answer?.(values) ?? {
            status: 'OK' as const,
            counts: { created: values.length, updated: 0, deleted: 0, ignored: 0 },
            conflicts: [],
            rejectedIndexes: [],
        }
        return result
    }

    async readDataValues(query: DataValueReadQuery): Promise<DataValueReadResult> {
        this.reads.push(query)
        return {
            ok: true as const,
            values: this.held.filter((v) => query.orgUnits.includes(v.orgUnit)),
        }
    }
}

function setup(
    options: { dryRun?: boolean; store?: InMemorySyncStore; kv?: InMemoryKeyValueStore } = {}
) {
    const store = options.store ?? new InMemorySyncStore()
    const kv = options.kv ?? new InMemoryKeyValueStore()
    const dhis2 = new FakeDhis2()
    const side = () =>
        createAggregateSide({
            store,
            target: dhis2,
            kv,
            clock: new FakeClock(),
            scopeKey: 'all',
            context: {
                mapping: BD_AGGREGATE_MAPPING,
                antigens: bdAntigenRules(),
                outOfAreaKeep: 'vaccinating-site',
                resolveOrgUnit: () => ({ ok: true, orgUnit: OU }),
                periods: createArithmeticPeriods(),
                timeZone: 'Asia/Dhaka',
                today: '2025-06-30',
            },
            facts: {},
            dryRun: options.dryRun ?? false,
            orgUnits: [OU],
        })
    return { store, kv, dhis2, side }
}

const events = [
    vaccination('bcg', '2024-01-10', { formSubmissionId: 'fs-1', serverVersion: 1 }),
    vaccination('bcg', '2024-01-11', {
        formSubmissionId: 'fs-2',
        baseEntityId: 'child-2',
        serverVersion: 2,
    }),
    vaccination('bcg', '2024-02-03', {
        formSubmissionId: 'fs-3',
        baseEntityId: 'child-3',
        serverVersion: 3,
    }),
]

async function runOnce(
    side: ReturnType<ReturnType<typeof setup>['side']>,
    batch: OpenSrpEvent[],
    quarantined: QuarantineEntry[] = []
) {
    const errors = new ErrorLog(100)
    const { rebuild } = await side.prepare()
    const clients = new Map(
        batch.map((e) => [e.baseEntityId, client({ baseEntityId: e.baseEntityId })])
    )
    await side.consume(batch, clients, errors, quarantined)
    await side.finish({ complete: true }, errors)
    return { rebuild, errors, totals: side.totals }
}

describe('the aggregate side of a run', () => {
    it('posts all changed cells of a page in one request, and nothing on the next run', async () => {
        const { dhis2, side } = setup()
        const first = await runOnce(side(), events)
        expect(first.rebuild).toBe(true)
        expect(dhis2.posts).toEqual([[value('202401', '2'), value('202402', '1')]])
        expect(first.totals).toMatchObject({ written: 2, unchanged: 0, failed: 0, counted: 3 })
        const second = await runOnce(side(), events)
        expect(second.rebuild).toBe(false)
        expect(dhis2.posts).toHaveLength(1)
    })

    it('rebuilds a lost ledger against what DHIS2 holds: right values stay, stale ones become zero', async () => {
        const { dhis2, side } = setup()
        // From an earlier run: January right, a March value whose only event was voided since.
        dhis2.held = [value('202401', '2'), value('202403', '1'), value('202403', '7', 'other')]
        const result = await runOnce(side(), events)
        expect(dhis2.reads.map((r) => r.dataSet)).toEqual([MONTHLY, WEEKLY])
        expect(dhis2.posts).toEqual([[value('202402', '1'), value('202403', '0')]])
        expect(result.totals).toMatchObject({ written: 2, unchanged: 1 })
    })

    it('stamps the shared ledger before reading events, so no other store’s ledger matches a half-done rebuild', async () => {
        const kv = new InMemoryKeyValueStore()
        const first = setup({ kv })
        await runOnce(first.side(), events)
        const before = await kv.read('ledger.all')
        // Another store starts a rebuild and stops after prepare (its batches move the shared cursor).
        const other = setup({ kv })
        await other.side().prepare()
        const during = await kv.read('ledger.all')
        expect(during).not.toEqual(before)
        // The first store no longer matches: it rebuilds too.
        expect((await runOnce(first.side(), events)).rebuild).toBe(true)
    })

    it('takes the count of a dose edited into an unreadable one back to zero', async () => {
        const { dhis2, side } = setup()
        await runOnce(side(), events)
        const unreadable: QuarantineEntry = {
            recordType: 'event',
            recordId: 'doc-3',
            serverVersion: 9,
            reason: "vaccination date '২০২৪-০২-০৩' is not an ASCII yyyy-MM-dd date",
            path: 'obs[0].values[0]',
            raw: { _id: 'doc-3', formSubmissionId: 'fs-3', serverVersion: 9 },
        }
        // An older unreadable copy, or one without a key, changes nothing.
        const stale = { ...unreadable, serverVersion: 0, raw: { formSubmissionId: 'fs-1' } }
        const keyless = { ...unreadable, raw: { serverVersion: 9 } }
        const result = await runOnce(side(), [], [unreadable, stale, keyless])
        expect(dhis2.posts[1]).toEqual([value('202402', '0')])
        expect(result.totals.written).toBe(1)
    })

    it('leaves the shared stamp alone in a dry run', async () => {
        const { kv, side } = setup({ dryRun: true })
        await runOnce(side(), events)
        expect(await kv.read('ledger.all')).toBeUndefined()
    })

    it('keeps cells dirty and reports each one when DHIS2 refuses the request as a whole', async () => {
        const { dhis2, side } = setup()
        dhis2.answer = () => ({
            status: 'ERROR',
            counts: { created: 0, updated: 0, deleted: 0, ignored: 0 },
            conflicts: [],
            rejectedIndexes: [],
            failure: {
                kind: 'rejected',
                message: 'DHIS2 refused the request (400).',
                retryable: false,
                code: 'DHIS2_REQUEST_REFUSED',
            },
        })
        const refused = await runOnce(side(), events)
        expect(refused.totals).toMatchObject({ written: 0, failed: 2 })
        expect(refused.errors.kept.map((e) => [e.sourceId, e.code])).toEqual([
            [`${OU}/202401/${BCG}/${MALE}`, 'DHIS2_REQUEST_REFUSED'],
            [`${OU}/202402/${BCG}/${MALE}`, 'DHIS2_REQUEST_REFUSED'],
        ])
        dhis2.answer = undefined
        const retried = await runOnce(side(), events)
        expect(retried.totals).toMatchObject({ written: 2, failed: 0 })
    })

    it('stops the run when DHIS2’s current values cannot be read for a rebuild', async () => {
        const { dhis2, side } = setup()
        dhis2.readDataValues = async () => ({
            ok: false,
            failure: {
                kind: 'transport',
                message: 'DHIS2 could not be reached.',
                retryable: true,
                code: 'DHIS2_UNREACHABLE',
            },
        })
        await expect(side().prepare()).rejects.toBeInstanceOf(RunFailure)
        expect(dhis2.posts).toEqual([])
    })
})

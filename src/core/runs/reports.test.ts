/** @jest-environment node */
import { InMemoryKeyValueStore } from '../../../test/fakes/inMemoryKeyValueStore'
import type { RecordError, RunSummary } from '../summary/types'
import type { RunReportInput } from './prepareReport'
import { ZERO_RUN_COUNTS } from './progress'
import { listRunReports, readRunReport, saveRunReport } from './reports'
import { scopeRoots } from './scope'
import { visibleThroughPaths } from './visibility'

const DHAKA = '/BDroot00001/Dhaka000001'
const FAC_DHAKA_1 = '/BDroot00001/Dhaka000001/FacDhaka001'
const PATHS: Record<string, string> = {
    Dhaka000001: DHAKA,
    FacDhaka001: FAC_DHAKA_1,
    FacDhaka002: '/BDroot00001/Dhaka000001/FacDhaka002',
    Sylhet00001: '/BDroot00001/Sylhet00001',
    FacSylhet01: '/BDroot00001/Sylhet00001/FacSylhet01',
}
const pathOf = (id: string) => PATHS[id]
const facilityNurse = visibleThroughPaths(['FacDhaka001'], pathOf)
const dhakaManager = visibleThroughPaths(['Dhaka000001'], pathOf)

const rejected = (
    sourceId: string,
    orgUnit?: string,
    message = 'Value not valid'
): RecordError => ({
    sourceId,
    recordKind: 'client',
    kind: 'rejected',
    code: 'E1007',
    message,
    ...(orgUnit ? { orgUnit } : {}),
})

const summaryWith = (errors: RecordError[], errorsOmitted = 0): RunSummary => ({
    status: errors.length > 0 ? 'completed-with-errors' : 'succeeded',
    dryRun: false,
    tracker: {
        created: 10,
        updated: 2,
        deleted: 0,
        unchanged: 5,
        failed: errors.length,
        skipped: 0,
        waiting: 0,
    },
    errors,
    errorsOmitted,
})

let minute = 0
function run(id: string, overrides: Partial<RunReportInput> = {}): RunReportInput {
    minute++
    const startedAt = new Date(Date.UTC(2024, 2, 1, 10, minute)).toISOString()
    return {
        id,
        user: 'operator',
        trigger: 'manual',
        startedAt,
        finishedAt: new Date(Date.parse(startedAt) + 30_000).toISOString(),
        scope: { streams: 'both' },
        dryRun: false,
        fingerprint: '0123456789abcdef',
        summary: summaryWith([]),
        counts: { ...ZERO_RUN_COUNTS, pulled: 17, written: 12 },
        ...overrides,
    }
}

const options = { maxReports: 50, maxErrorsPerReport: 100 }

describe('saving run reports', () => {
    it('writes the report under run.<start time>.<id> and lists it in the index', async () => {
        const kv = new InMemoryKeyValueStore()
        const saved = await saveRunReport(
            kv,
            run('run-1', { startedAt: '2024-03-01T10:02:03.456Z' }),
            options
        )
        expect(saved.key).toBe('run.20240301T100203456Z.run-1')
        expect(await kv.read(saved.key)).toMatchObject({ id: 'run-1', user: 'operator' })
        expect(await kv.read('runs.index')).toMatchObject({
            runs: [{ id: 'run-1', key: saved.key, status: 'succeeded', counts: { pulled: 17 } }],
        })
    })

    it('lists runs newest first and keeps only the newest maxReports', async () => {
        const kv = new InMemoryKeyValueStore()
        const removed: string[] = []
        for (const id of ['a', 'b', 'c', 'd', 'e']) {
            removed.push(
                ...(await saveRunReport(kv, run(id), { ...options, maxReports: 3 })).removed
            )
        }
        expect((await listRunReports(kv)).map((r) => r.id)).toEqual(['e', 'd', 'c'])
        expect(removed.map((k) => k.split('.').at(-1))).toEqual(['a', 'b'])
        expect((await kv.keys()).filter((k) => k.startsWith('run.'))).toHaveLength(3)
        expect(await readRunReport(kv, 'a')).toBeUndefined()
    })

    it('pages the history', async () => {
        const kv = new InMemoryKeyValueStore()
        for (const id of ['a', 'b', 'c', 'd']) await saveRunReport(kv, run(id), options)
        expect((await listRunReports(kv, { offset: 1, limit: 2 })).map((r) => r.id)).toEqual([
            'c',
            'b',
        ])
    })

    it('refuses a run id that cannot be part of a dataStore key', async () => {
        await expect(
            saveRunReport(new InMemoryKeyValueStore(), run('a/b.json'), options)
        ).rejects.toThrow(/run id/)
    })

    it('heals an index that lost an entry or kept one whose report is gone', async () => {
        const kv = new InMemoryKeyValueStore()
        const first = await saveRunReport(kv, run('first'), options)
        const lostIndex = await kv.read('runs.index')
        await saveRunReport(kv, run('second'), options)
        await kv.write('runs.index', lostIndex)
        expect((await listRunReports(kv)).map((r) => r.id)).toEqual(['second', 'first'])
        await kv.remove(first.key)
        expect((await listRunReports(kv)).map((r) => r.id)).toEqual(['second'])
    })
})

describe('what a run report keeps', () => {
    it('holds no credentials, wherever they were in the errors', async () => {
        const kv = new InMemoryKeyValueStore()
        const summary: RunSummary = {
            ...summaryWith([
                rejected(
                    'c1',
                    'FacDhaka001',
                    'GET https://opensrp-admin:Admin123@opensrp.example.org/rest/client failed: Authorization: Bearer abc.def.ghi123'
                ),
                rejected(
                    'c2',
                    'FacDhaka001',
                    'login failed for {"username":"nurse","password":"Nurse123"}'
                ),
                rejected(
                    'c3',
                    'FacDhaka001',
                    'token=d2pat_Xk2p9Qw7Lm8Zr4Tt6Yu1Ii3Oo5Pp7Aa9Ss 2123456789'
                ),
            ]),
            status: 'failed',
            failure: {
                code: 'DHIS2_UNREACHABLE',
                message: 'https://admin:district@dhis2.example.org unreachable',
            },
        }
        await saveRunReport(kv, run('leaky', { summary }), options)
        const stored = JSON.stringify([...kv.values.values()])
        for (const secret of ['Admin123', 'abc.def', 'Nurse123', 'd2pat_', 'district@']) {
            expect(stored).not.toContain(secret)
        }
        const report = await readRunReport(kv, 'leaky')
        expect(report?.summary.errors.map((e) => e.sourceId)).toEqual(['c1', 'c2', 'c3'])
        expect(report?.summary.failure?.message).toBe(
            'https://[redacted]@dhis2.example.org unreachable'
        )
    })

    it('keeps at most maxErrorsPerReport errors, shared among org units, and counts the rest', async () => {
        const kv = new InMemoryKeyValueStore()
        const errors = [
            ...Array.from({ length: 8 }, (_, i) => rejected(`d${i}`, 'FacDhaka001')),
            rejected('s0', 'FacSylhet01'),
            rejected('n0'),
        ]
        await saveRunReport(kv, run('many', { summary: summaryWith(errors, 5) }), {
            ...options,
            maxErrorsPerReport: 4,
        })
        const report = await readRunReport(kv, 'many')
        expect(report?.summary.errors.map((e) => e.sourceId)).toEqual(['d0', 'd1', 's0', 'n0'])
        expect(report?.summary.errorsOmitted).toBe(5 + 6)
        expect(report?.errorsOmittedByOrgUnit).toEqual({ FacDhaka001: 6 })
        expect(report?.orgUnits).toEqual(['FacDhaka001', 'FacSylhet01'])
        expect((await listRunReports(kv))[0]).toMatchObject({ errorCount: 15, orgUnitCount: 2 })
    })

    it('caps long messages', async () => {
        const kv = new InMemoryKeyValueStore()
        const long = rejected('c1', 'FacDhaka001', 'x'.repeat(5000))
        await saveRunReport(kv, run('long', { summary: summaryWith([long]) }), {
            ...options,
            maxMessageLength: 200,
        })
        expect((await readRunReport(kv, 'long'))?.summary.errors[0]?.message).toHaveLength(200)
    })
})

describe('run reports for facility staff', () => {
    async function history() {
        const kv = new InMemoryKeyValueStore()
        const dhakaRun = run('dhaka', {
            scope: { streams: 'tracker', orgUnits: [DHAKA] },
            summary: summaryWith([rejected('c1', 'FacDhaka002')]),
        })
        const sylhetRun = run('sylhet', {
            scope: { streams: 'tracker', orgUnits: ['Sylhet00001'] },
            summary: summaryWith([rejected('c2', 'FacSylhet01')]),
        })
        const national = run('national', {
            summary: summaryWith(
                [rejected('c3', 'FacDhaka001'), rejected('c4', 'FacSylhet01'), rejected('c5')],
                0
            ),
        })
        for (const r of [dhakaRun, sylhetRun, national]) await saveRunReport(kv, r, options)
        return kv
    }

    it("lists the runs whose scope or errors reach the user's org units", async () => {
        const kv = await history()
        expect((await listRunReports(kv, { viewer: dhakaManager })).map((r) => r.id)).toEqual([
            'national',
            'dhaka',
        ])
        expect((await listRunReports(kv)).map((r) => r.id)).toEqual(['national', 'sylhet', 'dhaka'])
    })

    it('lets a caller count a district run as covering its facilities', async () => {
        const kv = await history()
        const plain = await listRunReports(kv, { viewer: facilityNurse })
        expect(plain.map((r) => r.id)).toEqual(['national'])
        const covering = await listRunReports(kv, {
            viewer: {
                visibleOrgUnit: facilityNurse,
                // The nurse's own path runs through every root of a scope that covers her.
                scopeCoversViewer: (scope) =>
                    scopeRoots(scope).every((root) => FAC_DHAKA_1.split('/').includes(root)),
            },
        })
        expect(covering.map((r) => r.id)).toEqual(['national', 'dhaka'])
    })

    it('shows a facility only its own errors and its share of the omitted ones', async () => {
        const kv = await history()
        const report = await readRunReport(kv, 'national', facilityNurse)
        expect(report?.summary.errors.map((e) => e.sourceId)).toEqual(['c3'])
        expect(report?.orgUnits).toEqual(['FacDhaka001'])
        expect(report?.summary.tracker?.created).toBe(10)
        const everything = await readRunReport(kv, 'national')
        expect(everything?.summary.errors.map((e) => e.sourceId)).toEqual(['c3', 'c4', 'c5'])
    })

    it("does not open another district's run", async () => {
        const kv = await history()
        expect(await readRunReport(kv, 'sylhet', dhakaManager)).toBeUndefined()
        expect(await readRunReport(kv, 'dhaka', dhakaManager)).toBeDefined()
    })

    it('filters national runs that name too many org units for the index by reading their report', async () => {
        const kv = new InMemoryKeyValueStore()
        const errors = Array.from({ length: 150 }, (_, i) =>
            rejected(`c${i}`, `Fac${String(i).padStart(8, '0')}`)
        )
        const scope = { streams: 'both' as const, orgUnits: ['Sylhet00001'] }
        await saveRunReport(
            kv,
            run('wide', { scope, summary: summaryWith([...errors, rejected('x', 'FacDhaka001')]) }),
            options
        )
        const [entry] = await listRunReports(kv)
        expect(entry?.orgUnits).toBeUndefined()
        expect(entry?.orgUnitCount).toBe(151)
        expect((await listRunReports(kv, { viewer: facilityNurse })).map((r) => r.id)).toEqual([
            'wide',
        ])
        expect(
            await listRunReports(kv, { viewer: visibleThroughPaths(['Nowhere0001'], pathOf) })
        ).toEqual([])
    })
})

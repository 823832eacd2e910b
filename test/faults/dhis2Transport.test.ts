/**
 * @jest-environment ./test/setup/nodeFetchEnvironment.js
 */
import { DataStoreError } from '../../src/adapters/dhis2/dataStore'
import { dhis2Requests, type FaultAction, type FaultRule } from './support/faultProxy'
import {
    CLEAN_VERDICT,
    expectReportedAsInSummary,
    resumeUntilSettled,
    runBoth,
    startFaultHarness,
    verdict,
    type FaultHarness,
} from './support/scenario'

/**
 * Issue 12, faults on the DHIS2 side of a full sync (tracker and aggregate): gateway errors and
 * timeouts, connections reset before a request reached DHIS2 or after DHIS2 had imported it (the
 * answer lost), answers cut off halfway, and DHIS2's own random 5xx on any request. After each
 * faulty run the history says what went wrong, and runs without faults end with DHIS2 equal to
 * the oracle worked out from OpenSRP's raw records: no duplicate, nothing lost.
 */

type Scenario = [string, FaultRule['when'], (match: number) => boolean, FaultAction]

const WRITES: Scenario[] = [
    [
        'a gateway answers 503 to the second tracker import',
        dhis2Requests.trackerImport,
        (n) => n === 2,
        { kind: 'status', status: 503 },
    ],
    [
        'the connection resets after DHIS2 imported the third batch (the answer is lost)',
        dhis2Requests.trackerImport,
        (n) => n === 3,
        { kind: 'reset-after' },
    ],
    [
        'the answer to the fourth tracker import is cut off halfway',
        dhis2Requests.trackerImport,
        (n) => n === 4,
        { kind: 'cut-body' },
    ],
]

const MORE_WRITES: Scenario[] = [
    [
        'the connection resets before the second tracker import reaches DHIS2',
        dhis2Requests.trackerImport,
        (n) => n === 2,
        { kind: 'reset-before' },
    ],
    [
        'a gateway times out (504) on the first data value import',
        dhis2Requests.dataValueSets,
        (n) => n === 1,
        { kind: 'status', status: 504 },
    ],
    [
        'the answer to the first data value import is lost after DHIS2 stored it',
        dhis2Requests.dataValueSets,
        (n) => n === 1,
        { kind: 'reset-after' },
    ],
]

async function faultyThenResumed(f: FaultHarness, rule: FaultRule) {
    f.proxy.setRules([rule])
    const faulty = await runBoth(f)
    expect(f.proxy.injected).toHaveLength(1)
    f.proxy.setRules([])
    const report = await expectReportedAsInSummary(f, faulty)
    const resumed = await resumeUntilSettled(f)
    return { faulty, report, resumed }
}

describe.each([
    [40, WRITES],
    [42, [...WRITES, ...MORE_WRITES]],
] as const)('a full sync against DHIS2 2.%i that fails mid-run', (minor, scenarios) => {
    it.each(scenarios)(
        '%s: the run stops, its report says DHIS2 failed, and a resume loses and duplicates nothing',
        async (_, when, times, action) => {
            const f = await startFaultHarness(minor)
            try {
                const { faulty, report } = await faultyThenResumed(f, { when, times, action })
                expect(report.summary.status).toBe('failed')
                expect(report.summary.failure?.code).toBe('DHIS2_UNREACHABLE')
                expect(report.summary.failure?.message).toMatch(/DHIS2/)
                // Whatever DHIS2 answered before the fault is kept: the run did not start over.
                expect(faulty.summary.tracker?.created).toBeGreaterThan(0)
                const v = await verdict(f)
                expect({ tracker: v.tracker, aggregate: v.aggregate }).toEqual(CLEAN_VERDICT)
            } finally {
                await f.close()
            }
        }
    )
})

describe('a full sync against DHIS2 2.42 that stops answering', () => {
    it('waits on a tracker import that never answers until the operator cancels; the report says cancelled, and a resume loses and duplicates nothing', async () => {
        const f = await startFaultHarness(42)
        try {
            f.proxy.setRules([
                {
                    when: dhis2Requests.trackerImport,
                    times: (n) => n === 2,
                    action: { kind: 'hang' },
                },
            ])
            const abort = new AbortController()
            const watch = setInterval(() => {
                if (f.proxy.injected.length > 0) abort.abort()
            }, 20)
            const cancelled = await runBoth(f, { signal: abort.signal }).finally(() =>
                clearInterval(watch)
            )
            f.proxy.setRules([])
            const report = await expectReportedAsInSummary(f, cancelled)
            expect(report.summary.status).toBe('cancelled')
            await resumeUntilSettled(f)
            const v = await verdict(f)
            expect({ tracker: v.tracker, aggregate: v.aggregate }).toEqual(CLEAN_VERDICT)
        } finally {
            await f.close()
        }
    })
})

describe('a full sync against DHIS2 2.42 whose job polls fail', () => {
    it('keeps polling through resets and gateway errors, and finishes the run', async () => {
        const f = await startFaultHarness(42)
        try {
            f.proxy.setRules([
                {
                    // Every read of a job: its report (read first) and its notifications.
                    when: (r) => dhis2Requests.jobReport(r) || dhis2Requests.jobPoll(r),
                    times: (n) => n % 4 === 1,
                    action: { kind: 'reset-after' },
                },
            ])
            const run = await runBoth(f)
            expect(f.proxy.injected.length).toBeGreaterThan(2)
            expect(run.summary.status).not.toBe('failed')
            await expectReportedAsInSummary(f, run)
            await resumeUntilSettled(f)
            const v = await verdict(f)
            expect({ tracker: v.tracker, aggregate: v.aggregate }).toEqual(CLEAN_VERDICT)
        } finally {
            await f.close()
        }
    })
})

describe.each([40, 42] as const)(
    'a full sync against DHIS2 2.%i answering 5xx at random',
    (minor) => {
        it('ends each faulty run with a report that says so (or does not start it), and a resume loses and duplicates nothing', async () => {
            const f = await startFaultHarness(minor, { reopenableDhis2: true })
            try {
                for (const seed of [11, 12, 13]) {
                    // DHIS2's own faults hit every API request: locks, cursors, imports, reports.
                    await f.h.reopenDhis2({ faults: { errorRate: 0.03, seed } })
                    // A lock whose release (or read-back) met a 5xx lapses by itself before the next run.
                    f.clock.advance(11 * 60_000)
                    const posts = () =>
                        [...f.proxy.seen]
                            .filter(([label]) => /^POST .*\/(tracker|dataValueSets)$/.test(label))
                            .reduce((sum, [, n]) => sum + n, 0)
                    const before = posts()
                    const attempt = await runBoth(f).then(
                        (run) => ({ run }),
                        (error: unknown) => ({ error })
                    )
                    if ('error' in attempt) {
                        // Only a run that could not take its lock may fail without a report: it did nothing.
                        expect(attempt.error).toBeInstanceOf(DataStoreError)
                        expect(String(attempt.error)).toMatch(/lock|settings|DHIS2/)
                        expect(posts()).toBe(before)
                        continue
                    }
                    const report = await expectReportedAsInSummary(f, attempt.run)
                    if (report.summary.status === 'failed')
                        expect(report.summary.failure?.code).toMatch(/^DHIS2_/)
                }
                await f.h.reopenDhis2()
                await resumeUntilSettled(f)
                const v = await verdict(f)
                expect({ tracker: v.tracker, aggregate: v.aggregate }).toEqual(CLEAN_VERDICT)
            } finally {
                await f.close()
            }
        })
    }
)

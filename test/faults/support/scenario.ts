/** What every fault scenario shares: a small harness behind a fault proxy, resuming, the verdict. */
import type { Dhis2SandboxOptions } from '../../../sandbox/dhis2'
import type { ConnectorRunInput } from '../../../src/adapters/runner/runConnector'
import type { RunReport } from '../../../src/core/runs/reportRecord'
import { listRunReports, readRunReport } from '../../../src/core/runs/reports'
import type { RunSummary } from '../../../src/core/summary/types'
import {
    startHarness,
    type Harness,
    type HarnessOptions,
} from '../../integration/support/syncHarness'
import { quickClock, quickSleep, type TestClock } from './clocks'
import { startFaultProxy, type FaultProxy } from './faultProxy'
import {
    aggregateDifferences,
    allReports,
    CLEAN,
    excusedBy,
    expectedAggregate,
    expectedFromOpenSrp,
    judgeTracker,
    readAggregateState,
    readTrackerState,
    type TrackerVerdict,
} from './oracle'

export const VERSIONS = [40, 42] as const

export interface FaultHarness {
    h: Harness
    proxy: FaultProxy
    clock: TestClock
    minor: NonNullable<Dhis2SandboxOptions['minor']>
    close(): Promise<void>
}

/**
 * Tens of children, small tracker batches (so a fault lands mid-run, with batches before and
 * after it), both streams, DHIS2 behind a fault proxy, waits cut short.
 */
export async function startFaultHarness(
    minor: NonNullable<Dhis2SandboxOptions['minor']>,
    options: Partial<HarnessOptions> = {}
): Promise<FaultHarness> {
    let proxy: FaultProxy | undefined
    const clock = quickClock()
    const h = await startHarness({
        minor,
        clock,
        transport: { sleep: quickSleep, timeoutMs: 2000 },
        ...options,
        opensrp: { children: 10, seed: 12, ...options.opensrp },
        dhis2: { asyncJobDelayMs: 5, ...options.dhis2 },
        settings: { trackerBatchSize: 25, ...options.settings },
        dhis2Front: async (url) => (proxy = await startFaultProxy(url)),
    })
    if (!proxy) throw new Error('the fault proxy did not start')
    const started = proxy
    return {
        h,
        proxy: started,
        clock,
        minor,
        async close() {
            await started.close()
            await h.close()
        },
    }
}

export async function runBoth(
    f: FaultHarness,
    overrides: Partial<ConnectorRunInput> = {}
): Promise<{ runId: string; summary: RunSummary }> {
    const result = await f.h.run({ scope: { streams: 'both' }, ...overrides })
    if (result.outcome !== 'ran') throw new Error(`locked by ${JSON.stringify(result.heldBy)}`)
    return result
}

const wroteNothing = (s: RunSummary) =>
    (s.status === 'succeeded' || s.status === 'completed-with-errors') &&
    (s.tracker?.created ?? 0) + (s.tracker?.updated ?? 0) + (s.tracker?.deleted ?? 0) === 0 &&
    (s.aggregate?.written ?? 0) === 0

/**
 * Runs again without faults until a run has nothing left to write, moving the clock a day on
 * before each run so every record in the retry queue is due (backoff is at most a day).
 */
export async function resumeUntilSettled(f: FaultHarness, maxRuns = 6): Promise<RunSummary[]> {
    f.proxy.setRules([])
    const summaries: RunSummary[] = []
    for (let i = 0; i < maxRuns; i++) {
        f.clock.advance(25 * 60 * 60_000)
        const { summary } = await runBoth(f)
        summaries.push(summary)
        if (wroteNothing(summary)) return summaries
    }
    throw new Error(
        `still writing after ${maxRuns} runs: ${JSON.stringify(summaries.map((s) => s.status))}`
    )
}

export interface Verdict {
    tracker: TrackerVerdict
    aggregate: string[]
    reports: RunReport[]
}

/** DHIS2 against the oracle, with the reports that excuse records with data problems. */
export async function verdict(
    f: FaultHarness,
    rejectedCodes: ReadonlySet<string> = new Set()
): Promise<Verdict> {
    const expected = await expectedFromOpenSrp(f.h)
    const reports = await allReports(f.h)
    const excused = excusedBy(reports, expected, rejectedCodes)
    return {
        tracker: judgeTracker(await readTrackerState(f.h, f.minor), expected, excused),
        aggregate: aggregateDifferences(
            await readAggregateState(f.h),
            await expectedAggregate(f.h)
        ),
        reports,
    }
}

export const CLEAN_VERDICT = { tracker: CLEAN, aggregate: [] }

/**
 * The faulty run as the history shows it: its entry in runs.index and its report, which must say
 * what the summary says (status, failure, every per-record error).
 */
export async function reportOf(f: FaultHarness, runId: string): Promise<RunReport> {
    const index = await listRunReports(f.h.kv)
    const entry = index.find((e) => e.id === runId)
    if (!entry) throw new Error(`run ${runId} is not in runs.index`)
    const report = await readRunReport(f.h.kv, runId)
    if (!report) throw new Error(`run ${runId} has no report`)
    expect(entry.status).toBe(report.summary.status)
    return report
}

export async function expectReportedAsInSummary(
    f: FaultHarness,
    run: { runId: string; summary: RunSummary }
): Promise<RunReport> {
    const report = await reportOf(f, run.runId)
    expect(report.summary.status).toBe(run.summary.status)
    expect(report.summary.failure).toEqual(run.summary.failure)
    const key = (e: { sourceId: string; code: string }) => `${e.sourceId} ${e.code}`
    expect(report.summary.errors.map(key).sort()).toEqual(run.summary.errors.map(key).sort())
    return report
}

import type { Clock } from '../ports/clock'
import type { CursorStore } from '../ports/cursorStore'
import type { EventSelection, OpenSrpSource } from '../ports/openSrpSource'
import type { RunStatus, RunSummary } from '../summary/types'
import type { AggregateSide } from './aggregateSide'
import { clientSync } from './clientPhase'
import { ErrorLog } from './errorLog'
import { retryRewind } from './retryRewind'
import { runFailureOf } from './runFailure'
import { emptyTrackerTotals, type TrackerContext } from './trackerContext'
import { eventSync } from './eventPhase'

export type SyncPhase =
    'syncing-clients' | 'syncing-events' | 'posting-aggregates' | 'done' | 'failed' | 'cancelled'

export interface SyncProgress {
    phase: SyncPhase
    pulled: number
    written: number
    unchanged: number
    skipped: number
    failed: number
    batches: number
}

export interface SyncRun {
    source: OpenSrpSource
    cursors: CursorStore
    clock: Clock
    scopeKey: string
    events: EventSelection
    dryRun: boolean
    /** Set when the run writes tracker data. */
    tracker?: Omit<TrackerContext, 'errors' | 'totals' | 'dryRun' | 'signal' | 'onBatch'>
    /** Set when the run counts aggregates. */
    aggregate?: AggregateSide
    maxErrors: number
    signal?: AbortSignal
    onProgress?: (progress: SyncProgress) => void
}

/**
 * One sync run: pull → validate → map → write → confirm → checkpoint (DESIGN §2). Clients first,
 * so events find their tracked entities; then one pass over the events feeds both the tracker
 * writer and the aggregate ledger; then the ledger's dirty cells are posted. A cursor is saved
 * only after DHIS2 answered for its batch (rejections go to the retry queue and the report); a
 * failure of DHIS2 or OpenSRP as a whole stops the run with the cursor before that batch.
 */
export async function runSync(run: SyncRun): Promise<RunSummary> {
    const errors = new ErrorLog(run.maxErrors)
    const progress: SyncProgress = {
        phase: 'syncing-clients',
        pulled: 0,
        written: 0,
        unchanged: 0,
        skipped: 0,
        failed: 0,
        batches: 0,
    }
    const totals = emptyTrackerTotals()
    const report = (phase: SyncPhase = progress.phase) => {
        progress.phase = phase
        if (run.tracker) {
            progress.written = totals.created + totals.updated + totals.deleted
            progress.unchanged = totals.unchanged
            progress.skipped = totals.skipped
        }
        progress.failed = totals.failed + (run.aggregate?.totals.failed ?? 0)
        run.onProgress?.({ ...progress })
    }
    const tracker: TrackerContext | undefined = run.tracker && {
        ...run.tracker,
        errors,
        totals,
        dryRun: run.dryRun,
        signal: run.signal,
        onBatch: () => {
            progress.batches++
            report()
        },
    }
    const summarise = (status: RunStatus, failure?: RunSummary['failure']): RunSummary => ({
        status,
        dryRun: run.dryRun,
        ...(tracker ? { tracker: { ...totals } } : {}),
        ...(run.aggregate ? { aggregate: { ...run.aggregate.totals } } : {}),
        errors: errors.kept,
        errorsOmitted: errors.omitted,
        ...(failure ? { failure } : {}),
    })

    try {
        const rewind = tracker
            ? await retryRewind(tracker.store, {
                  now: tracker.now,
                  maxAttempts: tracker.maxAttempts,
                  retryKeys: tracker.retryKeys,
              })
            : {}
        if (tracker) await clientSync(run, tracker, errors, progress, report, rewind.clients)

        report('syncing-events')
        await eventSync(run, tracker, errors, progress, report, rewind.events)
        if (run.aggregate) {
            report('posting-aggregates')
            await run.aggregate.finish({ complete: true }, errors)
        }
        report('done')
        return summarise(errors.total > 0 ? 'completed-with-errors' : 'succeeded')
    } catch (error) {
        if (run.signal?.aborted) {
            report('cancelled')
            return summarise('cancelled')
        }
        report('failed')
        const failure = runFailureOf(error)
        if (failure) return summarise('failed', { code: failure.code, message: failure.message })
        throw error
    }
}

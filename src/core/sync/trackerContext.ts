import type { Clock } from '../ports/clock'
import type { TrackerTarget } from '../ports/dhis2Target'
import type { SyncStore } from '../ports/syncStore'
import type { TrackerTotals } from '../summary/types'
import type { ErrorLog } from './errorLog'
import type { TrackerMapper } from './mappers'

export interface TrackerContext {
    target: TrackerTarget
    mapper: TrackerMapper
    store: SyncStore
    clock: Clock
    errors: ErrorLog
    hash: (value: unknown) => string
    dryRun: boolean
    /** Objects per DHIS2 request. */
    batchSize: number
    totals: TrackerTotals
    signal?: AbortSignal
    /** Epoch ms at the start of the run (backoff decisions). */
    now: number
    /** Failed records a person asked to retry now, by store key. */
    retryKeys?: Set<string>
    /** Failed records are retried automatically while attempts < maxAttempts. */
    maxAttempts: number
    /**
     * True when the OpenSRP ID attribute is unique in DHIS2 and the writer reports E1064: clients
     * are then adopted only when DHIS2 says their ID is taken, instead of looked up beforehand.
     */
    adoptOnConflict?: boolean
    /** Called after each DHIS2 request, for progress. */
    onBatch?: () => void
}

export const emptyTrackerTotals = (): TrackerTotals => ({
    created: 0,
    updated: 0,
    deleted: 0,
    unchanged: 0,
    failed: 0,
    skipped: 0,
    waiting: 0,
})

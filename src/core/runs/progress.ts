import type { Clock } from '../ports/clock'

/** Where a run is and what it has done so far, as the UI's progress panel and the CLI show it. */

export type RunPhase =
    | 'starting'
    | 'reading-configuration'
    | 'checking-lock'
    | 'reading-locations'
    | 'syncing-clients'
    | 'syncing-events'
    | 'posting-aggregates'
    | 'retrying-failed'
    | 'writing-report'
    | 'done'
    | 'failed'
    | 'cancelled'

export const RUN_PHASES: readonly RunPhase[] = [
    'starting',
    'reading-configuration',
    'checking-lock',
    'reading-locations',
    'syncing-clients',
    'syncing-events',
    'posting-aggregates',
    'retrying-failed',
    'writing-report',
    'done',
    'failed',
    'cancelled',
]

export const isFinalPhase = (phase: RunPhase): boolean =>
    phase === 'done' || phase === 'failed' || phase === 'cancelled'

export interface RunCounts {
    /** Records read from OpenSRP. */
    pulled: number
    /** Records turned into DHIS2 payloads. */
    mapped: number
    /** Objects or data values DHIS2 created or updated. */
    written: number
    /** Records whose payload had not changed since it was last sent (not sent again). */
    unchanged: number
    /** Records deliberately left out (not for any mapped program, voided before first sync …). */
    skipped: number
    failed: number
    /** DHIS2 requests made. */
    batches: number
}

export const ZERO_RUN_COUNTS: RunCounts = {
    pulled: 0,
    mapped: 0,
    written: 0,
    unchanged: 0,
    skipped: 0,
    failed: 0,
    batches: 0,
}

const COUNT_FIELDS: ReadonlyArray<keyof RunCounts> = [
    'pulled',
    'mapped',
    'written',
    'unchanged',
    'skipped',
    'failed',
    'batches',
]

export interface RunProgress extends RunCounts {
    phase: RunPhase
    /** ISO time the run started. */
    startedAt: string
    /** A line for the current phase ("Batch 12 of about 40", "Waiting for DHIS2's import job"). */
    message?: string
}

export function startProgress(startedAt: number): RunProgress {
    return { phase: 'starting', ...ZERO_RUN_COUNTS, startedAt: new Date(startedAt).toISOString() }
}

export interface ProgressUpdate {
    phase?: RunPhase
    /** Replaces the message; a new phase without a message clears the old one. */
    message?: string
    /** Added to the counts (not replacing them). */
    add?: Partial<RunCounts>
}

/** A new progress value; the one passed in is left as it was. */
export function updateProgress(progress: RunProgress, update: ProgressUpdate): RunProgress {
    const next: RunProgress = { ...progress }
    for (const field of COUNT_FIELDS) next[field] += update.add?.[field] ?? 0
    if (update.phase !== undefined && update.phase !== progress.phase) {
        next.phase = update.phase
        delete next.message
    }
    if (update.message !== undefined) next.message = update.message
    return next
}

/** The counts alone (what a report or the run history keeps). */
export function countsOf(progress: RunCounts): RunCounts {
    const { pulled, mapped, written, unchanged, skipped, failed, batches } = progress
    return { pulled, mapped, written, unchanged, skipped, failed, batches }
}

export interface ProgressThrottle {
    /** Passes the progress on now, or keeps it until the interval has passed. */
    report(progress: RunProgress): void
    /** Passes on what is being kept, if anything (call it when the run ends). */
    flush(): void
}

/**
 * Calls `listener` at most once every `intervalMs` of the clock for count changes, so a run over a
 * million records does not re-render the page a million times. A new phase is passed on at once:
 * there are few of them and the user should see each. Uses no timer: what is held back goes out
 * with the next report after the interval, or at flush().
 */
export function throttleProgress(
    clock: Clock,
    intervalMs: number,
    listener: (progress: RunProgress) => void
): ProgressThrottle {
    let lastSentAt: number | undefined
    let lastPhase: RunPhase | undefined
    let pending: RunProgress | undefined
    const send = (progress: RunProgress) => {
        pending = undefined
        lastSentAt = clock.now()
        lastPhase = progress.phase
        listener(progress)
    }
    return {
        report(progress) {
            const due = lastSentAt === undefined || clock.now() - lastSentAt >= intervalMs
            if (due || progress.phase !== lastPhase) send(progress)
            else pending = progress
        },
        flush() {
            if (pending) send(pending)
        },
    }
}

import type { ConnectorRunResult } from '../adapters/runner/runConnector'
import type { Clock } from '../core/ports/clock'
import type { HeldRunLock } from '../core/runs/lockRecord'

export interface WaitForLockOptions {
    /** How long to keep trying while another run holds the scope (0: try once). */
    waitMs: number
    clock: Clock
    /** Time between tries. */
    pollMs?: number
    signal?: AbortSignal
    /** Told each time a different run is found holding the scope. */
    onWaiting?: (heldBy: HeldRunLock, remainingMs: number) => void
}

/**
 * `sync --wait SECONDS`: tries the run, and while another run holds an overlapping scope tries
 * again every few seconds until the time is up. What comes back is the last answer: the run's, or
 * `locked` with whoever held the scope at the last try.
 */
export async function runWaitingForLock(
    attempt: () => Promise<ConnectorRunResult>,
    { waitMs, clock, pollMs = 5000, signal, onWaiting }: WaitForLockOptions
): Promise<ConnectorRunResult> {
    const deadline = clock.now() + Math.max(0, waitMs)
    let told: string | undefined
    for (;;) {
        const result = await attempt()
        if (result.outcome !== 'locked') return result
        const remaining = deadline - clock.now()
        if (remaining <= 0 || signal?.aborted) return result
        if (told !== result.heldBy.runId) {
            told = result.heldBy.runId
            onWaiting?.(result.heldBy, remaining)
        }
        try {
            await clock.sleep(Math.min(pollMs, remaining), signal)
        } catch {
            return result
        }
    }
}

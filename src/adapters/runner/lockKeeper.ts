import { RunLockLostError, type RunLockHandle } from '../../core/runs/lock'

/**
 * Keeps a run's lock alive while the run works, and stops the run when the lock is lost.
 *
 * Heartbeats go on a timer, not on progress: a run can sit for minutes in one DHIS2 import job or
 * one slow OpenSRP page without reporting progress, and its lock must not lapse meanwhile. A beat
 * that fails for a passing reason (network, 5xx) is simply tried again at the next tick; once the
 * lock is gone, taken over or expired (RunLockLostError), `signal` aborts so the run stops at its
 * next step, and `lost()` says why.
 */
export interface LockKeeper {
    /** Aborted when the caller's signal aborts or the lock is lost: give it to the run. */
    readonly signal: AbortSignal
    /** Why the lock was lost, once it was. */
    lost(): RunLockLostError | undefined
    /** Renews the lock now (also used by the timer); never throws. */
    beat(): Promise<void>
    /** Stops the timer (call it before releasing the lock). */
    stop(): void
}

export interface KeepLockOptions {
    /** Time between heartbeats: a third of the lock's time to live or less. */
    intervalMs: number
    signal?: AbortSignal
}

export function keepLock(lock: RunLockHandle, { intervalMs, signal }: KeepLockOptions): LockKeeper {
    if (!(intervalMs > 0)) throw new Error(`intervalMs must be positive: ${intervalMs}`)
    const controller = new AbortController()
    const forward = () => controller.abort(signal?.reason)
    if (signal?.aborted) forward()
    else signal?.addEventListener('abort', forward, { once: true })

    let lostWith: RunLockLostError | undefined
    let inFlight: Promise<void> | undefined
    let timer: ReturnType<typeof setTimeout> | undefined
    let stopped = false

    const beat = (): Promise<void> => {
        if (lostWith || stopped) return Promise.resolve()
        inFlight ??= lock
            .heartbeat(controller.signal)
            .then(
                () => undefined,
                (error: unknown) => {
                    if (!(error instanceof RunLockLostError)) return
                    lostWith = error
                    controller.abort(error)
                }
            )
            .finally(() => {
                inFlight = undefined
            })
        return inFlight
    }

    const schedule = () => {
        if (stopped || lostWith) return
        timer = setTimeout(() => {
            void beat().then(schedule)
        }, intervalMs)
    }
    schedule()

    return {
        signal: controller.signal,
        lost: () => lostWith,
        beat,
        stop() {
            stopped = true
            if (timer !== undefined) clearTimeout(timer)
            signal?.removeEventListener('abort', forward)
        },
    }
}

import { nextAttemptAt } from '../runs/retry'

/** The retry queue's schedule: 1 min after the first failure, doubling, at most a day. */
export const RETRY_BACKOFF = { baseMs: 60_000, maxMs: 24 * 60 * 60_000 }

export const nextAttemptAfter = (attempts: number, now: number): number =>
    nextAttemptAt(attempts, now, RETRY_BACKOFF)

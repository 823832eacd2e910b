/**
 * When a failed record is tried again (the retry queue, issue 10). No jitter: runs are already
 * spread out by their schedules and the records of one batch are retried together in one request,
 * so a deterministic delay costs nothing and keeps tests exact.
 */

export interface BackoffOptions {
    /** Wait after the first failure. */
    baseMs: number
    /** Longest wait, however many attempts failed. */
    maxMs: number
}

/**
 * Epoch ms before which a record that failed `attempts` times is not retried: baseMs after the
 * first failure, doubling with each one, never more than maxMs. No failure yet: now.
 */
export function nextAttemptAt(
    attempts: number,
    now: number,
    { baseMs, maxMs }: BackoffOptions
): number {
    if (!(attempts >= 1)) return now
    // 2 ** 1024 is Infinity, so cap the exponent before multiplying.
    const doublings = Math.min(Math.floor(attempts) - 1, 60)
    return now + Math.min(maxMs, baseMs * 2 ** doublings)
}

/** A record that failed `attempts` times is retried automatically while attempts < maxAttempts. */
export const shouldRetry = (attempts: number, maxAttempts: number): boolean =>
    attempts < maxAttempts

/** When a failed record is due again: 1 min, 2, 4 … capped at a day. Deterministic for tests. */
export function nextAttemptAfter(attempts: number, now: number): number {
    const minutes = Math.min(2 ** Math.max(0, attempts - 1), 24 * 60)
    return now + minutes * 60_000
}

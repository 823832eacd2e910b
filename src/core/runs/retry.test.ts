/** @jest-environment node */
import { nextAttemptAt, shouldRetry } from './retry'

const NOW = Date.parse('2024-03-01T10:00:00.000Z')
const MINUTE = 60_000
const backoff = { baseMs: MINUTE, maxMs: 60 * MINUTE }

describe('retry backoff', () => {
    it('waits the base delay after the first failure and doubles it after each next one', () => {
        expect([1, 2, 3, 4].map((a) => (nextAttemptAt(a, NOW, backoff) - NOW) / MINUTE)).toEqual([
            1, 2, 4, 8,
        ])
    })

    it('never waits longer than the cap, even after very many failures', () => {
        expect(nextAttemptAt(7, NOW, backoff) - NOW).toBe(60 * MINUTE)
        expect(nextAttemptAt(5000, NOW, backoff) - NOW).toBe(60 * MINUTE)
    })

    it('is due at once when nothing failed yet', () => {
        expect(nextAttemptAt(0, NOW, backoff)).toBe(NOW)
    })

    it('retries automatically until the attempts reach the limit', () => {
        expect(shouldRetry(2, 3)).toBe(true)
        expect(shouldRetry(3, 3)).toBe(false)
    })
})

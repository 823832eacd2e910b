/** @jest-environment node */
import { describeDuration, describeHeldLock } from './lockMessage'
import type { HeldRunLock } from './lockRecord'

const held: HeldRunLock = {
    user: 'operator',
    runId: 'run-a',
    trigger: 'manual',
    since: '2024-03-01T10:02:00.000Z',
    heartbeatAt: '2024-03-01T10:05:00.000Z',
    expiresAt: '2024-03-01T10:20:00.000Z',
    scopeKey: 'ou-Dhaka000001',
    scope: { streams: 'both', orgUnits: ['Dhaka000001'] },
}

describe('the message about a held lock', () => {
    it('says who holds the scope, since when, when it last showed life, and what to do', () => {
        expect(describeHeldLock(held, Date.parse('2024-03-01T10:05:30.000Z'))).toBe(
            'A manual run by operator has held this scope since 10:02 (last heartbeat 30 s ago, run run-a). ' +
                'Wait for it to finish and try again. If that run stopped without releasing the lock, ' +
                'the lock expires at 10:20 and a new run can start then.'
        )
    })

    it("shows times in the reader's time zone, with the date when it is not today", () => {
        const text = describeHeldLock(
            { ...held, trigger: 'scheduled', user: 'ops-bot', host: 'runner-2' },
            Date.parse('2024-03-02T10:00:00.000Z'),
            { timeZone: 'Asia/Dhaka' }
        )
        expect(text).toMatch(
            /^A scheduled run by ops-bot on runner-2 held this scope since 2024-03-01 16:02/
        )
    })

    it('says an expired lock will be taken over', () => {
        expect(describeHeldLock(held, Date.parse('2024-03-01T10:45:00.000Z'))).toMatch(
            /lock expired at 10:20 \(last heartbeat 40 min ago\); it seems to have stopped/
        )
    })

    it('rounds durations to what a person reads', () => {
        expect(describeDuration(400)).toBe('0 s')
        expect(describeDuration(125_000)).toBe('2 min')
        expect(describeDuration(2 * 3_600_000 + 5 * 60_000)).toBe('2 h 5 min')
        expect(describeDuration(3 * 86_400_000)).toBe('3 days')
    })
})

/** @jest-environment node */
import { FakeClock } from '../../test/fakes/fakeClock'
import type { ConnectorRunResult } from '../adapters/runner/runConnector'
import type { HeldRunLock } from '../core/runs/lockRecord'
import { runWaitingForLock } from './waitForLock'

const held = (runId: string): HeldRunLock => ({
    user: 'admin',
    runId,
    trigger: 'manual',
    since: '2024-03-01T10:00:00.000Z',
    heartbeatAt: '2024-03-01T10:00:00.000Z',
    expiresAt: '2024-03-01T10:10:00.000Z',
    scopeKey: 'all',
    scope: { streams: 'both' },
})

const ran: ConnectorRunResult = {
    outcome: 'ran',
    runId: 'mine',
    summary: { status: 'succeeded', dryRun: false, errors: [], errorsOmitted: 0 },
}

function attempts(answers: ConnectorRunResult[]) {
    let calls = 0
    return {
        calls: () => calls,
        attempt: async () => answers[Math.min(calls++, answers.length - 1)] ?? ran,
    }
}

describe('sync --wait', () => {
    it('tries once and hands back who holds the scope when there is no time to wait', async () => {
        const { attempt, calls } = attempts([{ outcome: 'locked', heldBy: held('a') }])
        const result = await runWaitingForLock(attempt, { waitMs: 0, clock: new FakeClock() })
        expect(result).toEqual({ outcome: 'locked', heldBy: held('a') })
        expect(calls()).toBe(1)
    })

    it('tries again every few seconds until the other run is gone, saying once per holder whom it waits for', async () => {
        const clock = new FakeClock()
        const told: string[] = []
        const { attempt, calls } = attempts([
            { outcome: 'locked', heldBy: held('a') },
            { outcome: 'locked', heldBy: held('a') },
            { outcome: 'locked', heldBy: held('b') },
            ran,
        ])
        const result = await runWaitingForLock(attempt, {
            waitMs: 60_000,
            clock,
            pollMs: 5000,
            onWaiting: (h) => told.push(h.runId),
        })
        expect(result).toBe(ran)
        expect(calls()).toBe(4)
        expect(told).toEqual(['a', 'b'])
        expect(clock.sleeps).toEqual([5000, 5000, 5000])
    })

    it('gives up when the time is up, with the last holder', async () => {
        const clock = new FakeClock()
        const { attempt } = attempts([{ outcome: 'locked', heldBy: held('a') }])
        const result = await runWaitingForLock(attempt, { waitMs: 12_000, clock, pollMs: 5000 })
        expect(result.outcome).toBe('locked')
        expect(clock.sleeps).toEqual([5000, 5000, 2000])
    })

    it('stops waiting when cancelled', async () => {
        const controller = new AbortController()
        controller.abort()
        const { attempt, calls } = attempts([{ outcome: 'locked', heldBy: held('a') }])
        const result = await runWaitingForLock(attempt, {
            waitMs: 60_000,
            clock: new FakeClock(),
            signal: controller.signal,
        })
        expect(result.outcome).toBe('locked')
        expect(calls()).toBe(1)
    })
})

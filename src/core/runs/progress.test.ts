/** @jest-environment node */
import { FakeClock } from '../../../test/fakes/fakeClock'
import { countsOf, isFinalPhase, startProgress, throttleProgress, updateProgress } from './progress'
import type { RunPhase, RunProgress } from './progress'

describe('run progress', () => {
    const start = startProgress(Date.parse('2024-03-01T10:00:00.000Z'))

    it('starts at zero in the starting phase', () => {
        expect(start).toEqual({
            phase: 'starting',
            startedAt: '2024-03-01T10:00:00.000Z',
            pulled: 0,
            mapped: 0,
            written: 0,
            unchanged: 0,
            skipped: 0,
            failed: 0,
            batches: 0,
        })
    })

    it('adds counts and leaves the previous value untouched', () => {
        const first = updateProgress(start, {
            phase: 'syncing-clients',
            add: { pulled: 100, batches: 1 },
        })
        const second = updateProgress(first, { add: { pulled: 50, written: 140, failed: 2 } })
        expect(countsOf(second)).toEqual({
            pulled: 150,
            mapped: 0,
            written: 140,
            unchanged: 0,
            skipped: 0,
            failed: 2,
            batches: 1,
        })
        expect(first.pulled).toBe(100)
        expect(start.pulled).toBe(0)
    })

    it("drops the old phase's message when the phase changes", () => {
        const posting = updateProgress(start, {
            phase: 'posting-aggregates',
            message: 'Batch 1 of 4',
        })
        expect(updateProgress(posting, { add: { batches: 1 } }).message).toBe('Batch 1 of 4')
        expect(updateProgress(posting, { phase: 'writing-report' }).message).toBeUndefined()
    })

    it('knows which phases end a run', () => {
        const phases: RunPhase[] = ['done', 'failed', 'cancelled', 'syncing-events']
        expect(phases.map(isFinalPhase)).toEqual([true, true, true, false])
    })
})

describe('the progress throttle', () => {
    function setup() {
        const clock = new FakeClock()
        const seen: RunProgress[] = []
        const throttle = throttleProgress(clock, 500, (p) => seen.push(p))
        let progress = updateProgress(startProgress(clock.now()), { phase: 'syncing-clients' })
        const pull = (n: number) => {
            progress = updateProgress(progress, { add: { pulled: n } })
            throttle.report(progress)
        }
        const enter = (phase: RunProgress['phase']) => {
            progress = updateProgress(progress, { phase })
            throttle.report(progress)
        }
        return { clock, seen, throttle, pull, enter }
    }

    it('passes on the first report and then at most one every interval', () => {
        const { clock, seen, pull } = setup()
        for (let i = 0; i < 10; i++) {
            pull(10)
            clock.advance(100)
        }
        expect(seen.map((p) => p.pulled)).toEqual([10, 60])
    })

    it('passes on a new phase at once', () => {
        const { clock, seen, pull, enter } = setup()
        pull(10)
        clock.advance(10)
        enter('syncing-events')
        expect(seen.map((p) => p.phase)).toEqual(['syncing-clients', 'syncing-events'])
    })

    it('hands over the last held-back progress on flush, and nothing twice', () => {
        const { clock, seen, throttle, pull } = setup()
        pull(10)
        clock.advance(100)
        pull(5)
        throttle.flush()
        throttle.flush()
        expect(seen.map((p) => p.pulled)).toEqual([10, 15])
    })
})

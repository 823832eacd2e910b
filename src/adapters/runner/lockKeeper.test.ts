/** @jest-environment node */
import { FakeClock } from '../../../test/fakes/fakeClock'
import { InMemoryKeyValueStore } from '../../../test/fakes/inMemoryKeyValueStore'
import { acquireRunLock, RunLockLostError } from '../../core/runs/lock'
import { keepLock } from './lockKeeper'

const MINUTE = 60_000

async function setup() {
    const kv = new InMemoryKeyValueStore()
    const clock = new FakeClock('2024-03-01T10:00:00.000Z')
    const acquired = await acquireRunLock(kv, clock, {
        scope: { streams: 'tracker', orgUnits: ['/NWRRJHHp571/U2aENHhynLg'] },
        owner: { user: 'ops-bot', runId: 'run-a', trigger: 'scheduled' },
        ttlMs: 3 * MINUTE,
    })
    if (!acquired.ok) throw new Error('expected the lock')
    return { kv, clock, lock: acquired.lock }
}

async function until(condition: () => boolean) {
    for (let i = 0; i < 500 && !condition(); i++)
        await new Promise((resolve) => setTimeout(resolve, 5))
    if (!condition()) throw new Error('the condition never held')
}

describe('keepLock', () => {
    it('renews the lock on its own timer while the run works', async () => {
        const { kv, clock, lock } = await setup()
        const keeper = keepLock(lock, { intervalMs: 10 })
        clock.advance(MINUTE)
        await until(() => lock.expiresAt === '2024-03-01T10:04:00.000Z')
        keeper.stop()
        expect(await kv.read(lock.key)).toMatchObject({ expiresAt: '2024-03-01T10:04:00.000Z' })
        expect(keeper.signal.aborted).toBe(false)
    })

    it('aborts the run and says why when another run took the lock over', async () => {
        const { kv, lock } = await setup()
        const keeper = keepLock(lock, { intervalMs: 60_000 })
        const stored = (await kv.read(lock.key)) as Record<string, unknown>
        await kv.write(lock.key, {
            ...stored,
            owner: { user: 'admin', runId: 'run-b', trigger: 'manual' },
        })
        await keeper.beat()
        keeper.stop()
        expect(keeper.signal.aborted).toBe(true)
        expect(keeper.signal.reason).toBeInstanceOf(RunLockLostError)
        expect(keeper.lost()?.reason).toBe('taken-over')
        expect(keeper.lost()?.message).toMatch(/Another run \(manual, by admin, run run-b\)/)
    })

    it('stops the run once its lock expired unrenewed (a machine asleep), even if nobody took it', async () => {
        const { clock, lock } = await setup()
        const keeper = keepLock(lock, { intervalMs: 60_000 })
        clock.advance(4 * MINUTE)
        await keeper.beat()
        keeper.stop()
        expect(keeper.lost()?.reason).toBe('expired')
        expect(keeper.signal.aborted).toBe(true)
    })

    it('lets a heartbeat that failed for a passing reason be tried again without stopping the run', async () => {
        const { kv, clock, lock } = await setup()
        const keeper = keepLock(lock, { intervalMs: 60_000 })
        const read = kv.read.bind(kv)
        kv.read = () => Promise.reject(new Error('socket hang up'))
        await keeper.beat()
        expect(keeper.signal.aborted).toBe(false)
        kv.read = read
        clock.advance(MINUTE)
        await keeper.beat()
        keeper.stop()
        expect(keeper.signal.aborted).toBe(false)
        expect(lock.expiresAt).toBe('2024-03-01T10:04:00.000Z')
    })

    it("passes the caller's cancel on to the run", async () => {
        const { lock } = await setup()
        const caller = new AbortController()
        const keeper = keepLock(lock, { intervalMs: 60_000, signal: caller.signal })
        caller.abort(new Error('Ctrl-C'))
        keeper.stop()
        expect(keeper.signal.aborted).toBe(true)
        expect(keeper.lost()).toBeUndefined()
    })
})

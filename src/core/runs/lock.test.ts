/** @jest-environment node */
import { FakeClock } from '../../../test/fakes/fakeClock'
import { InMemoryKeyValueStore } from '../../../test/fakes/inMemoryKeyValueStore'
import { acquireRunLock, listRunLocks, RunLockLostError } from './lock'
import type { AcquireRunLockOptions, RunLockHandle } from './lock'
import { releaseLock } from './releaseLock'
import type { RunLockOwner } from './lockRecord'

const DHAKA = '/BDroot00001/Dhaka000001'
const SAVAR_FACILITY = '/BDroot00001/Dhaka000001/Savar000001/Fac00000001'
const SYLHET = '/BDroot00001/Sylhet00001'
const MINUTE = 60_000

const operator: RunLockOwner = { user: 'operator', runId: 'run-a', trigger: 'manual' }
const scheduler: RunLockOwner = {
    user: 'ops-bot',
    runId: 'run-b',
    trigger: 'scheduled',
    host: 'runner-2',
}

function setup() {
    const kv = new InMemoryKeyValueStore()
    const clock = new FakeClock('2024-03-01T10:02:00.000Z')
    const acquire = (owner: RunLockOwner, options: Partial<AcquireRunLockOptions> = {}) =>
        acquireRunLock(kv, clock, {
            scope: { streams: 'both', orgUnits: [DHAKA] },
            owner,
            ttlMs: 15 * MINUTE,
            ...options,
        })
    const mustAcquire = async (
        owner: RunLockOwner,
        options: Partial<AcquireRunLockOptions> = {}
    ) => {
        const result = await acquire(owner, options)
        if (!result.ok) throw new Error(`expected the lock, held by ${result.heldBy.runId}`)
        return result.lock
    }
    return { kv, clock, acquire, mustAcquire }
}

async function lostReason(lock: RunLockHandle): Promise<RunLockLostError> {
    try {
        await lock.heartbeat()
    } catch (error) {
        if (error instanceof RunLockLostError) return error
        throw error
    }
    throw new Error('the heartbeat succeeded')
}

describe('the run lock', () => {
    it('is stored under lock.<scopeKey> with its owner and expiry', async () => {
        const { kv, mustAcquire } = setup()
        const lock = await mustAcquire(operator)
        expect(lock.key).toBe('lock.ou-Dhaka000001')
        expect(await kv.read('lock.ou-Dhaka000001')).toMatchObject({
            owner: operator,
            since: '2024-03-01T10:02:00.000Z',
            expiresAt: '2024-03-01T10:17:00.000Z',
        })
    })

    it('refuses a second run of the same scope and says who holds it and since when', async () => {
        const { clock, acquire, mustAcquire } = setup()
        await mustAcquire(operator)
        clock.advance(MINUTE)
        const second = await acquire(scheduler, {
            scope: { streams: 'tracker', orgUnits: ['Dhaka000001'] },
        })
        expect(second).toEqual({
            ok: false,
            heldBy: expect.objectContaining({
                user: 'operator',
                runId: 'run-a',
                trigger: 'manual',
                since: '2024-03-01T10:02:00.000Z',
                heartbeatAt: '2024-03-01T10:02:00.000Z',
                expiresAt: '2024-03-01T10:17:00.000Z',
            }),
        })
    })

    it('lets runs over sibling subtrees go side by side', async () => {
        const { mustAcquire } = setup()
        await mustAcquire(operator)
        const sylhet = await mustAcquire(scheduler, {
            scope: { streams: 'both', orgUnits: [SYLHET] },
        })
        expect(sylhet.key).toBe('lock.ou-Sylhet00001')
    })

    it('refuses overlapping scopes under other keys: the whole country, or a facility below the district', async () => {
        const { acquire, mustAcquire } = setup()
        await mustAcquire(operator)
        const country = await acquire(scheduler, { scope: { streams: 'aggregate' } })
        const facility = await acquire(scheduler, {
            scope: { streams: 'tracker', orgUnits: [SAVAR_FACILITY] },
        })
        expect(country.ok).toBe(false)
        expect(facility.ok).toBe(false)
    })

    it('is extended by a heartbeat, so it outlives its first expiry', async () => {
        const { clock, acquire, mustAcquire } = setup()
        const lock = await mustAcquire(operator)
        clock.advance(10 * MINUTE)
        expect(await lock.heartbeat()).toEqual({ expiresAt: '2024-03-01T10:27:00.000Z' })
        clock.advance(10 * MINUTE)
        const other = await acquire(scheduler)
        expect(other.ok).toBe(false)
        expect(!other.ok && other.heldBy.heartbeatAt).toBe('2024-03-01T10:12:00.000Z')
    })

    it('is taken over once expired, and the old holder learns it at its next heartbeat', async () => {
        const { kv, clock, mustAcquire } = setup()
        const stale = await mustAcquire(operator)
        clock.advance(16 * MINUTE)
        const fresh = await mustAcquire(scheduler)
        const error = await lostReason(stale)
        expect(error.reason).toBe('taken-over')
        expect(error.heldBy).toMatchObject({ runId: 'run-b', user: 'ops-bot' })
        expect(error.message).toMatch(/took over this scope's lock/)
        expect(await stale.release()).toBe(false)
        expect(await kv.read(fresh.key)).toMatchObject({ owner: scheduler })
    })

    it('stops a run whose lock expired even when nobody took it over', async () => {
        const { clock, mustAcquire } = setup()
        const lock = await mustAcquire(operator)
        clock.advance(20 * MINUTE)
        expect((await lostReason(lock)).reason).toBe('expired')
    })

    it('is released only by its holder, once', async () => {
        const { kv, mustAcquire } = setup()
        const lock = await mustAcquire(operator)
        expect(await lock.release()).toBe(true)
        expect(await kv.read(lock.key)).toBeUndefined()
        const next = await mustAcquire(scheduler)
        expect(await lock.release()).toBe(false)
        expect(await kv.read(next.key)).toMatchObject({ owner: scheduler })
        expect((await lostReason(lock)).reason).toBe('released')
    })

    it('notices a lock removed by hand', async () => {
        const { kv, mustAcquire } = setup()
        const lock = await mustAcquire(operator)
        await kv.remove(lock.key)
        expect((await lostReason(lock)).reason).toBe('removed')
    })

    it('writes over a value it cannot read instead of blocking for ever', async () => {
        const { kv, mustAcquire } = setup()
        await kv.write('lock.ou-Dhaka000001', { owner: 'garbage' })
        await expect(mustAcquire(operator)).resolves.toBeDefined()
    })

    it('lists the locks in the namespace, oldest first', async () => {
        const { kv, clock, mustAcquire } = setup()
        await mustAcquire(operator)
        clock.advance(MINUTE)
        await mustAcquire(scheduler, { scope: { streams: 'both', orgUnits: [SYLHET] } })
        expect((await listRunLocks(kv)).map((l) => l.owner.runId)).toEqual(['run-a', 'run-b'])
    })
})

describe('the run lock without compare-and-swap', () => {
    /** A store where another runner's write lands right after one of ours. */
    function racingStore(onWrite: (kv: InMemoryKeyValueStore, key: string) => Promise<void>) {
        const kv = new InMemoryKeyValueStore()
        const write = kv.write.bind(kv)
        let fired = false
        kv.write = async (key: string, value: unknown) => {
            await write(key, value)
            if (!fired) {
                fired = true
                await onWrite(kv, key)
            }
        }
        return kv
    }

    const rivalLock = (key: string, scope: object) => ({
        version: 1,
        scopeKey: key.slice('lock.'.length),
        scope,
        owner: scheduler,
        since: '2024-03-01T10:02:00.000Z',
        heartbeatAt: '2024-03-01T10:02:00.000Z',
        expiresAt: '2024-03-01T10:30:00.000Z',
    })

    it('backs off when the read-back shows another writer won the same key', async () => {
        const kv = racingStore(async (store, key) => {
            await store.write(key, rivalLock(key, { streams: 'both', orgUnits: [DHAKA] }))
        })
        const result = await acquireRunLock(kv, new FakeClock('2024-03-01T10:02:00.000Z'), {
            scope: { streams: 'both', orgUnits: [DHAKA] },
            owner: operator,
            ttlMs: 15 * MINUTE,
        })
        expect(result).toMatchObject({ ok: false, heldBy: { runId: 'run-b' } })
    })

    it('backs off, removing its own lock, when an overlapping run wrote another key meanwhile', async () => {
        const kv = racingStore(async (store) => {
            await store.write('lock.all', rivalLock('lock.all', { streams: 'aggregate' }))
        })
        const result = await acquireRunLock(kv, new FakeClock('2024-03-01T10:02:00.000Z'), {
            scope: { streams: 'both', orgUnits: [DHAKA] },
            owner: operator,
            ttlMs: 15 * MINUTE,
        })
        expect(result).toMatchObject({ ok: false, heldBy: { runId: 'run-b', scopeKey: 'all' } })
        expect(await kv.keys()).toEqual(['lock.all'])
    })
})

describe('releasing a lock when DHIS2 does not answer', () => {
    /** A dataStore whose next `failures` removals fail as DHIS2 being down would. */
    class FlakyRemovals extends InMemoryKeyValueStore {
        constructor(public failures: number) {
            super()
        }
        override async remove(key: string): Promise<void> {
            if (this.failures > 0) {
                this.failures--
                throw new Error('503 Service Unavailable')
            }
            return super.remove(key)
        }
    }

    async function lockIn(kv: InMemoryKeyValueStore, clock: FakeClock) {
        const result = await acquireRunLock(kv, clock, {
            scope: { streams: 'both', orgUnits: [DHAKA] },
            owner: operator,
            ttlMs: 15 * MINUTE,
        })
        if (!result.ok) throw new Error('expected the lock')
        return result.lock
    }

    it('tries again after a wait, so the scope is free at once', async () => {
        const kv = new FlakyRemovals(2)
        const clock = new FakeClock('2024-03-01T10:02:00.000Z')
        const lock = await lockIn(kv, clock)

        expect(await releaseLock(lock, clock)).toBe(true)
        expect(await kv.read(lock.key)).toBeUndefined()
        expect(clock.sleeps).toEqual([2_000, 8_000])
    })

    it('gives up without throwing after three attempts, leaving the lock to lapse', async () => {
        const kv = new FlakyRemovals(3)
        const clock = new FakeClock('2024-03-01T10:02:00.000Z')
        const lock = await lockIn(kv, clock)

        expect(await releaseLock(lock, clock)).toBe(false)
        expect(await kv.read(lock.key)).toMatchObject({ owner: operator })
        // No heartbeat renews a lock whose release was asked for: it lapses at its expiry.
        expect((await lostReason(lock)).reason).toBe('released')
    })
})

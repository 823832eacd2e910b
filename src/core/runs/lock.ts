import type { Clock } from '../ports/clock'
import type { KeyValueStore } from '../ports/keyValueStore'
import { toIso } from './guards'
import {
    heldBy,
    isExpired,
    LOCK_KEY_PREFIX,
    parseStoredRunLock,
    runLockKey,
    sameHolder,
} from './lockRecord'
import type { HeldRunLock, RunLockOwner, StoredRunLock } from './lockRecord'
import type { RunScope } from './scope'
import { scopeKey, scopesOverlap } from './scope'

/**
 * One run per scope at a time (DESIGN §3.9), with a lock in the dataStore.
 *
 * The dataStore has no compare-and-swap, so taking a lock is: look for live overlapping locks,
 * write ours, read it back, then look again for live overlapping locks under other keys (a
 * district run and a whole-country run have different keys). Whoever sees a rival after writing
 * backs off, so of two runs starting together at least one sees the other; now and then both back
 * off, never neither.
 *
 * What remains (said plainly, because it cannot be closed without CAS): two runs that write the
 * same key within one round trip of each other can both read their own value back, the later write
 * having replaced the earlier after the earlier's read-back. Both then run until the loser's next
 * heartbeat, which reads the winner's value and fails with RunLockLostError. Heartbeat before each
 * batch is written and the overlap is at most one batch, which deterministic UIDs and full counts
 * make harmless (a rerun updates, never duplicates). Expiry compares machine clocks: they must
 * agree to well within ttlMs.
 */

export interface AcquireRunLockOptions {
    scope: RunScope
    owner: RunLockOwner
    /** How long the lock lives without a heartbeat; heartbeat every third of it or more often. */
    ttlMs: number
    signal?: AbortSignal
}

export interface RunLockHandle {
    readonly key: string
    readonly scopeKey: string
    readonly owner: RunLockOwner
    readonly since: string
    /** When the lock lapses unless renewed; moves on with each heartbeat. */
    readonly expiresAt: string
    /** Extends the lock by ttlMs; throws RunLockLostError when it is no longer ours. */
    heartbeat(signal?: AbortSignal): Promise<{ expiresAt: string }>
    /**
     * Removes the lock if it is still ours; true when it was removed. Safe to call twice; after
     * an attempt that threw (DHIS2 unreachable), another call tries again.
     */
    release(signal?: AbortSignal): Promise<boolean>
}

export type AcquireRunLockResult =
    { ok: true; lock: RunLockHandle } | { ok: false; heldBy: HeldRunLock }

export type RunLockLostReason = 'taken-over' | 'expired' | 'removed' | 'released'

/** The run must stop: another run may now be writing this scope. */
export class RunLockLostError extends Error {
    constructor(
        readonly reason: RunLockLostReason,
        message: string,
        readonly heldBy?: HeldRunLock
    ) {
        super(message)
        this.name = 'RunLockLostError'
    }
}

/** Every lock in the namespace, oldest first; values this version cannot read are left out. */
export async function listRunLocks(
    kv: KeyValueStore,
    signal?: AbortSignal
): Promise<Array<StoredRunLock & { key: string }>> {
    const keys = (await kv.keys({ signal })).filter((k) => k.startsWith(LOCK_KEY_PREFIX))
    const locks: Array<StoredRunLock & { key: string }> = []
    for (const key of keys) {
        const lock = parseStoredRunLock(await kv.read(key, { signal }))
        if (lock) locks.push({ ...lock, key })
    }
    return locks.sort((a, b) => Date.parse(a.since) - Date.parse(b.since))
}

/** A live lock that keeps `scope` from running: same key, or another key whose scope overlaps. */
async function findRival(
    kv: KeyValueStore,
    scope: RunScope,
    key: string,
    now: number,
    mine: StoredRunLock | undefined,
    signal: AbortSignal | undefined
): Promise<StoredRunLock | undefined> {
    const locks = await listRunLocks(kv, signal)
    return locks.find(
        (lock) =>
            !isExpired(lock, now) &&
            !(mine && sameHolder(lock, mine)) &&
            (lock.key === key || scopesOverlap(lock.scope, scope))
    )
}

export async function acquireRunLock(
    kv: KeyValueStore,
    clock: Clock,
    { scope, owner, ttlMs, signal }: AcquireRunLockOptions
): Promise<AcquireRunLockResult> {
    if (!(ttlMs > 0) || !Number.isFinite(ttlMs)) throw new Error(`ttlMs must be positive: ${ttlMs}`)
    if (owner.runId === '' || owner.user === '')
        throw new Error('A run lock needs a user and a runId')
    const partition = scopeKey(scope)
    const key = runLockKey(partition)

    // Stale locks (expired) are not rivals: writing over them is the takeover.
    const holder = await findRival(kv, scope, key, clock.now(), undefined, signal)
    if (holder) return { ok: false, heldBy: heldBy(holder) }

    const now = clock.now()
    const mine: StoredRunLock = {
        version: 1,
        scopeKey: partition,
        scope,
        owner,
        since: toIso(now),
        heartbeatAt: toIso(now),
        expiresAt: toIso(now + ttlMs),
    }
    await kv.write(key, mine, { signal })
    const readBack = parseStoredRunLock(await kv.read(key, { signal }))
    if (!readBack || !sameHolder(readBack, mine)) {
        if (readBack) return { ok: false, heldBy: heldBy(readBack) }
        throw new Error(`The run lock ${key} vanished right after it was written; try again`)
    }

    const rival = await findRival(kv, scope, key, clock.now(), mine, signal)
    if (rival) {
        await removeIfHeld(kv, key, mine, signal)
        return { ok: false, heldBy: heldBy(rival) }
    }
    return { ok: true, lock: new Handle(kv, clock, key, mine, ttlMs) }
}

async function removeIfHeld(
    kv: KeyValueStore,
    key: string,
    mine: StoredRunLock,
    signal: AbortSignal | undefined
): Promise<boolean> {
    const current = parseStoredRunLock(await kv.read(key, { signal }))
    if (!current || !sameHolder(current, mine)) return false
    await kv.remove(key, { signal })
    return true
}

class Handle implements RunLockHandle {
    /** No heartbeat once a release was asked for, even one that has not gone through yet. */
    private released = false
    private removed = false

    constructor(
        private readonly kv: KeyValueStore,
        private readonly clock: Clock,
        readonly key: string,
        private current: StoredRunLock,
        private readonly ttlMs: number
    ) {}

    get scopeKey() {
        return this.current.scopeKey
    }
    get owner() {
        return this.current.owner
    }
    get since() {
        return this.current.since
    }
    get expiresAt() {
        return this.current.expiresAt
    }

    async heartbeat(signal?: AbortSignal): Promise<{ expiresAt: string }> {
        if (this.released) throw lost('released', 'This run already released its lock.')
        const stored = parseStoredRunLock(await this.kv.read(this.key, { signal }))
        this.assertStillMine(stored)
        const now = this.clock.now()
        // Once expired, a run over an overlapping scope (another key) may have started: renewing
        // now could let two runs write the same org units, so the expired run stops instead.
        if (isExpired(this.current, now)) {
            throw lost(
                'expired',
                `This run's lock expired at ${this.current.expiresAt} before it was renewed (was the machine asleep or the network down?). The run stops so that two runs never write the same org units; start it again to continue where it stopped.`
            )
        }
        const renewed = {
            ...this.current,
            heartbeatAt: toIso(now),
            expiresAt: toIso(now + this.ttlMs),
        }
        await this.kv.write(this.key, renewed, { signal })
        this.assertStillMine(parseStoredRunLock(await this.kv.read(this.key, { signal })))
        this.current = renewed
        return { expiresAt: renewed.expiresAt }
    }

    async release(signal?: AbortSignal): Promise<boolean> {
        if (this.removed) return false
        this.released = true
        const removed = await removeIfHeld(this.kv, this.key, this.current, signal)
        this.removed = true
        return removed
    }

    private assertStillMine(stored: StoredRunLock | undefined): void {
        if (!stored) {
            throw lost(
                'removed',
                'The lock of this run was removed from the dataStore (by hand, or by a run that found it expired). The run stops so that two runs never write the same org units.'
            )
        }
        if (!sameHolder(stored, this.current)) {
            const other = heldBy(stored)
            throw lost(
                'taken-over',
                `Another run (${other.trigger}, by ${other.user}, run ${other.runId}) took over this scope's lock at ${other.since}. This run stops so that two runs never write the same org units.`,
                other
            )
        }
    }
}

const lost = (reason: RunLockLostReason, message: string, holder?: HeldRunLock) =>
    new RunLockLostError(reason, message, holder)

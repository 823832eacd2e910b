import type { LedgerRow } from '../ports/syncStore'

/**
 * How the ledger changes when events arrive (DESIGN §3.3). The ledger holds one row per countKey,
 * owned by one event (eventKey):
 * - an event's new rows replace the rows it owned: an edit moves them, a void (no rows) removes them;
 * - a countKey owned by another event stays with its owner (first wins): the newcomer is a second
 *   copy of the same dose or registration and counts nothing; it is reported as `shadowed`;
 * - within a batch, when an owner lets a countKey go, the earliest shadowed row of a later event
 *   takes it (a dose re-entered before the void of its first entry reached us);
 * - an older serverVersion of an event than the one the ledger holds is stale and ignored.
 */

export interface LedgerChange {
    /** countKeys to delete (SyncStore.applyLedgerChanges). */
    remove: string[]
    /** Rows to upsert by countKey; rows equal to what the ledger holds are left out. */
    put: LedgerRow[]
}

export interface LedgerEventRows {
    eventKey: string
    serverVersion: number
    /** ledgerRowsForEvent(...).rows: empty for a void, a skip or an event in error. */
    rows: LedgerRow[]
}

export interface LedgerBatchPlan extends LedgerChange {
    /** Rows not counted because another event owns their countKey. */
    shadowed: LedgerRow[]
    /** Events ignored because the ledger already holds a newer serverVersion of them. */
    stale: Array<{ eventKey: string; serverVersion: number }>
}

/**
 * Plans a batch of events together (give them in serverVersion order; ties keep their order).
 * `previousRowsByEvent`: SyncStore.ledgerRowsForEvents of the batch's eventKeys.
 * `existingRowsByCountKey`: SyncStore.ledgerRowsForCountKeys of every countKey in the batch's rows.
 */
export function planLedgerBatch(
    events: LedgerEventRows[],
    previousRowsByEvent: Map<string, LedgerRow[]>,
    existingRowsByCountKey: Map<string, LedgerRow>
): LedgerBatchPlan {
    const initial = new Map<string, LedgerRow>()
    for (const rows of previousRowsByEvent.values()) {
        for (const row of rows) initial.set(row.countKey, row)
    }
    for (const [countKey, row] of existingRowsByCountKey) initial.set(countKey, row)

    const owner = new Map(initial)
    const ownedBy = new Map<string, Set<string>>()
    const latest = new Map<string, number>()
    for (const row of initial.values()) {
        keysOf(ownedBy, row.eventKey).add(row.countKey)
        latest.set(row.eventKey, Math.max(latest.get(row.eventKey) ?? -Infinity, row.serverVersion))
    }
    /** Each event's rows as of its newest version in the batch. */
    const wanted = new Map<string, Map<string, LedgerRow>>()
    /** Rows that lost their countKey to another event, in arrival order. */
    const waiting = new Map<string, LedgerRow[]>()
    const stale: LedgerBatchPlan['stale'] = []

    const take = (row: LedgerRow) => {
        const before = owner.get(row.countKey)
        if (before) ownedBy.get(before.eventKey)?.delete(row.countKey)
        owner.set(row.countKey, row)
        keysOf(ownedBy, row.eventKey).add(row.countKey)
    }
    const release = (countKey: string) => {
        const before = owner.get(countKey)
        if (before) ownedBy.get(before.eventKey)?.delete(countKey)
        owner.delete(countKey)
        const queue = waiting.get(countKey) ?? []
        while (queue.length > 0) {
            const candidate = queue.shift()
            if (candidate && wanted.get(candidate.eventKey)?.get(countKey) === candidate) {
                take(candidate)
                break
            }
        }
    }

    const ordered = [...events].sort((a, b) => a.serverVersion - b.serverVersion)
    for (const event of ordered) {
        const newest = latest.get(event.eventKey)
        if (newest !== undefined && event.serverVersion < newest) {
            stale.push({ eventKey: event.eventKey, serverVersion: event.serverVersion })
            continue
        }
        latest.set(event.eventKey, event.serverVersion)
        const rows = new Map<string, LedgerRow>()
        for (const row of event.rows) if (!rows.has(row.countKey)) rows.set(row.countKey, row)
        wanted.set(event.eventKey, rows)

        for (const countKey of [...(ownedBy.get(event.eventKey) ?? [])]) {
            if (!rows.has(countKey)) release(countKey)
        }
        for (const row of rows.values()) {
            const current = owner.get(row.countKey)
            if (!current || current.eventKey === event.eventKey) take(row)
            else keysOfList(waiting, row.countKey).push(row)
        }
    }

    const remove = [...initial.keys()].filter((countKey) => !owner.has(countKey))
    const put = [...owner.values()].filter((row) => !sameRow(initial.get(row.countKey), row))
    const shadowed = [...waiting.values()]
        .flat()
        .filter(
            (row) =>
                wanted.get(row.eventKey)?.get(row.countKey) === row &&
                owner.get(row.countKey) !== row
        )
    return { remove, put, shadowed, stale }
}

/** The plan for one event: planLedgerBatch with a batch of one. */
export function planLedgerChange(
    event: { eventKey: string; serverVersion: number },
    newRows: LedgerRow[],
    previousRowsOfEvent: LedgerRow[],
    existingRowsForCountKeys: Map<string, LedgerRow>
): LedgerChange {
    const { remove, put } = planLedgerBatch(
        [{ ...event, rows: newRows }],
        new Map([[event.eventKey, previousRowsOfEvent]]),
        existingRowsForCountKeys
    )
    return { remove, put }
}

function sameRow(a: LedgerRow | undefined, b: LedgerRow): boolean {
    return (
        a !== undefined &&
        a.eventKey === b.eventKey &&
        a.cell === b.cell &&
        a.serverVersion === b.serverVersion
    )
}

function keysOf(map: Map<string, Set<string>>, key: string): Set<string> {
    let set = map.get(key)
    if (!set) {
        set = new Set()
        map.set(key, set)
    }
    return set
}

function keysOfList(map: Map<string, LedgerRow[]>, key: string): LedgerRow[] {
    let list = map.get(key)
    if (!list) {
        list = []
        map.set(key, list)
    }
    return list
}

import type { SyncedRecord } from '../ports/syncStore'
import type { PageMark } from './pendingPages'
import type { TrackerContext } from './trackerContext'
import type { TrackerItem } from './trackerItems'
import { writeTrackerItems } from './trackerWrite'

/**
 * Deletions of voided vaccinations waiting to be sent, gathered across OpenSRP pages into one
 * DELETE request (importStrategy=DELETE). A record voided twice before its deletion went out is
 * deleted once: DHIS2 refuses to delete an event it has already deleted (E1082).
 */
export class PendingDeletions {
    private byKey = new Map<string, TrackerItem>()
    private previous = new Map<string, SyncedRecord>()
    private uids = new Set<string>()
    /** The page of the first deletion waiting. */
    from: PageMark | undefined

    size(): number {
        return this.byKey.size
    }

    isEmpty(): boolean {
        return this.byKey.size === 0
    }

    holds(uid: string): boolean {
        return this.uids.has(uid)
    }

    /** False when the record was already waiting: the newer void takes its place. */
    add(item: TrackerItem, before: SyncedRecord | undefined, page: PageMark): boolean {
        const known = this.byKey.has(item.key)
        this.byKey.set(item.key, item)
        this.uids.add(item.uid)
        if (before) this.previous.set(item.key, before)
        this.from ??= page
        return !known
    }

    /** Everything waiting, leaving the queue empty. */
    take(): PreparedDeletions {
        const items = [...this.byKey.values()]
        const taken = { items, previous: this.previous, uids: new Set(items.map((i) => i.uid)) }
        this.byKey = new Map()
        this.previous = new Map()
        this.uids = new Set()
        this.from = undefined
        return taken
    }
}

export interface PreparedDeletions {
    items: TrackerItem[]
    previous: Map<string, SyncedRecord>
    uids: Set<string>
}

/** Sends one DELETE request and folds the outcome into the run's totals. */
export async function sendDeletions(
    { items, previous, uids }: PreparedDeletions,
    ctx: TrackerContext
): Promise<void> {
    const send = () =>
        ctx.target.deleteEvents([...uids], { dryRun: ctx.dryRun, signal: ctx.signal })
    const outcome = await writeTrackerItems(send, items, {
        store: ctx.store,
        clock: ctx.clock,
        errors: ctx.errors,
        dryRun: ctx.dryRun,
        strategy: 'DELETE',
        previous,
        signal: ctx.signal,
    })
    ctx.totals.deleted += outcome.deleted
    ctx.totals.failed += outcome.failed
    ctx.onBatch?.()
}

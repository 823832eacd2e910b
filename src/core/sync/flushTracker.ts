import type { SyncedRecord } from '../ports/syncStore'
import type { TrackerPayload } from '../tracker/payload'
import { adoptionRecords } from './adoption'
import { adoptRejected, type Adopted } from './adoptOnConflict'
import type { TrackerContext } from './trackerContext'
import { PayloadBuilder } from './trackerItems'
import { writeTrackerItems } from './trackerWrite'

/** Writes what a builder holds and folds the outcome into the run's totals. */
export async function flushTracker(
    builder: PayloadBuilder,
    ctx: TrackerContext,
    previous: Map<string, SyncedRecord>,
    adopted: Adopted = new Map()
): Promise<void> {
    if (builder.items.length === 0) return
    const importOnce = (payload: TrackerPayload) =>
        ctx.target.importTracker(payload, {
            dryRun: ctx.dryRun,
            strategy: 'CREATE_AND_UPDATE',
            signal: ctx.signal,
        })
    const send = async () => {
        const first = await importOnce(builder.payload)
        if (!ctx.adoptOnConflict || first.failure) return first
        return adoptRejected(first, builder, ctx, adopted, importOnce)
    }
    const outcome = await writeTrackerItems(send, builder.items, {
        store: ctx.store,
        clock: ctx.clock,
        errors: ctx.errors,
        dryRun: ctx.dryRun,
        strategy: 'CREATE_AND_UPDATE',
        previous,
        signal: ctx.signal,
    })
    ctx.totals.created += outcome.created
    ctx.totals.updated += outcome.updated
    ctx.totals.failed += outcome.failed
    if (!ctx.dryRun && adopted.size > 0) {
        const now = ctx.clock.now()
        const records = builder.items
            .filter((item) => item.recordKind === 'client' && adopted.has(item.sourceId))
            .flatMap((item) => {
                const entry = adopted.get(item.sourceId)
                return entry
                    ? adoptionRecords(item.sourceId, entry.override, now, entry.serverVersion)
                    : []
            })
        if (records.length > 0) await ctx.store.putRecords(records)
    }
    ctx.onBatch?.()
}

import type { SyncedRecord } from '../ports/syncStore'
import type { TrackerContext } from './trackerContext'
import type { TrackerItem } from './trackerItems'
import { failedRecord } from './trackerWrite'

export const CLIENT_REFUSED = 'OSRP_CLIENT_REFUSED'

/**
 * Vaccinations of a child whose own record could not be prepared (no facility, an unknown sex …)
 * are not sent: DHIS2 could only refuse them for a missing enrollment. Each goes to the retry
 * queue with why, so nothing is lost, and follows once the child's record is fixed.
 */
export async function holdBackForClient(
    held: Array<{ item: TrackerItem; before: SyncedRecord | undefined }>,
    ctx: TrackerContext
): Promise<void> {
    if (held.length === 0) return
    const now = ctx.clock.now()
    const message = 'Not sent: the child’s own record could not be sent (see the child’s problem).'
    for (const { item } of held) {
        ctx.errors.add({
            sourceId: item.sourceId,
            recordKind: item.recordKind,
            kind: 'mapping',
            code: CLIENT_REFUSED,
            message,
            orgUnit: item.orgUnit,
            uid: item.uid,
        })
    }
    ctx.totals.failed += held.length
    if (!ctx.dryRun)
        await ctx.store.putRecords(
            held.map(({ item, before }) =>
                failedRecord(item, before, { code: CLIENT_REFUSED, message }, now)
            )
        )
}

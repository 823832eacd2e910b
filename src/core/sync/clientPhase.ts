import { Checkpoints } from './checkpoints'
import { quarantineError, type ErrorLog } from './errorLog'
import { syncClients } from './clientSync'
import { PendingRequests } from './pendingRequests'
import { rewound } from './retryRewind'
import type { SyncPhase, SyncProgress, SyncRun } from './runSync'
import type { TrackerContext } from './trackerContext'

/**
 * Streams every changed OpenSRP client into DHIS2, saving the clients cursor every few pages. A
 * tracker request spans pages and is answered while the next pages are read and mapped.
 */
export async function clientSync(
    run: SyncRun,
    tracker: TrackerContext,
    errors: ErrorLog,
    progress: SyncProgress,
    report: (phase?: SyncPhase) => void,
    retryFrom: number | undefined
): Promise<void> {
    report('syncing-clients')
    const from = rewound(await run.cursors.load(run.scopeKey, 'clients'), retryFrom)
    const cursor = new Checkpoints(async (checkpoint) => {
        if (!run.dryRun)
            await run.cursors.save(run.scopeKey, 'clients', checkpoint, { signal: run.signal })
    })
    // The cursor moves only past pages whose clients DHIS2 has all answered for.
    const pending = new PendingRequests(tracker)
    try {
        for await (const batch of run.source.streamClients(from, { signal: run.signal })) {
            progress.pulled += batch.records.length
            for (const entry of batch.quarantined) errors.add(quarantineError(entry))
            await syncClients(batch.records, tracker, pending)
            await pending.pageRead(batch.checkpoint)
            await cursor.confirm(pending.confirmed)
            progress.batches++
            report()
        }
        // Every client is answered for before the events, which may need them, are read.
        await pending.flushAndSettle()
        await cursor.confirm(pending.confirmed)
    } catch (error) {
        await pending.abandon()
        await cursor.confirm(pending.confirmed)
        await cursor.flushQuietly()
        throw error
    }
    await cursor.flush()
}

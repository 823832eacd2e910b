import { Checkpoints } from './checkpoints'
import { quarantineError, type ErrorLog } from './errorLog'
import { syncClients } from './clientSync'
import { rewound } from './retryRewind'
import type { SyncPhase, SyncProgress, SyncRun } from './runSync'
import type { TrackerContext } from './trackerContext'

/** Streams every changed OpenSRP client into DHIS2, saving the clients cursor every few pages. */
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
    try {
        for await (const batch of run.source.streamClients(from, { signal: run.signal })) {
            progress.pulled += batch.records.length
            for (const entry of batch.quarantined) errors.add(quarantineError(entry))
            // Each page's clients are all answered for before the next page is read.
            await syncClients(batch.records, tracker)
            await cursor.confirm(batch.checkpoint)
            progress.batches++
            report()
        }
    } catch (error) {
        await cursor.flushQuietly()
        throw error
    }
    await cursor.flush()
}

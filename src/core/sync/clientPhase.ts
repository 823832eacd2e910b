import { quarantineError, type ErrorLog } from './errorLog'
import { syncClients } from './clientSync'
import { rewound } from './retryRewind'
import type { SyncPhase, SyncProgress, SyncRun } from './runSync'
import type { TrackerContext } from './trackerContext'

/** Streams every changed OpenSRP client into DHIS2, saving the clients cursor after each page. */
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
    for await (const batch of run.source.streamClients(from, { signal: run.signal })) {
        progress.pulled += batch.records.length
        for (const entry of batch.quarantined) errors.add(quarantineError(entry))
        await syncClients(batch.records, tracker)
        if (!run.dryRun)
            await run.cursors.save(run.scopeKey, 'clients', batch.checkpoint, {
                signal: run.signal,
            })
        progress.batches++
        report()
    }
}

import type { OpenSrpClient } from '../domain/opensrp'
import { Checkpoints } from './checkpoints'
import { quarantineError, type ErrorLog } from './errorLog'
import type { StreamCheckpoint } from './overlapCursor'
import { PendingRequests } from './pendingRequests'
import { rewound } from './retryRewind'
import type { SyncPhase, SyncProgress, SyncRun } from './runSync'
import type { TrackerContext } from './trackerContext'
import { syncVaccinations } from './vaccinationSync'

const ledgerScope = (scopeKey: string) => `${scopeKey}.ledger`

const lower = (a: StreamCheckpoint | undefined, b: StreamCheckpoint | undefined) =>
    !a || !b ? undefined : a.high <= b.high ? a : b

/**
 * One pass over the OpenSRP events feeds both the tracker writer and the aggregate ledger. Each
 * has its own cursor; the pass starts at the lower one. The tracker cursor moves only past pages
 * whose records DHIS2 has answered for (PendingRequests.confirmed): a tracker request spans pages
 * and is answered while the next pages are read.
 */
export async function eventSync(
    run: SyncRun,
    tracker: TrackerContext | undefined,
    errors: ErrorLog,
    progress: SyncProgress,
    report: (phase?: SyncPhase) => void,
    retryFrom: number | undefined
): Promise<void> {
    const { rebuild } = run.aggregate ? await run.aggregate.prepare() : { rebuild: false }
    const trackerFrom = tracker
        ? rewound(await run.cursors.load(run.scopeKey, 'events'), retryFrom)
        : undefined
    const ledgerFrom =
        run.aggregate && !rebuild
            ? await run.cursors.load(ledgerScope(run.scopeKey), 'events')
            : undefined
    const from =
        tracker && run.aggregate ? lower(trackerFrom, ledgerFrom) : (trackerFrom ?? ledgerFrom)
    const signal = run.signal
    const saver = (scope: string) =>
        new Checkpoints(async (checkpoint) => {
            if (!run.dryRun) await run.cursors.save(scope, 'events', checkpoint, { signal })
        })
    const trackerCursor = saver(run.scopeKey)
    const ledgerCursor = saver(ledgerScope(run.scopeKey))
    const pending = tracker && new PendingRequests(tracker)
    try {
        for await (const batch of run.source.streamEvents(run.events, from, { signal })) {
            progress.pulled += batch.records.length
            for (const entry of batch.quarantined) errors.add(quarantineError(entry))
            const clientsById = new Map<string, OpenSrpClient>(
                batch.clients.map((c) => [c.baseEntityId, c])
            )
            if (tracker && pending) {
                await syncVaccinations(batch.records, clientsById, tracker, pending)
                await pending.pageRead(batch.checkpoint)
                await trackerCursor.confirm(pending.confirmed)
            }
            if (run.aggregate) {
                await run.aggregate.consume(batch.records, clientsById, errors, batch.quarantined)
                await ledgerCursor.confirm(batch.checkpoint)
            }
            progress.batches++
            report()
        }
        if (pending) {
            await pending.flushAndSettle()
            await trackerCursor.confirm(pending.confirmed)
        }
    } catch (error) {
        await pending?.abandon()
        if (pending) await trackerCursor.confirm(pending.confirmed)
        await trackerCursor.flushQuietly()
        await ledgerCursor.flushQuietly()
        throw error
    }
    await trackerCursor.flush()
    await ledgerCursor.flush()
}

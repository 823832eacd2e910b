import type { Clock } from '../ports/clock'
import type { TrackerImportResult } from '../ports/dhis2Target'
import type { SyncedRecord, SyncStore } from '../ports/syncStore'
import type { Conflict, RecordError } from '../summary/types'
import { nextAttemptAfter } from './backoff'
import type { ErrorLog } from './errorLog'
import { RunFailure } from './runFailure'
import type { TrackerItem } from './trackerItems'

export interface TrackerWriteOutcome {
    created: number
    updated: number
    deleted: number
    synced: number
    failed: number
}

/**
 * DHIS2 codes that, on a DELETE, mean the object is already gone: the void is done. E1082: the
 * event was deleted before (event `ExistenceValidator`, 2.41), as after a lost local store.
 */
const ALREADY_ABSENT = new Set(['E1032', 'E1081', 'E1063', 'E1082'])
/**
 * E4018: the mother and child are already linked by a relationship of this type made elsewhere
 * (the Capture app, another installation). The link we want exists; DHIS2 keeps one per pair.
 */
const ALREADY_LINKED = 'E4018'

const alreadyDone = (strategy: 'CREATE_AND_UPDATE' | 'DELETE', code: string) =>
    strategy === 'DELETE' ? ALREADY_ABSENT.has(code) : code === ALREADY_LINKED

function failureOf(result: TrackerImportResult): RunFailure | undefined {
    if (!result.failure) return undefined
    return new RunFailure(
        result.failure.code ??
            (result.failure.kind === 'access' ? 'DHIS2_ACCESS' : 'DHIS2_UNREACHABLE'),
        result.failure.message,
        result.failure.retryable
    )
}

/**
 * Sends one tracker request and maps DHIS2's per-object answer back to the source records that
 * produced the objects. Records whose objects were all accepted are stored as synced with the
 * hash of what was sent; the others go to the retry queue with DHIS2's reason. A request that
 * failed as a whole (DHIS2 down, no access) stops the run before anything is recorded.
 */
export async function writeTrackerItems(
    send: () => Promise<TrackerImportResult>,
    items: TrackerItem[],
    context: {
        store: SyncStore
        clock: Clock
        errors: ErrorLog
        dryRun: boolean
        strategy: 'CREATE_AND_UPDATE' | 'DELETE'
        previous: Map<string, SyncedRecord>
        signal?: AbortSignal
    }
): Promise<TrackerWriteOutcome> {
    const outcome: TrackerWriteOutcome = {
        created: 0,
        updated: 0,
        deleted: 0,
        synced: 0,
        failed: 0,
    }
    if (items.length === 0) return outcome
    const result = await send()
    const failure = failureOf(result)
    if (failure) throw failure
    if (!context.dryRun) {
        outcome.created = result.counts.created
        outcome.updated = result.counts.updated
        outcome.deleted = result.counts.deleted
    }

    const errorsByUid = new Map<string, Conflict[]>()
    for (const rejected of result.rejected) {
        const errors = rejected.errors.filter((error) => !alreadyDone(context.strategy, error.code))
        if (errors.length > 0) errorsByUid.set(rejected.uid, errors)
    }
    // Errors DHIS2 reports without an object UID belong to the whole payload.
    const unattributed = result.conflicts.filter((conflict) => !conflict.uid)
    const now = context.clock.now()
    const records: SyncedRecord[] = []
    // A dry run counts objects as DHIS2's stats do, so preview and run read alike: a client's
    // tracked entity, enrollments and link; a vaccination's event. A client that travels with
    // its vaccinations is counted with the client (a dry run stores nothing, so the events phase
    // bundles clients the clients phase already counted).
    const counted = new Set<string>()
    const uncounted = (item: TrackerItem) => {
        const own = item.recordKind === 'client' ? item.objectUids : [item.uid]
        const fresh = own.filter((uid) => !counted.has(uid))
        for (const uid of fresh) counted.add(uid)
        return fresh.length
    }
    for (const item of items) {
        const conflicts = item.objectUids.flatMap((uid) => errorsByUid.get(uid) ?? [])
        if (result.status === 'ERROR' && conflicts.length === 0 && result.rejected.length === 0) {
            conflicts.push(...unattributed)
        }
        const before = context.previous.get(item.key)
        if (conflicts.length === 0) {
            outcome.synced++
            // A validation-only import counts nothing (importMode=VALIDATE): a dry run reports
            // what it would do, judged by what the store says was sent before.
            if (context.dryRun) {
                const objects = uncounted(item)
                if (item.deletion) outcome.deleted += objects
                else if (before?.status === 'synced') outcome.updated += objects
                else outcome.created += objects
            }
            records.push({
                key: item.key,
                uid: item.uid,
                hash: item.hash,
                status: item.deletion ? 'deleted' : 'synced',
                serverVersion: item.serverVersion,
                orgUnit: item.orgUnit,
                attempts: 0,
                updatedAt: now,
            })
            continue
        }
        outcome.failed++
        const first = conflicts[0]
        for (const conflict of conflicts) context.errors.add(recordErrorOf(item, conflict))
        records.push(
            failedRecord(
                item,
                before,
                { code: first?.code ?? 'E0000', message: first?.message ?? '' },
                now
            )
        )
    }
    if (!context.dryRun) await context.store.putRecords(records)
    return outcome
}

/** A record for the retry queue: one more attempt, and when the next one is due. */
export function failedRecord(
    item: TrackerItem,
    before: SyncedRecord | undefined,
    lastError: { code: string; message: string },
    now: number
): SyncedRecord {
    const attempts = (before?.status === 'failed' ? before.attempts : 0) + 1
    return {
        key: item.key,
        uid: item.uid,
        hash: item.hash,
        status: 'failed',
        serverVersion: item.serverVersion,
        orgUnit: item.orgUnit,
        lastError,
        attempts,
        nextAttemptAt: nextAttemptAfter(attempts, now),
        updatedAt: now,
    }
}

function recordErrorOf(item: TrackerItem, conflict: Conflict): RecordError {
    return {
        sourceId: item.sourceId,
        recordKind: item.recordKind,
        kind: 'rejected',
        code: conflict.code,
        message: conflict.message,
        orgUnit: item.orgUnit,
        uid: conflict.uid ?? item.uid,
    }
}

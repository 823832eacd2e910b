import type { SyncStore } from '../ports/syncStore'
import type { StreamCheckpoint } from './overlapCursor'

export interface RetryRewind {
    clients?: number
    events?: number
}

/**
 * Failed records are retried by reading them again from OpenSRP: the streams start below the
 * lowest serverVersion of a record that is due (or that a person asked to retry). Records read
 * again that DHIS2 already has are skipped by their hash, so the cost is the re-read only.
 * Client and event serverVersions come from different sequences, so each stream has its own.
 */
export async function retryRewind(
    store: SyncStore,
    options: { now: number; maxAttempts: number; retryKeys?: Set<string> }
): Promise<RetryRewind> {
    const due = (await store.dueRetries(options.now, 10_000)).filter(
        (r) => r.attempts < options.maxAttempts
    )
    const asked = options.retryKeys
        ? [...(await store.getRecords([...options.retryKeys])).values()]
        : []
    const rewind: RetryRewind = {}
    for (const record of [...due, ...asked]) {
        const stream = record.key.startsWith('client:')
            ? 'clients'
            : record.key.startsWith('event:')
              ? 'events'
              : undefined
        if (!stream) continue
        rewind[stream] = Math.min(rewind[stream] ?? Infinity, record.serverVersion)
    }
    return rewind
}

/** The cursor to start from: the saved one, or lower when a failed record must be read again. */
export function rewound(
    cursor: StreamCheckpoint | undefined,
    lowest: number | undefined
): StreamCheckpoint | undefined {
    if (lowest === undefined || !cursor || cursor.high < lowest) return cursor
    return { high: Math.max(0, lowest - 1), seen: [] }
}

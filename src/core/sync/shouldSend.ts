import type { SyncedRecord } from '../ports/syncStore'
import type { TrackerContext } from './trackerContext'

export type SendDecision = 'send' | 'unchanged' | 'waiting'

/**
 * Whether a record's payload goes to DHIS2: not if DHIS2 already has exactly this (same hash);
 * a failed record with the same payload waits for its backoff and, past maxAttempts, for a person
 * to ask for a retry; an edited record (new hash) is always sent.
 */
export function decideSend(
    before: SyncedRecord | undefined,
    hash: string,
    ctx: Pick<TrackerContext, 'now' | 'retryKeys' | 'maxAttempts'>
): SendDecision {
    if (!before || before.hash !== hash) return 'send'
    if (before.status === 'synced' || before.status === 'deleted') return 'unchanged'
    if (before.status !== 'failed') return 'send'
    if (ctx.retryKeys?.has(before.key)) return 'send'
    if (before.attempts >= ctx.maxAttempts) return 'waiting'
    return (before.nextAttemptAt ?? 0) <= ctx.now ? 'send' : 'waiting'
}

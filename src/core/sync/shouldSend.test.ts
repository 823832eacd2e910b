import type { SyncedRecord } from '../ports/syncStore'
import { decideSend } from './shouldSend'

const record = (over: Partial<SyncedRecord>): SyncedRecord => ({
    key: 'client:a',
    uid: 'Abcdefghij1',
    hash: 'h1',
    status: 'synced',
    serverVersion: 1,
    attempts: 0,
    updatedAt: 0,
    ...over,
})
const ctx = { now: 1000, maxAttempts: 3 }

describe('decideSend', () => {
    it('sends a record DHIS2 has never had', () => {
        expect(decideSend(undefined, 'h1', ctx)).toBe('send')
    })
    it('does not send what DHIS2 already has', () => {
        expect(decideSend(record({}), 'h1', ctx)).toBe('unchanged')
        expect(decideSend(record({ status: 'deleted' }), 'h1', ctx)).toBe('unchanged')
    })
    it('sends an edited record, even one that failed and is waiting', () => {
        expect(
            decideSend(record({ status: 'failed', attempts: 9, nextAttemptAt: 5000 }), 'h2', ctx)
        ).toBe('send')
    })
    it('lets a failed, unchanged record wait for its backoff', () => {
        expect(
            decideSend(record({ status: 'failed', attempts: 1, nextAttemptAt: 5000 }), 'h1', ctx)
        ).toBe('waiting')
        expect(
            decideSend(record({ status: 'failed', attempts: 1, nextAttemptAt: 900 }), 'h1', ctx)
        ).toBe('send')
    })
    it('stops retrying automatically after maxAttempts, unless a person asks', () => {
        const failed = record({ status: 'failed', attempts: 3, nextAttemptAt: 0 })
        expect(decideSend(failed, 'h1', ctx)).toBe('waiting')
        expect(decideSend(failed, 'h1', { ...ctx, retryKeys: new Set(['client:a']) })).toBe('send')
    })
})

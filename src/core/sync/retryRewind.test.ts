import { InMemorySyncStore } from '../../../test/fakes/inMemorySyncStore'
import type { SyncedRecord } from '../ports/syncStore'
import { retryRewind, rewound } from './retryRewind'

const failed = (
    key: string,
    serverVersion: number,
    over: Partial<SyncedRecord> = {}
): SyncedRecord => ({
    key,
    uid: 'Abcdefghij1',
    hash: 'h',
    status: 'failed',
    serverVersion,
    attempts: 1,
    nextAttemptAt: 0,
    updatedAt: 0,
    ...over,
})

describe('retryRewind', () => {
    it('starts each stream below its lowest due failed record', async () => {
        const store = new InMemorySyncStore()
        await store.putRecords([
            failed('client:a', 50),
            failed('client:b', 30),
            failed('event:x', 700),
            failed('event:later', 10, { nextAttemptAt: 9999 }),
            failed('event:given-up', 5, { attempts: 5 }),
        ])
        expect(await retryRewind(store, { now: 1000, maxAttempts: 5 })).toEqual({
            clients: 30,
            events: 700,
        })
    })
    it('includes records a person asked to retry, due or not', async () => {
        const store = new InMemorySyncStore()
        await store.putRecords([failed('event:given-up', 5, { attempts: 5, nextAttemptAt: 9999 })])
        const rewind = await retryRewind(store, {
            now: 1000,
            maxAttempts: 5,
            retryKeys: new Set(['event:given-up']),
        })
        expect(rewind).toEqual({ events: 5 })
    })
})

describe('rewound', () => {
    it('keeps a cursor that is already below the record', () => {
        expect(rewound({ high: 10, seen: [] }, 20)).toEqual({ high: 10, seen: [] })
    })
    it('moves a cursor back to just below the record, forgetting the window', () => {
        expect(rewound({ high: 100, seen: [['a', 99]] }, 20)).toEqual({ high: 19, seen: [] })
    })
    it('leaves a fresh start alone', () => {
        expect(rewound(undefined, 20)).toBeUndefined()
    })
})

import type { SyncStore } from '../../../src/core/ports/syncStore'
import { failedRecord, keysOf, syncedRecord } from './builders'

/** Part of the SyncStore contract: records. `subject` answers the store of the running test. */
export function describeRecords(subject: () => SyncStore) {
    let store: SyncStore
    beforeEach(() => {
        store = subject()
    })

    describe('records', () => {
        it('reads back what was put, and nothing for keys never put', async () => {
            const full = failedRecord('event:e1', 5, 9)
            const plain = syncedRecord('client:c1', { orgUnit: 'OU1' })
            await store.putRecords([full, plain])

            const found = await store.getRecords(['event:e1', 'client:c1', 'client:none'])

            expect(found).toEqual(
                new Map([
                    ['event:e1', full],
                    ['client:c1', plain],
                ])
            )
            expect(found.get('client:c1')).not.toHaveProperty('lastError')
        })

        it('replaces a record put again under the same key, the last one winning', async () => {
            await store.putRecords([syncedRecord('client:c1', { hash: 'a' })])
            await store.putRecords([
                syncedRecord('client:c1', { hash: 'b', status: 'failed' }),
                syncedRecord('client:c1', { hash: 'c', serverVersion: 7 }),
            ])

            const found = await store.getRecords(['client:c1'])

            expect(found.get('client:c1')).toEqual(
                syncedRecord('client:c1', { hash: 'c', serverVersion: 7 })
            )
            expect(await store.listFailed(0, 10)).toEqual([])
        })

        it('keeps its own copy: changing an object put or read changes nothing stored', async () => {
            const record = failedRecord('event:e1', 5)
            await store.putRecords([record])
            record.hash = 'changed'
            const read = (await store.getRecords(['event:e1'])).get('event:e1')
            if (read?.lastError) read.lastError.code = 'changed'

            const again = (await store.getRecords(['event:e1'])).get('event:e1')

            expect(again?.hash).toBe('hash-event:e1')
            expect(again?.lastError?.code).toBe('E1000')
        })

        it('offers for retry the failed records that are due, oldest first, ties by key', async () => {
            await store.putRecords([
                failedRecord('event:late', 30),
                failedRecord('event:b', 10, 100),
                failedRecord('event:a', 10, 50),
                failedRecord('event:not-yet', 5, 101),
                failedRecord('event:first', 1),
                syncedRecord('event:fine', { updatedAt: 0 }),
                syncedRecord('event:gone', { status: 'deleted', updatedAt: 0 }),
            ])

            expect(keysOf(await store.dueRetries(100, 10))).toEqual([
                'event:first',
                'event:a',
                'event:b',
                'event:late',
            ])
            expect(keysOf(await store.dueRetries(100, 2))).toEqual(['event:first', 'event:a'])
            expect(keysOf(await store.dueRetries(101, 10))).toContain('event:not-yet')
        })

        it('drops a record from the retry queue once it is synced', async () => {
            await store.putRecords([failedRecord('event:e1', 1)])
            await store.putRecords([syncedRecord('event:e1', { updatedAt: 2 })])

            expect(await store.dueRetries(10, 10)).toEqual([])
            expect(await store.listFailed(0, 10)).toEqual([])
        })

        it('lists every failed record, due or not, page by page', async () => {
            const failed = Array.from({ length: 7 }, (_, i) =>
                failedRecord(`event:${i}`, 100 - i, i % 2 ? 10_000 : undefined)
            )
            await store.putRecords([...failed, syncedRecord('event:ok', { updatedAt: 0 })])

            const pages = [
                await store.listFailed(0, 3),
                await store.listFailed(3, 3),
                await store.listFailed(6, 3),
                await store.listFailed(9, 3),
            ]

            expect(pages.map(keysOf)).toEqual([
                ['event:6', 'event:5', 'event:4'],
                ['event:3', 'event:2', 'event:1'],
                ['event:0'],
                [],
            ])
            expect(pages[0]?.[0]).toEqual(failed[6])
        })
    })
}

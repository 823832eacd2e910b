import type { SyncStore } from '../../../src/core/ports/syncStore'
import { cellOf, failedRecord, ledgerRow } from './builders'

/** Part of the SyncStore contract: meta, clear and close. `subject` answers the store of the running test. */
export function describeMetaClearClose(subject: () => SyncStore) {
    let store: SyncStore
    beforeEach(() => {
        store = subject()
    })

    describe('meta, clear and close', () => {
        it('stores small JSON values by key, as JSON', async () => {
            const stamp = { runId: 'r1', at: new Date(0), parts: [1, 2], none: undefined }
            await store.putMeta('ledgerStamp', stamp)
            await store.putMeta('salt', 'abc')
            stamp.parts.push(3)

            expect(await store.getMeta('ledgerStamp')).toEqual({
                runId: 'r1',
                at: '1970-01-01T00:00:00.000Z',
                parts: [1, 2],
            })
            expect(await store.getMeta('salt')).toBe('abc')
            expect(await store.getMeta('missing')).toBeUndefined()
        })

        it('replaces a meta value, and removes it when put as undefined', async () => {
            await store.putMeta('k', 1)
            await store.putMeta('k', { v: 2 })
            expect(await store.getMeta('k')).toEqual({ v: 2 })

            await store.putMeta('k', undefined)
            expect(await store.getMeta('k')).toBeUndefined()
        })

        it('forgets everything on clear', async () => {
            await store.putRecords([failedRecord('event:e1', 1)])
            await store.applyLedgerChanges({
                remove: [],
                put: [ledgerRow('a', 'e1', cellOf('DS1'))],
            })
            await store.putMeta('k', 1)

            await store.clear()

            expect(await store.getRecords(['event:e1'])).toEqual(new Map())
            expect(await store.listFailed(0, 10)).toEqual([])
            expect(await store.ledgerRowsForEvents(['e1'])).toEqual(new Map())
            expect(await store.dirtyCells('DS1', undefined, 10)).toEqual([])
            expect(await store.getMeta('k')).toBeUndefined()
        })

        it('refuses work once closed', async () => {
            await store.close()

            await expect(store.getRecords(['k'])).rejects.toThrow()
            await expect(store.putMeta('k', 1)).rejects.toThrow()
        })
    })
}

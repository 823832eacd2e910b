import type { SyncedRecord, SyncStore } from '../../../src/core/ports/syncStore'
import { cellOf, ledgerRow, syncedRecord } from './builders'

/** Part of the SyncStore contract: atomicity and input. `subject` answers the store of the running test. */
export function describeAtomicity(subject: () => SyncStore) {
    let store: SyncStore
    beforeEach(() => {
        store = subject()
    })

    describe('atomicity and input', () => {
        it('writes no record of a batch that holds a malformed one', async () => {
            await store.putRecords([syncedRecord('client:c1', { hash: 'old' })])

            await expect(
                store.putRecords([
                    syncedRecord('client:c1', { hash: 'new' }),
                    syncedRecord('client:c2'),
                    syncedRecord(''),
                ])
            ).rejects.toThrow()

            const found = await store.getRecords(['client:c1', 'client:c2'])
            expect([...found.values()].map((r) => r.hash)).toEqual(['old'])
        })

        it('applies no part of a ledger change that holds a malformed row', async () => {
            const cell = cellOf('DS1')
            await store.applyLedgerChanges({ remove: [], put: [ledgerRow('a', 'e1', cell)] })

            await expect(
                store.applyLedgerChanges({
                    remove: ['a'],
                    put: [
                        ledgerRow('b', 'e2', cellOf('DS1', 'OU2')),
                        ledgerRow('c', 'e3', 'DS1|OU3'),
                    ],
                })
            ).rejects.toThrow()

            expect([...(await store.ledgerRowsForCountKeys(['a', 'b', 'c'])).keys()]).toEqual(['a'])
            expect(await store.dirtyCells('DS1', undefined, 10)).toEqual([{ cell, count: 1 }])
        })

        it('posts no cell of a confirmation that holds a malformed one', async () => {
            await expect(
                store.markPosted([
                    { cell: cellOf('DS1'), posted: 2 },
                    { cell: cellOf('DS1', 'OU2'), posted: 1.5 },
                ])
            ).rejects.toThrow()

            expect(await store.dirtyCells('DS1', undefined, 10)).toEqual([])
        })

        it.each([
            ['an unknown status', syncedRecord('k', { status: 'lost' as SyncedRecord['status'] })],
            ['a fractional serverVersion', syncedRecord('k', { serverVersion: 1.5 })],
            ['negative attempts', syncedRecord('k', { attempts: -1 })],
            ['a time that is not a number', syncedRecord('k', { nextAttemptAt: NaN })],
        ])('rejects a record with %s', async (_, record) => {
            await expect(store.putRecords([record])).rejects.toThrow()
            expect(await store.getRecords(['k'])).toEqual(new Map())
        })

        it.each([
            ['an empty count key', ledgerRow('', 'e1', cellOf('DS1'))],
            ['an empty event key', ledgerRow('a', '', cellOf('DS1'))],
            ['a cell with an empty part', ledgerRow('a', 'e1', 'DS1||202401|DE1|COC1|AOC1')],
            ['a fractional serverVersion', ledgerRow('a', 'e1', cellOf('DS1'), 0.5)],
            [
                'a cell with an emoji (stores order those apart)',
                ledgerRow('a', 'e1', cellOf('DS1', 'OU😀')),
            ],
        ])('rejects a ledger row with %s', async (_, row) => {
            await expect(store.applyLedgerChanges({ remove: [], put: [row] })).rejects.toThrow()
            expect(await store.dirtyCells('DS1', undefined, 10)).toEqual([])
        })
    })
}

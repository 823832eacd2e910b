import type { SyncStore } from '../../../src/core/ports/syncStore'
import { cellOf, ledgerRow } from './builders'

/** Part of the SyncStore contract: ledger rows. `subject` answers the store of the running test. */
export function describeLedgerRows(subject: () => SyncStore) {
    let store: SyncStore
    beforeEach(() => {
        store = subject()
    })

    describe('ledger rows', () => {
        it('finds rows by count key and by event, each event with its rows by count key', async () => {
            const a = ledgerRow('dose:c1:bcg:0', 'e1', cellOf('DS1'))
            const b = ledgerRow('reg:c1', 'e1', cellOf('DS2'))
            const c = ledgerRow('dose:c2:bcg:0', 'e2', cellOf('DS1'), 5)
            await store.applyLedgerChanges({ remove: [], put: [b, a, c] })

            expect(await store.ledgerRowsForCountKeys(['reg:c1', 'dose:c2:bcg:0', 'x'])).toEqual(
                new Map([
                    ['reg:c1', b],
                    ['dose:c2:bcg:0', c],
                ])
            )
            expect(await store.ledgerRowsForEvents(['e1', 'e2', 'e3', 'e1'])).toEqual(
                new Map([
                    ['e1', [a, b]],
                    ['e2', [c]],
                ])
            )
        })

        it('keeps one row per count key: putting it again moves it between events and cells', async () => {
            await store.applyLedgerChanges({
                remove: [],
                put: [ledgerRow('dose:c1:bcg:0', 'e1', cellOf('DS1', 'OU1'))],
            })
            const moved = ledgerRow('dose:c1:bcg:0', 'e9', cellOf('DS1', 'OU2'), 2)
            await store.applyLedgerChanges({ remove: [], put: [moved] })

            expect(await store.ledgerRowsForEvents(['e1', 'e9'])).toEqual(
                new Map([['e9', [moved]]])
            )
            expect(await store.dirtyCells('DS1', undefined, 10)).toEqual([
                { cell: cellOf('DS1', 'OU2'), count: 1 },
            ])
        })

        it('counts a count key put twice in one change once, as the last one says', async () => {
            await store.applyLedgerChanges({
                remove: [],
                put: [
                    ledgerRow('reg:c1', 'e1', cellOf('DS1', 'OU1')),
                    ledgerRow('reg:c1', 'e2', cellOf('DS1', 'OU2')),
                ],
            })

            expect(await store.dirtyCells('DS1', undefined, 10)).toEqual([
                { cell: cellOf('DS1', 'OU2'), count: 1 },
            ])
        })

        it('removes rows by count key before it puts, ignoring keys it does not hold', async () => {
            const cell = cellOf('DS1')
            await store.applyLedgerChanges({
                remove: [],
                put: [
                    ledgerRow('a', 'e1', cell),
                    ledgerRow('b', 'e1', cell),
                    ledgerRow('c', 'e2', cell),
                ],
            })
            await store.applyLedgerChanges({
                remove: ['a', 'b', 'never-there'],
                put: [ledgerRow('b', 'e3', cell)],
            })

            expect([...(await store.ledgerRowsForCountKeys(['a', 'b', 'c'])).keys()]).toEqual([
                'b',
                'c',
            ])
            expect(await store.ledgerRowsForEvents(['e1'])).toEqual(new Map())
            expect(await store.dirtyCells('DS1', undefined, 10)).toEqual([{ cell, count: 2 }])
        })

        it('clears every row and cell before a rebuild', async () => {
            await store.applyLedgerChanges({
                remove: [],
                put: [ledgerRow('a', 'e1', cellOf('DS1'))],
            })
            await store.markPosted([{ cell: cellOf('DS1', 'OU9'), posted: 4 }])

            await store.clearLedger()

            expect(await store.ledgerRowsForCountKeys(['a'])).toEqual(new Map())
            expect(await store.ledgerRowsForEvents(['e1'])).toEqual(new Map())
            expect(await store.dirtyCells('DS1', undefined, 10)).toEqual([])
        })

        it('can keep what was posted through a rebuild, so a cell the rebuild leaves empty is zeroed', async () => {
            const [kept, emptied] = [cellOf('DS1', 'OU1'), cellOf('DS1', 'OU2')]
            await store.applyLedgerChanges({
                remove: [],
                put: [ledgerRow('a', 'e1', kept), ledgerRow('b', 'e2', emptied)],
            })
            await store.markPosted([
                { cell: kept, posted: 1 },
                { cell: emptied, posted: 1 },
            ])

            await store.clearLedger({ keepPosted: true })
            await store.applyLedgerChanges({ remove: [], put: [ledgerRow('a', 'e1', kept)] })

            expect(await store.ledgerRowsForCountKeys(['b'])).toEqual(new Map())
            expect(await store.dirtyCells('DS1', undefined, 10)).toEqual([
                { cell: emptied, count: 0, posted: 1 },
            ])
        })
    })
}

import type { LedgerRow, SyncStore } from '../../../src/core/ports/syncStore'
import { allDirtyCells, cellOf, ledgerRow } from './builders'

/** Part of the SyncStore contract: dirty cells. `subject` answers the store of the running test. */
export function describeDirtyCells(subject: () => SyncStore) {
    let store: SyncStore
    beforeEach(() => {
        store = subject()
    })

    describe('dirty cells', () => {
        const put = (...rows: LedgerRow[]) => store.applyLedgerChanges({ remove: [], put: rows })

        it('lists a counted, never-posted cell, and not one whose only row was removed', async () => {
            await put(
                ledgerRow('a', 'e1', cellOf('DS1', 'OU1')),
                ledgerRow('b', 'e2', cellOf('DS1', 'OU2'))
            )
            await store.applyLedgerChanges({ remove: ['b'], put: [] })

            expect(await store.dirtyCells('DS1', undefined, 10)).toEqual([
                { cell: cellOf('DS1', 'OU1'), count: 1 },
            ])
        })

        it('clears a cell once DHIS2 confirmed its count, and lists it again when it changes', async () => {
            const cell = cellOf('DS1')
            await put(ledgerRow('a', 'e1', cell), ledgerRow('b', 'e1', cell))
            await store.markPosted([{ cell, posted: 2 }])
            expect(await store.dirtyCells('DS1', undefined, 10)).toEqual([])

            await put(ledgerRow('c', 'e2', cell))

            expect(await store.dirtyCells('DS1', undefined, 10)).toEqual([
                { cell, count: 3, posted: 2 },
            ])
        })

        it('lists a posted cell that dropped to zero, so the zero gets posted', async () => {
            const cell = cellOf('DS1')
            await put(ledgerRow('a', 'e1', cell))
            await store.markPosted([{ cell, posted: 1 }])
            await store.applyLedgerChanges({ remove: ['a'], put: [] })

            expect(await store.dirtyCells('DS1', undefined, 10)).toEqual([
                { cell, count: 0, posted: 1 },
            ])

            await store.markPosted([{ cell, posted: 0 }])
            expect(await store.dirtyCells('DS1', undefined, 10)).toEqual([])
        })

        it('keeps a value posted to a cell the ledger never counted dirty until it is zero', async () => {
            const cell = cellOf('DS1')
            await store.markPosted([
                { cell, posted: 3 },
                { cell: cellOf('DS1', 'OU2'), posted: 0 },
            ])

            expect(await store.dirtyCells('DS1', undefined, 10)).toEqual([
                { cell, count: 0, posted: 3 },
            ])
        })

        it('lists only the cells of the data set asked for, not of one whose id it prefixes', async () => {
            await put(
                ledgerRow('a', 'e1', cellOf('DS1')),
                ledgerRow('b', 'e1', cellOf('DS10')),
                ledgerRow('c', 'e1', cellOf('DS')),
                ledgerRow('d', 'e1', cellOf('DS2'))
            )

            expect((await store.dirtyCells('DS1', undefined, 10)).map((c) => c.cell)).toEqual([
                cellOf('DS1'),
            ])
        })

        it('pages by cell string, starting after the cell given', async () => {
            const cells = ['OU3', 'OU1', 'OU5', 'OU2', 'OU4'].map((ou) => cellOf('DS1', ou))
            await put(...cells.map((cell, i) => ledgerRow(`k${i}`, `e${i}`, cell)))
            await store.markPosted([{ cell: cellOf('DS1', 'OU2'), posted: 1 }])

            const first = await store.dirtyCells('DS1', undefined, 2)
            const second = await store.dirtyCells('DS1', first[1]?.cell, 2)
            const fromBetween = await store.dirtyCells('DS1', `${cellOf('DS1', 'OU3')}~`, 5)

            expect(first.map((c) => c.cell)).toEqual([cellOf('DS1', 'OU1'), cellOf('DS1', 'OU3')])
            expect(second.map((c) => c.cell)).toEqual([cellOf('DS1', 'OU4'), cellOf('DS1', 'OU5')])
            expect(fromBetween.map((c) => c.cell)).toEqual(second.map((c) => c.cell))
        })

        it('orders cells by code point in every store, beyond ASCII too', async () => {
            const orgUnits = ['\ue000', 'ঢাকা', 'OU1', 'Zz', 'é', '~']
            await put(...orgUnits.map((ou, i) => ledgerRow(`k${i}`, `e${i}`, cellOf('DS1', ou))))

            const listed = (await allDirtyCells(store, 'DS1', 2)).map((c) => c.cell.split('|')[1])

            expect(listed).toEqual(['OU1', 'Zz', '~', 'é', 'ঢাকা', '\ue000'])
        })

        it('pages through many cells, each listed once with its full count', async () => {
            const expected = new Map<string, number>()
            const rows: LedgerRow[] = []
            for (let i = 0; i < 1500; i++) {
                const cell = cellOf(
                    'DS1',
                    `OU${i % 97}`,
                    `2024${String((i % 12) + 1).padStart(2, '0')}`
                )
                rows.push(ledgerRow(`dose:${i}`, `e${i}`, cell))
                expected.set(cell, (expected.get(cell) ?? 0) + 1)
            }
            for (let i = 0; i < rows.length; i += 500)
                await store.applyLedgerChanges({ remove: [], put: rows.slice(i, i + 500) })

            const listed = await allDirtyCells(store, 'DS1', 37)

            expect(listed.map((c) => c.cell)).toEqual([...expected.keys()].sort())
            expect(new Map(listed.map((c) => [c.cell, c.count]))).toEqual(expected)
        })
    })
}

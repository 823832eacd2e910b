import type { LedgerRow } from '../../core/ports/syncStore'
import type { StoredCell, SyncStoreTables } from './dexieSchema'
import { copyLedgerRow } from './storedCopies'
import { checkKey, checkLedgerRow, isDirty } from './syncStoreInput'

/**
 * applyLedgerChanges inside the caller's 'rw' transaction over ledgerRows and ledgerCells: reads
 * every row and cell it touches with one bulkGet each, works the changes out in memory, then
 * writes with bulkDelete/bulkPut. Any throw aborts the whole transaction.
 */
export async function applyLedgerChangesToDexie(
    tables: Pick<SyncStoreTables, 'ledgerRows' | 'ledgerCells'>,
    changes: { remove: string[]; put: LedgerRow[] }
): Promise<void> {
    changes.remove.forEach((key) => checkKey('ledger countKey', key))
    changes.put.forEach(checkLedgerRow)
    const { ledgerRows, ledgerCells } = tables

    const keys = [...new Set([...changes.remove, ...changes.put.map((r) => r.countKey)])]
    const before = await ledgerRows.bulkGet(keys)
    const rows = new Map(keys.map((key, i) => [key, before[i]]))
    const deltas = new Map<string, number>()
    const move = (row: LedgerRow | undefined, delta: number) => {
        if (row) deltas.set(row.cell, (deltas.get(row.cell) ?? 0) + delta)
    }
    for (const key of changes.remove) {
        move(rows.get(key), -1)
        rows.set(key, undefined)
    }
    for (const row of changes.put) {
        move(rows.get(row.countKey), -1)
        rows.set(row.countKey, copyLedgerRow(row))
        move(row, +1)
    }

    const gone = keys.filter((key, i) => before[i] !== undefined && rows.get(key) === undefined)
    const kept = [...new Set(changes.put.map((row) => row.countKey))].map((key) => rows.get(key))
    await ledgerRows.bulkDelete(gone)
    await ledgerRows.bulkPut(kept.filter((row): row is LedgerRow => row !== undefined))

    const touched = [...deltas].filter(([, delta]) => delta !== 0)
    const cells = await ledgerCells.bulkGet(touched.map(([cell]) => cell))
    await ledgerCells.bulkPut(
        touched.map(([cell, delta], i): StoredCell => {
            const stored = cells[i]
            const count = (stored?.count ?? 0) + delta
            if (count < 0)
                throw new Error(`The ledger has rows in cell ${cell} but no count for it`)
            const posted = stored?.posted
            return {
                cell,
                count,
                ...(posted !== undefined && { posted }),
                dirty: isDirty(count, posted) ? 1 : 0,
            }
        })
    )
}

import { copyCellState, copyLedgerRow, copyRecord } from '../../src/adapters/store/storedCopies'
import {
    checkKey,
    checkLedgerRow,
    checkPage,
    checkPosted,
    checkRecord,
    dataSetCellRange,
    isDirty,
    metaToJson,
} from '../../src/adapters/store/syncStoreInput'
import type { CellState, LedgerRow, SyncedRecord, SyncStore } from '../../src/core/ports/syncStore'

const byUpdatedAtThenKey = (a: SyncedRecord, b: SyncedRecord) =>
    a.updatedAt - b.updatedAt || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)

/**
 * The sync store in plain Maps, for the core's tests. Every method checks all its input before it
 * changes anything, which is what makes it atomic.
 */
export class InMemorySyncStore implements SyncStore {
    private readonly records = new Map<string, SyncedRecord>()
    private readonly rows = new Map<string, LedgerRow>()
    private readonly cells = new Map<string, { count: number; posted?: number }>()
    private readonly meta = new Map<string, string>()
    private closed = false

    async getRecords(keys: string[]): Promise<Map<string, SyncedRecord>> {
        this.assertOpen()
        const found = new Map<string, SyncedRecord>()
        for (const key of keys) {
            const record = this.records.get(key)
            if (record) found.set(key, copyRecord(record))
        }
        return found
    }

    async putRecords(records: SyncedRecord[]): Promise<void> {
        this.assertOpen()
        records.forEach(checkRecord)
        for (const record of records) this.records.set(record.key, copyRecord(record))
    }

    async dueRetries(now: number, limit: number): Promise<SyncedRecord[]> {
        this.assertOpen()
        checkPage(limit)
        return this.failed()
            .filter((r) => r.nextAttemptAt === undefined || r.nextAttemptAt <= now)
            .slice(0, limit)
    }

    async listFailed(offset: number, limit: number): Promise<SyncedRecord[]> {
        this.assertOpen()
        checkPage(limit, offset)
        return this.failed().slice(offset, offset + limit)
    }

    async ledgerRowsForEvents(eventKeys: string[]): Promise<Map<string, LedgerRow[]>> {
        this.assertOpen()
        const wanted = new Set(eventKeys)
        const found = new Map<string, LedgerRow[]>()
        const sorted = [...this.rows.values()].sort((a, b) => (a.countKey < b.countKey ? -1 : 1))
        for (const row of sorted) {
            if (!wanted.has(row.eventKey)) continue
            found.set(row.eventKey, [...(found.get(row.eventKey) ?? []), copyLedgerRow(row)])
        }
        return found
    }

    async ledgerRowsForCountKeys(countKeys: string[]): Promise<Map<string, LedgerRow>> {
        this.assertOpen()
        const found = new Map<string, LedgerRow>()
        for (const key of countKeys) {
            const row = this.rows.get(key)
            if (row) found.set(key, copyLedgerRow(row))
        }
        return found
    }

    async applyLedgerChanges(changes: { remove: string[]; put: LedgerRow[] }): Promise<void> {
        this.assertOpen()
        changes.remove.forEach((key) => checkKey('ledger countKey', key))
        changes.put.forEach(checkLedgerRow)
        for (const key of changes.remove) this.removeRow(key)
        for (const row of changes.put) {
            this.removeRow(row.countKey)
            this.rows.set(row.countKey, copyLedgerRow(row))
            this.addToCell(row.cell, 1)
        }
    }

    async dirtyCells(
        dataSet: string,
        afterCell: string | undefined,
        limit: number
    ): Promise<CellState[]> {
        this.assertOpen()
        checkPage(limit)
        const { lower, upper } = dataSetCellRange(dataSet)
        return [...this.cells.entries()]
            .filter(([cell]) => cell >= lower && cell < upper)
            .filter(([cell]) => afterCell === undefined || cell > afterCell)
            .filter(([, state]) => isDirty(state.count, state.posted))
            .sort(([a], [b]) => (a < b ? -1 : 1))
            .slice(0, limit)
            .map(([cell, state]) => copyCellState({ cell, ...state }))
    }

    async markPosted(cells: Array<{ cell: string; posted: number }>): Promise<void> {
        this.assertOpen()
        cells.forEach(checkPosted)
        for (const { cell, posted } of cells)
            this.cells.set(cell, { count: this.cells.get(cell)?.count ?? 0, posted })
    }

    async clearLedger(options: { keepPosted?: boolean } = {}): Promise<void> {
        this.assertOpen()
        this.rows.clear()
        for (const [cell, state] of this.cells) {
            if (options.keepPosted && state.posted !== undefined)
                this.cells.set(cell, { count: 0, posted: state.posted })
            else this.cells.delete(cell)
        }
    }

    async getMeta(key: string): Promise<unknown | undefined> {
        this.assertOpen()
        const json = this.meta.get(key)
        return json === undefined ? undefined : JSON.parse(json)
    }

    async putMeta(key: string, value: unknown): Promise<void> {
        this.assertOpen()
        const json = metaToJson(key, value)
        if (json === undefined) this.meta.delete(key)
        else this.meta.set(key, json)
    }

    async clear(): Promise<void> {
        this.assertOpen()
        this.records.clear()
        this.rows.clear()
        this.cells.clear()
        this.meta.clear()
    }

    async close(): Promise<void> {
        this.closed = true
    }

    private failed(): SyncedRecord[] {
        return [...this.records.values()]
            .filter((r) => r.status === 'failed')
            .sort(byUpdatedAtThenKey)
            .map(copyRecord)
    }

    private removeRow(countKey: string): void {
        const row = this.rows.get(countKey)
        if (!row) return
        this.rows.delete(countKey)
        this.addToCell(row.cell, -1)
    }

    private addToCell(cell: string, delta: number): void {
        const state = this.cells.get(cell) ?? { count: 0 }
        this.cells.set(cell, { ...state, count: state.count + delta })
    }

    private assertOpen(): void {
        if (this.closed) throw new Error('The sync store is closed')
    }
}

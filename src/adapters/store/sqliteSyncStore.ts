import Database from 'better-sqlite3'
import type { CellState, LedgerRow, SyncedRecord, SyncStore } from '../../core/ports/syncStore'
import { migrate } from './sqliteSchema'
import { prepareStatements } from './sqliteStatements'
import { cellFromRow, ledgerRowFromRow, recordFromRow, recordToParams } from './sqliteRows'
import {
    checkKey,
    checkLedgerRow,
    checkPage,
    checkPosted,
    checkRecord,
    dataSetCellRange,
    metaToJson,
} from './syncStoreInput'

const unique = (keys: string[]) => [...new Set(keys)]

/**
 * The sync store for Node (the headless runner): one SQLite file through better-sqlite3, in WAL
 * mode so readers never wait for the writer. Every port method runs as one transaction over
 * prepared statements. Node only: the browser bundle uses the Dexie store.
 */
export class SqliteSyncStore implements SyncStore {
    private readonly db: Database.Database
    private readonly sql: ReturnType<typeof prepareStatements>

    /** Opens (creating when missing) the store at `filePath`; ':memory:' for a throwaway one. */
    constructor(readonly filePath: string) {
        this.db = new Database(filePath)
        try {
            this.db.pragma('journal_mode = WAL')
            // With WAL, NORMAL survives a crashed process; a power cut may lose the last commits,
            // which a cache that deterministic UIDs make safe to lose can afford.
            this.db.pragma('synchronous = NORMAL')
            // Record and ledger keys hold UUIDs, so one page of events dirties ~1,000 pages spread
            // over the B-trees. A 16 MiB cache holds them without spilling mid-transaction, and a
            // checkpoint (copy into the file, fsync) every 10,000 WAL pages instead of SQLite's
            // 1,000 copies a page that later commits rewrite once, not after every commit.
            this.db.pragma('cache_size = -16384')
            this.db.pragma('wal_autocheckpoint = 10000')
            migrate(this.db)
            this.sql = prepareStatements(this.db)
        } catch (error) {
            this.db.close()
            throw error
        }
    }

    async getRecords(keys: string[]): Promise<Map<string, SyncedRecord>> {
        return this.inTransaction(() => {
            const found = new Map<string, SyncedRecord>()
            for (const key of unique(keys)) {
                const row = this.sql.getRecord.get(key)
                if (row !== undefined) found.set(key, recordFromRow(row))
            }
            return found
        })
    }

    async putRecords(records: SyncedRecord[]): Promise<void> {
        this.inTransaction(() => {
            for (const record of records) {
                checkRecord(record)
                this.sql.putRecord.run(recordToParams(record))
            }
        })
    }

    async dueRetries(now: number, limit: number): Promise<SyncedRecord[]> {
        checkPage(limit)
        return this.inTransaction(() => this.sql.dueRetries.all(now, limit).map(recordFromRow))
    }

    async listFailed(offset: number, limit: number): Promise<SyncedRecord[]> {
        checkPage(limit, offset)
        return this.inTransaction(() => this.sql.listFailed.all(limit, offset).map(recordFromRow))
    }

    async ledgerRowsForEvents(eventKeys: string[]): Promise<Map<string, LedgerRow[]>> {
        return this.inTransaction(() => {
            const found = new Map<string, LedgerRow[]>()
            for (const eventKey of unique(eventKeys)) {
                const rows = this.sql.rowsOfEvent.all(eventKey).map(ledgerRowFromRow)
                if (rows.length > 0) found.set(eventKey, rows)
            }
            return found
        })
    }

    async ledgerRowsForCountKeys(countKeys: string[]): Promise<Map<string, LedgerRow>> {
        return this.inTransaction(() => {
            const found = new Map<string, LedgerRow>()
            for (const countKey of unique(countKeys)) {
                const row = this.sql.rowOfCountKey.get(countKey)
                if (row !== undefined) found.set(countKey, ledgerRowFromRow(row))
            }
            return found
        })
    }

    async applyLedgerChanges(changes: { remove: string[]; put: LedgerRow[] }): Promise<void> {
        this.inTransaction(() => {
            // Cell counts move once per cell at the end, not once per row.
            const deltas = new Map<string, number>()
            const add = (cell: unknown, delta: number) => {
                if (typeof cell === 'string') deltas.set(cell, (deltas.get(cell) ?? 0) + delta)
            }
            for (const countKey of changes.remove) {
                checkKey('ledger countKey', countKey)
                add(this.sql.deleteRow.get(countKey), -1)
            }
            for (const row of changes.put) {
                checkLedgerRow(row)
                add(this.sql.cellOfCountKey.get(row.countKey), -1)
                this.sql.upsertRow.run(row.countKey, row.eventKey, row.cell, row.serverVersion)
                add(row.cell, +1)
            }
            // In cell order, so consecutive updates land on neighbouring B-tree pages.
            const ordered = [...deltas].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
            for (const [cell, delta] of ordered) {
                if (delta > 0) this.sql.addToCell.run(cell, delta)
                else if (delta < 0 && this.sql.takeFromCell.run(-delta, cell).changes !== 1)
                    throw new Error(`The ledger has rows in cell ${cell} but no count for it`)
            }
        })
    }

    async dirtyCells(
        dataSet: string,
        afterCell: string | undefined,
        limit: number
    ): Promise<CellState[]> {
        checkPage(limit)
        const { lower, upper } = dataSetCellRange(dataSet)
        const next = afterCell !== undefined && afterCell >= lower
        const query = next ? this.sql.nextDirtyCells : this.sql.firstDirtyCells
        return this.inTransaction(() =>
            query.all(next ? afterCell : lower, upper, limit).map(cellFromRow)
        )
    }

    async markPosted(cells: Array<{ cell: string; posted: number }>): Promise<void> {
        this.inTransaction(() => {
            for (const entry of cells) {
                checkPosted(entry)
                this.sql.markPosted.run(entry.cell, entry.posted)
            }
        })
    }

    async clearLedger(options: { keepPosted?: boolean } = {}): Promise<void> {
        this.inTransaction(() => {
            this.db.exec('DELETE FROM ledger_rows')
            if (options.keepPosted)
                this.db.exec(
                    'DELETE FROM ledger_cells WHERE posted IS NULL; UPDATE ledger_cells SET count = 0'
                )
            else this.db.exec('DELETE FROM ledger_cells')
        })
    }

    async getMeta(key: string): Promise<unknown | undefined> {
        const json = this.inTransaction(() => this.sql.getMeta.get(key))
        return typeof json === 'string' ? JSON.parse(json) : undefined
    }

    async putMeta(key: string, value: unknown): Promise<void> {
        const json = metaToJson(key, value)
        this.inTransaction(() => {
            if (json === undefined) this.sql.deleteMeta.run(key)
            else this.sql.putMeta.run(key, json)
        })
    }

    async clear(): Promise<void> {
        this.inTransaction(() =>
            this.db.exec(
                'DELETE FROM records; DELETE FROM ledger_rows; DELETE FROM ledger_cells; DELETE FROM meta'
            )
        )
    }

    async close(): Promise<void> {
        if (this.db.open) this.db.close()
    }

    /** better-sqlite3 rolls the transaction back when `work` throws, and rethrows. */
    private inTransaction<T>(work: () => T): T {
        return this.db.transaction(work)()
    }
}

/** Opens the SQLite sync store at `filePath`, creating the file and its schema when missing. */
export async function openSqliteSyncStore(filePath: string): Promise<SqliteSyncStore> {
    return new SqliteSyncStore(filePath)
}

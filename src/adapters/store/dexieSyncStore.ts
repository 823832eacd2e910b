import Dexie, { type DexieOptions } from 'dexie'
import type { CellState, LedgerRow, SyncedRecord, SyncStore } from '../../core/ports/syncStore'
import { applyLedgerChangesToDexie } from './dexieLedger'
import { DEXIE_DATABASE_NAME, openSyncStoreDatabase, type SyncStoreTables } from './dexieSchema'
import { copyCellState, copyLedgerRow, copyRecord } from './storedCopies'
import {
    checkPage,
    checkPosted,
    checkRecord,
    dataSetCellRange,
    isDirty,
    metaToJson,
} from './syncStoreInput'

export interface DexieSyncStoreOptions {
    /** Defaults to 'opensrp-connector'. */
    databaseName?: string
    /** Another IndexedDB (fake-indexeddb in tests); the browser's by default. */
    indexedDB?: DexieOptions['indexedDB']
    IDBKeyRange?: DexieOptions['IDBKeyRange']
}

const unique = (keys: string[]) => [...new Set(keys)]
const present = <T>(value: T | undefined): value is T => value !== undefined

/**
 * The sync store in the browser: IndexedDB through Dexie 4. Each method is one Dexie transaction
 * over the tables it touches, so a rejected call has written nothing.
 */
export class DexieSyncStore implements SyncStore {
    private readonly tables: SyncStoreTables

    constructor(options: DexieSyncStoreOptions = {}) {
        const { databaseName = DEXIE_DATABASE_NAME, ...dexieOptions } = options
        this.tables = openSyncStoreDatabase(databaseName, dexieOptions)
    }

    /** The Dexie database underneath, for tests that need to reach past the port. */
    get database(): Dexie {
        return this.tables.db
    }

    async open(): Promise<this> {
        await this.tables.db.open()
        return this
    }

    async getRecords(keys: string[]): Promise<Map<string, SyncedRecord>> {
        const { db, records } = this.tables
        const found = await db.transaction('r', records, () => records.bulkGet(unique(keys)))
        return new Map(found.filter(present).map((r) => [r.key, copyRecord(r)]))
    }

    async putRecords(records: SyncedRecord[]): Promise<void> {
        const { db, records: table } = this.tables
        await db.transaction('rw', table, async () => {
            records.forEach(checkRecord)
            await table.bulkPut(records.map(copyRecord))
        })
    }

    async dueRetries(now: number, limit: number): Promise<SyncedRecord[]> {
        checkPage(limit)
        const { db, records } = this.tables
        const due = (r: SyncedRecord) => r.nextAttemptAt === undefined || r.nextAttemptAt <= now
        const found = await db.transaction('r', records, () =>
            this.failed().filter(due).limit(limit).toArray()
        )
        return found.map(copyRecord)
    }

    async listFailed(offset: number, limit: number): Promise<SyncedRecord[]> {
        checkPage(limit, offset)
        const { db, records } = this.tables
        const found = await db.transaction('r', records, () =>
            this.failed().offset(offset).limit(limit).toArray()
        )
        return found.map(copyRecord)
    }

    async ledgerRowsForEvents(eventKeys: string[]): Promise<Map<string, LedgerRow[]>> {
        const { db, ledgerRows } = this.tables
        // anyOf walks the eventKey index, so each event's rows arrive together, by countKey.
        const rows = await db.transaction('r', ledgerRows, () =>
            ledgerRows.where('eventKey').anyOf(unique(eventKeys)).toArray()
        )
        const found = new Map<string, LedgerRow[]>()
        for (const row of rows) {
            const list = found.get(row.eventKey) ?? []
            list.push(copyLedgerRow(row))
            found.set(row.eventKey, list)
        }
        return found
    }

    async ledgerRowsForCountKeys(countKeys: string[]): Promise<Map<string, LedgerRow>> {
        const { db, ledgerRows } = this.tables
        const rows = await db.transaction('r', ledgerRows, () =>
            ledgerRows.bulkGet(unique(countKeys))
        )
        return new Map(rows.filter(present).map((row) => [row.countKey, copyLedgerRow(row)]))
    }

    async applyLedgerChanges(changes: { remove: string[]; put: LedgerRow[] }): Promise<void> {
        const { db, ledgerRows, ledgerCells } = this.tables
        await db.transaction('rw', ledgerRows, ledgerCells, () =>
            applyLedgerChangesToDexie(this.tables, changes)
        )
    }

    async dirtyCells(
        dataSet: string,
        afterCell: string | undefined,
        limit: number
    ): Promise<CellState[]> {
        checkPage(limit)
        const { lower, upper } = dataSetCellRange(dataSet)
        const after = afterCell !== undefined && afterCell >= lower
        const from = after ? afterCell : lower
        if (from >= upper || limit === 0) return []
        const { db, ledgerCells } = this.tables
        const cells = await db.transaction('r', ledgerCells, () =>
            ledgerCells
                .where('[dirty+cell]')
                .between([1, from], [1, upper], !after, false)
                .limit(limit)
                .toArray()
        )
        return cells.map(copyCellState)
    }

    async markPosted(cells: Array<{ cell: string; posted: number }>): Promise<void> {
        const { db, ledgerCells } = this.tables
        await db.transaction('rw', ledgerCells, async () => {
            cells.forEach(checkPosted)
            const posted = new Map(cells.map((c) => [c.cell, c.posted]))
            const keys = [...posted.keys()]
            const stored = await ledgerCells.bulkGet(keys)
            await ledgerCells.bulkPut(
                keys.map((cell, i) => {
                    const count = stored[i]?.count ?? 0
                    const value = posted.get(cell)
                    return { cell, count, posted: value, dirty: isDirty(count, value) ? 1 : 0 }
                })
            )
        })
    }

    async clearLedger(options: { keepPosted?: boolean } = {}): Promise<void> {
        const { db, ledgerRows, ledgerCells } = this.tables
        await db.transaction('rw', ledgerRows, ledgerCells, async () => {
            await ledgerRows.clear()
            if (!options.keepPosted) return ledgerCells.clear()
            await ledgerCells.filter((c) => c.posted === undefined).delete()
            await ledgerCells.toCollection().modify((c) => {
                c.count = 0
                c.dirty = isDirty(0, c.posted) ? 1 : 0
            })
        })
    }

    async getMeta(key: string): Promise<unknown | undefined> {
        const { db, meta } = this.tables
        const entry = await db.transaction('r', meta, () => meta.get(key))
        return entry === undefined ? undefined : JSON.parse(entry.json)
    }

    async putMeta(key: string, value: unknown): Promise<void> {
        const json = metaToJson(key, value)
        const { db, meta } = this.tables
        await db.transaction('rw', meta, async () => {
            if (json === undefined) await meta.delete(key)
            else await meta.put({ key, json })
        })
    }

    async clear(): Promise<void> {
        const { db, records, ledgerRows, ledgerCells, meta } = this.tables
        await db.transaction('rw', [records, ledgerRows, ledgerCells, meta], () =>
            Promise.all([records.clear(), ledgerRows.clear(), ledgerCells.clear(), meta.clear()])
        )
    }

    async close(): Promise<void> {
        this.tables.db.close({ disableAutoOpen: true })
    }

    /** Failed records in dueRetries' order: [status+updatedAt], ties by primary key. */
    private failed() {
        return this.tables.records
            .where('[status+updatedAt]')
            .between(['failed', Dexie.minKey], ['failed', Dexie.maxKey])
    }
}

/** Opens the Dexie sync store ('opensrp-connector' unless named), creating or upgrading it. */
export function openDexieSyncStore(options: DexieSyncStoreOptions = {}): Promise<DexieSyncStore> {
    return new DexieSyncStore(options).open()
}

import Dexie, { type DexieOptions, type Table } from 'dexie'
import type { LedgerRow, SyncedRecord } from '../../core/ports/syncStore'

export const DEXIE_DATABASE_NAME = 'opensrp-connector'

/** A ledger cell as stored: `dirty` (0 or 1) mirrors isDirty so the [dirty+cell] index finds them. */
export interface StoredCell {
    cell: string
    count: number
    posted?: number
    dirty: 0 | 1
}

export interface StoredMeta {
    key: string
    json: string
}

export interface SyncStoreTables {
    db: Dexie
    records: Table<SyncedRecord, string>
    ledgerRows: Table<LedgerRow, string>
    ledgerCells: Table<StoredCell, string>
    meta: Table<StoredMeta, string>
}

/**
 * The IndexedDB schema. Versions only ever append (Dexie upgrades an older browser's database in
 * place). Index entries with equal keys are ordered by primary key, which gives the port's ties:
 * failed records by [status+updatedAt] then key, an event's rows by countKey.
 */
export function openSyncStoreDatabase(name: string, options: DexieOptions): SyncStoreTables {
    const db = new Dexie(name, options)
    db.version(1).stores({
        records: 'key, [status+updatedAt]',
        ledgerRows: 'countKey, eventKey',
        ledgerCells: 'cell, [dirty+cell]',
        meta: 'key',
    })
    return {
        db,
        records: db.table<SyncedRecord, string>('records'),
        ledgerRows: db.table<LedgerRow, string>('ledgerRows'),
        ledgerCells: db.table<StoredCell, string>('ledgerCells'),
        meta: db.table<StoredMeta, string>('meta'),
    }
}

import type { Database } from 'better-sqlite3'
import { RECORD_COLUMNS } from './sqliteRows'

const FAILED = `SELECT ${RECORD_COLUMNS} FROM records WHERE status = 'failed'`
const ROW_COLUMNS = 'count_key, event_key, cell, server_version'

/** Every statement the SQLite store runs, by name; each lookup has an index (see the test). */
export const STATEMENTS = {
    getRecord: `SELECT ${RECORD_COLUMNS} FROM records WHERE key = ?`,
    putRecord: `INSERT OR REPLACE INTO records (${RECORD_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    dueRetries: `${FAILED} AND (next_attempt_at IS NULL OR next_attempt_at <= ?) ORDER BY updated_at, key LIMIT ?`,
    listFailed: `${FAILED} ORDER BY updated_at, key LIMIT ? OFFSET ?`,
    rowsOfEvent: `SELECT ${ROW_COLUMNS} FROM ledger_rows WHERE event_key = ? ORDER BY count_key`,
    rowOfCountKey: `SELECT ${ROW_COLUMNS} FROM ledger_rows WHERE count_key = ?`,
    cellOfCountKey: 'SELECT cell FROM ledger_rows WHERE count_key = ?',
    deleteRow: 'DELETE FROM ledger_rows WHERE count_key = ? RETURNING cell',
    upsertRow: `INSERT INTO ledger_rows (${ROW_COLUMNS}) VALUES (?, ?, ?, ?) ON CONFLICT (count_key) DO UPDATE
         SET event_key = excluded.event_key, cell = excluded.cell, server_version = excluded.server_version`,
    // CHECK (count >= 0) judges the VALUES before ON CONFLICT, so decrements are updates.
    addToCell: `INSERT INTO ledger_cells (cell, count) VALUES (?, ?)
         ON CONFLICT (cell) DO UPDATE SET count = count + excluded.count`,
    takeFromCell: 'UPDATE ledger_cells SET count = count - ? WHERE cell = ?',
    markPosted: `INSERT INTO ledger_cells (cell, count, posted) VALUES (?, 0, ?)
         ON CONFLICT (cell) DO UPDATE SET posted = excluded.posted`,
    // The first term is the partial index's own, so SQLite walks only dirty cells; one lower
    // bound each, as SQLite seeks on one and would scan from the data set's start past the other.
    firstDirtyCells: `SELECT cell, count, posted FROM ledger_cells
         WHERE count <> coalesce(posted, 0) AND cell >= ? AND cell < ? ORDER BY cell LIMIT ?`,
    nextDirtyCells: `SELECT cell, count, posted FROM ledger_cells
         WHERE count <> coalesce(posted, 0) AND cell > ? AND cell < ? ORDER BY cell LIMIT ?`,
    getMeta: 'SELECT json FROM meta WHERE key = ?',
    putMeta: 'INSERT OR REPLACE INTO meta (key, json) VALUES (?, ?)',
    deleteMeta: 'DELETE FROM meta WHERE key = ?',
} as const

/** Statements answering one column answer its bare value. */
const PLUCKED: ReadonlySet<string> = new Set(['cellOfCountKey', 'deleteRow', 'getMeta'])

export function prepareStatements(db: Database) {
    const prepare = (name: keyof typeof STATEMENTS) => {
        const statement = db.prepare(STATEMENTS[name])
        return PLUCKED.has(name) ? statement.pluck() : statement
    }
    return {
        getRecord: prepare('getRecord'),
        putRecord: prepare('putRecord'),
        dueRetries: prepare('dueRetries'),
        listFailed: prepare('listFailed'),
        rowsOfEvent: prepare('rowsOfEvent'),
        rowOfCountKey: prepare('rowOfCountKey'),
        cellOfCountKey: prepare('cellOfCountKey'),
        deleteRow: prepare('deleteRow'),
        upsertRow: prepare('upsertRow'),
        addToCell: prepare('addToCell'),
        takeFromCell: prepare('takeFromCell'),
        markPosted: prepare('markPosted'),
        firstDirtyCells: prepare('firstDirtyCells'),
        nextDirtyCells: prepare('nextDirtyCells'),
        getMeta: prepare('getMeta'),
        putMeta: prepare('putMeta'),
        deleteMeta: prepare('deleteMeta'),
    }
}

import type { Database } from 'better-sqlite3'

/**
 * The SQLite store's schema, one entry per version (PRAGMA user_version). A migration only ever
 * appends; the store is a cache, so a version it does not know is refused rather than guessed at.
 */
const MIGRATIONS: readonly string[] = [
    `
    CREATE TABLE records (
        key TEXT PRIMARY KEY,
        uid TEXT NOT NULL,
        hash TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('synced', 'failed', 'deleted', 'skipped')),
        server_version INTEGER NOT NULL,
        org_unit TEXT,
        error_code TEXT,
        error_message TEXT,
        attempts INTEGER NOT NULL CHECK (attempts >= 0),
        next_attempt_at REAL,
        updated_at REAL NOT NULL
    ) STRICT, WITHOUT ROWID;
    -- dueRetries and listFailed: the retry queue in age order, without the synced majority.
    CREATE INDEX records_failed_by_age ON records (updated_at, key) WHERE status = 'failed';

    CREATE TABLE ledger_rows (
        count_key TEXT PRIMARY KEY,
        event_key TEXT NOT NULL,
        cell TEXT NOT NULL,
        server_version INTEGER NOT NULL
    ) STRICT, WITHOUT ROWID;
    -- ledgerRowsForEvents, each event's rows in countKey order.
    CREATE INDEX ledger_rows_by_event ON ledger_rows (event_key, count_key);

    CREATE TABLE ledger_cells (
        cell TEXT PRIMARY KEY,
        count INTEGER NOT NULL CHECK (count >= 0),
        posted INTEGER CHECK (posted >= 0)
    ) STRICT, WITHOUT ROWID;
    -- dirtyCells: only the cells that differ from DHIS2; the term must match the query's exactly.
    CREATE INDEX ledger_cells_dirty ON ledger_cells (cell) WHERE count <> coalesce(posted, 0);

    CREATE TABLE meta (
        key TEXT PRIMARY KEY,
        json TEXT NOT NULL
    ) STRICT, WITHOUT ROWID;
    `,
]

export const SCHEMA_VERSION = MIGRATIONS.length

/** Brings an open database to the current schema, each step in its own transaction. */
export function migrate(db: Database): void {
    const current = Number(db.pragma('user_version', { simple: true }))
    if (current > SCHEMA_VERSION)
        throw new Error(
            `The sync store file has schema version ${current}, newer than this connector's ${SCHEMA_VERSION}; ` +
                'use a newer connector or delete the file (it is a cache and is rebuilt).'
        )
    for (let version = current; version < SCHEMA_VERSION; version++) {
        db.transaction(() => {
            db.exec(MIGRATIONS[version] ?? '')
            db.pragma(`user_version = ${version + 1}`)
        })()
    }
}

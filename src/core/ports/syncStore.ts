/**
 * The local store (DESIGN §7): a cache and journal, Dexie in the browser and a durable
 * transactional store in Node, behind this one port and one contract test. Losing it is harmless:
 * deterministic UIDs make a rerun update, never duplicate; the ledger is rebuilt from a full read.
 * Every method is atomic: a batch written here is either fully there or not at all.
 */

/** What one OpenSRP record became in DHIS2. */
export interface SyncedRecord {
    /** `client:<baseEntityId>` or `event:<formSubmissionId or _id>`. */
    key: string
    /** DHIS2 UID of what it became (tracked entity for a client, event for a vaccination). */
    uid: string
    /** Hash of the payload last sent; equal hash = unchanged = not sent again. */
    hash: string
    status: 'synced' | 'failed' | 'deleted' | 'skipped'
    serverVersion: number
    /** DHIS2 org unit, for facility-level filtering of errors and retries. */
    orgUnit?: string
    lastError?: { code: string; message: string }
    /** Failed attempts since the last success. */
    attempts: number
    /** Epoch ms before which a failed record is not retried (backoff). */
    nextAttemptAt?: number
    updatedAt: number
}

/** One counted event in the aggregate ledger (DESIGN §3.3). */
export interface LedgerRow {
    /**
     * What is counted once: a dose key `dose:<baseEntityId>:<antigen>:<dose>`, a registration
     * `reg:<baseEntityId>`, … Two events with the same countKey count once.
     */
    countKey: string
    /** The event that holds the count (`<formSubmissionId or _id>`): its edit moves it, its void removes it. */
    eventKey: string
    /** `dataSet|orgUnit|period|dataElement|categoryOptionCombo|attributeOptionCombo` */
    cell: string
    /** serverVersion of the event, so a later, older re-read never overrides a newer one. */
    serverVersion: number
}

export interface CellState {
    cell: string
    /** Rows counted in this cell now. */
    count: number
    /** Value DHIS2 last confirmed for this cell; undefined = never posted. */
    posted?: number
}

/**
 * Every implementation passes test/contracts/syncStore.contract.ts. Rules common to all methods:
 * - Atomic: a method that rejects has written nothing. Malformed input (an empty key, countKey or
 *   eventKey, a status outside the union, a cell that is not six non-empty `|`-separated parts,
 *   a non-integer serverVersion, attempts, count or posted, a non-finite time) rejects.
 * - Values are copied in and out: mutating what was passed or returned changes nothing stored.
 * - Lookups by key answer a Map holding only the keys found; duplicates in the input are fine.
 * - After `close()` every method rejects.
 */
export interface SyncStore {
    /** Records found for these keys, by key. */
    getRecords(keys: string[]): Promise<Map<string, SyncedRecord>>
    /** Upserts by key (the last one wins when a key repeats). */
    putRecords(records: SyncedRecord[]): Promise<void>
    /**
     * Failed records due for a retry at `now` (nextAttemptAt unset or <= now), oldest updatedAt
     * first (ties by key), at most `limit`.
     */
    dueRetries(now: number, limit: number): Promise<SyncedRecord[]>
    /** Every failed record (the retry queue), due or not, in dueRetries' order, paged. */
    listFailed(offset: number, limit: number): Promise<SyncedRecord[]>

    /** Ledger rows of these events, by eventKey, each event's rows ordered by countKey. */
    ledgerRowsForEvents(eventKeys: string[]): Promise<Map<string, LedgerRow[]>>
    /** Ledger rows holding these count keys, by countKey. */
    ledgerRowsForCountKeys(countKeys: string[]): Promise<Map<string, LedgerRow>>
    /**
     * In one transaction: removes `remove` (by countKey; unknown keys are ignored), then upserts
     * `put` (by countKey, in order), and adjusts the count of every cell touched: a removed row
     * takes one from its cell, a new row adds one to its cell, a row put again under the same
     * countKey moves from its old cell to its new one. The store never compares serverVersion:
     * deciding which event holds a countKey is the caller's job.
     */
    applyLedgerChanges(changes: { remove: string[]; put: LedgerRow[] }): Promise<void>
    /**
     * Cells of one data set (cell strings starting with `${dataSet}|`) whose count differs from
     * what was posted, a never-posted cell counting as posted 0: count 3 posted undefined is
     * dirty, count 0 posted undefined is not, count 0 posted 4 is (so the zero gets posted).
     * Ordered by cell string, starting after `afterCell` (exclusive), at most `limit`.
     */
    dirtyCells(dataSet: string, afterCell: string | undefined, limit: number): Promise<CellState[]>
    /**
     * Records what DHIS2 confirmed for these cells (count unchanged). A cell the ledger does not
     * know yet is kept with count 0, so a non-zero value posted there stays dirty until zeroed.
     */
    markPosted(cells: Array<{ cell: string; posted: number }>): Promise<void>
    /**
     * Removes every ledger row and cell (before a rebuild from a full read). With `keepPosted`,
     * cells keep what DHIS2 last confirmed and restart at count 0, so a cell the rebuild no
     * longer fills is posted as zero instead of leaving a stale value in DHIS2.
     */
    clearLedger(options?: { keepPosted?: boolean }): Promise<void>

    /**
     * Small JSON values: the ledger's stamp, the store's salt check … Stored as JSON, so a value
     * reads back as JSON.parse(JSON.stringify(value)); putting undefined removes the key.
     */
    getMeta(key: string): Promise<unknown | undefined>
    putMeta(key: string, value: unknown): Promise<void>

    /** Removes everything (the user's "forget what this browser knows"). */
    clear(): Promise<void>
    close(): Promise<void>
}

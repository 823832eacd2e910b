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

export interface SyncStore {
    getRecords(keys: string[]): Promise<Map<string, SyncedRecord>>
    putRecords(records: SyncedRecord[]): Promise<void>
    /** Failed records due for a retry at `now`, oldest first. */
    dueRetries(now: number, limit: number): Promise<SyncedRecord[]>
    /** Every failed record (the retry queue), oldest first, paged. */
    listFailed(offset: number, limit: number): Promise<SyncedRecord[]>

    /** Ledger rows of these events, by eventKey. */
    ledgerRowsForEvents(eventKeys: string[]): Promise<Map<string, LedgerRow[]>>
    /** Ledger rows holding these count keys, by countKey. */
    ledgerRowsForCountKeys(countKeys: string[]): Promise<Map<string, LedgerRow>>
    /**
     * In one transaction: removes `remove` (by countKey), then upserts `put` (by countKey), and
     * adjusts the counts of every cell touched.
     */
    applyLedgerChanges(changes: { remove: string[]; put: LedgerRow[] }): Promise<void>
    /** Cells whose count differs from what was posted (or never posted), for one data set, paged by cell. */
    dirtyCells(dataSet: string, afterCell: string | undefined, limit: number): Promise<CellState[]>
    /** Records what DHIS2 confirmed for these cells. */
    markPosted(cells: Array<{ cell: string; posted: number }>): Promise<void>
    /** Removes every ledger row and cell (before a rebuild from a full read). */
    clearLedger(): Promise<void>

    /** Small JSON values: the ledger's stamp, the store's salt check … */
    getMeta(key: string): Promise<unknown | undefined>
    putMeta(key: string, value: unknown): Promise<void>

    /** Removes everything (the user's "forget what this browser knows"). */
    clear(): Promise<void>
    close(): Promise<void>
}

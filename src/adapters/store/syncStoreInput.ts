import type { LedgerRow, SyncedRecord } from '../../core/ports/syncStore'

/**
 * The input rules every SyncStore applies (see the port), shared so the Dexie store, the SQLite
 * store and the in-memory fake reject exactly the same things.
 */
export class InvalidSyncStoreInput extends Error {
    constructor(message: string) {
        super(message)
        this.name = 'InvalidSyncStoreInput'
    }
}

const STATUSES: ReadonlySet<string> = new Set(['synced', 'failed', 'deleted', 'skipped'])
/**
 * Anything but `|`, control characters and UTF-16 surrogates. Without surrogates, JavaScript's and
 * IndexedDB's code-unit order is SQLite's UTF-8 byte order, so every store pages cells alike.
 */
function isCellPart(part: string): boolean {
    if (part.length === 0) return false
    for (let i = 0; i < part.length; i++) {
        const code = part.charCodeAt(i)
        if (code < 0x20 || code === 0x7c || (code >= 0xd800 && code <= 0xdfff)) return false
    }
    return true
}

function fail(message: string): never {
    throw new InvalidSyncStoreInput(message)
}

export function checkKey(what: string, value: string): void {
    if (typeof value !== 'string' || value.length === 0) fail(`${what} must be a non-empty string`)
}

function checkInteger(what: string, value: number, min = Number.MIN_SAFE_INTEGER): void {
    if (!Number.isSafeInteger(value) || value < min) fail(`${what} must be an integer >= ${min}`)
}

function checkTime(what: string, value: number): void {
    if (typeof value !== 'number' || !Number.isFinite(value))
        fail(`${what} must be a finite number`)
}

export function checkRecord(record: SyncedRecord): void {
    checkKey('record key', record.key)
    const where = `record ${record.key}`
    if (typeof record.uid !== 'string') fail(`${where}: uid must be a string`)
    if (typeof record.hash !== 'string') fail(`${where}: hash must be a string`)
    if (!STATUSES.has(record.status)) fail(`${where}: unknown status ${String(record.status)}`)
    checkInteger(`${where}: serverVersion`, record.serverVersion)
    checkInteger(`${where}: attempts`, record.attempts, 0)
    checkTime(`${where}: updatedAt`, record.updatedAt)
    if (record.nextAttemptAt !== undefined)
        checkTime(`${where}: nextAttemptAt`, record.nextAttemptAt)
    if (record.orgUnit !== undefined && typeof record.orgUnit !== 'string')
        fail(`${where}: orgUnit must be a string`)
    const error = record.lastError
    if (
        error !== undefined &&
        (typeof error.code !== 'string' || typeof error.message !== 'string')
    )
        fail(`${where}: lastError needs a code and a message`)
}

export function checkCell(cell: string): void {
    const parts = typeof cell === 'string' ? cell.split('|') : []
    if (parts.length !== 6 || !parts.every(isCellPart))
        fail(`cell ${String(cell)} is not dataSet|orgUnit|period|dataElement|coc|aoc`)
}

export function checkLedgerRow(row: LedgerRow): void {
    checkKey('ledger countKey', row.countKey)
    checkKey(`ledger row ${row.countKey}: eventKey`, row.eventKey)
    checkCell(row.cell)
    checkInteger(`ledger row ${row.countKey}: serverVersion`, row.serverVersion)
}

export function checkPosted(entry: { cell: string; posted: number }): void {
    checkCell(entry.cell)
    checkInteger(`cell ${entry.cell}: posted`, entry.posted, 0)
}

export function checkPage(limit: number, offset = 0): void {
    checkInteger('limit', limit, 0)
    checkInteger('offset', offset, 0)
}

/** The half-open range [lower, upper) of cell strings that start with `${dataSet}|`. */
export function dataSetCellRange(dataSet: string): { lower: string; upper: string } {
    checkKey('dataSet', dataSet)
    if (dataSet.includes('|')) fail(`dataSet ${dataSet} must not contain |`)
    // '}' is the character right after '|', so it bounds every string with the prefix.
    return { lower: `${dataSet}|`, upper: `${dataSet}}` }
}

/** Meta values are stored as JSON text; undefined means "remove". */
export function metaToJson(key: string, value: unknown): string | undefined {
    checkKey('meta key', key)
    if (value === undefined) return undefined
    const json = JSON.stringify(value)
    if (json === undefined) fail(`meta ${key}: value is not JSON`)
    return json
}

/** A cell is dirty when its count differs from what DHIS2 holds, a never-posted cell holding 0. */
export function isDirty(count: number, posted: number | undefined): boolean {
    return count !== (posted ?? 0)
}

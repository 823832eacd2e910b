import { z } from 'zod'
import type { CellState, LedgerRow, SyncedRecord } from '../../core/ports/syncStore'

/** What SQLite hands back is unknown until parsed: the file may come from another version. */
const recordRow = z.object({
    key: z.string(),
    uid: z.string(),
    hash: z.string(),
    status: z.enum(['synced', 'failed', 'deleted', 'skipped']),
    server_version: z.number().int(),
    org_unit: z.string().nullable(),
    error_code: z.string().nullable(),
    error_message: z.string().nullable(),
    attempts: z.number().int(),
    next_attempt_at: z.number().nullable(),
    updated_at: z.number(),
})

const ledgerRow = z.object({
    count_key: z.string(),
    event_key: z.string(),
    cell: z.string(),
    server_version: z.number().int(),
})

const cellRow = z.object({
    cell: z.string(),
    count: z.number().int(),
    posted: z.number().int().nullable(),
})

export const RECORD_COLUMNS =
    'key, uid, hash, status, server_version, org_unit, error_code, error_message, attempts, next_attempt_at, updated_at'

export function recordFromRow(raw: unknown): SyncedRecord {
    const row = recordRow.parse(raw)
    return {
        key: row.key,
        uid: row.uid,
        hash: row.hash,
        status: row.status,
        serverVersion: row.server_version,
        ...(row.org_unit !== null && { orgUnit: row.org_unit }),
        ...(row.error_code !== null && {
            lastError: { code: row.error_code, message: row.error_message ?? '' },
        }),
        attempts: row.attempts,
        ...(row.next_attempt_at !== null && { nextAttemptAt: row.next_attempt_at }),
        updatedAt: row.updated_at,
    }
}

/** The bind parameters of RECORD_COLUMNS, in order. */
export function recordToParams(record: SyncedRecord): Array<string | number | null> {
    return [
        record.key,
        record.uid,
        record.hash,
        record.status,
        record.serverVersion,
        record.orgUnit ?? null,
        record.lastError?.code ?? null,
        record.lastError?.message ?? null,
        record.attempts,
        record.nextAttemptAt ?? null,
        record.updatedAt,
    ]
}

export function ledgerRowFromRow(raw: unknown): LedgerRow {
    const row = ledgerRow.parse(raw)
    return {
        countKey: row.count_key,
        eventKey: row.event_key,
        cell: row.cell,
        serverVersion: row.server_version,
    }
}

export function cellFromRow(raw: unknown): CellState {
    const row = cellRow.parse(raw)
    return {
        cell: row.cell,
        count: row.count,
        ...(row.posted !== null && { posted: row.posted }),
    }
}

import type { CellState, LedgerRow, SyncedRecord } from '../../core/ports/syncStore'

/** Only the port's fields, and no `undefined` ones, so what is stored reads back as it was put. */
export function copyRecord(record: SyncedRecord): SyncedRecord {
    return {
        key: record.key,
        uid: record.uid,
        hash: record.hash,
        status: record.status,
        serverVersion: record.serverVersion,
        ...(record.orgUnit !== undefined && { orgUnit: record.orgUnit }),
        ...(record.lastError !== undefined && {
            lastError: { code: record.lastError.code, message: record.lastError.message },
        }),
        attempts: record.attempts,
        ...(record.nextAttemptAt !== undefined && { nextAttemptAt: record.nextAttemptAt }),
        updatedAt: record.updatedAt,
    }
}

export function copyLedgerRow(row: LedgerRow): LedgerRow {
    return {
        countKey: row.countKey,
        eventKey: row.eventKey,
        cell: row.cell,
        serverVersion: row.serverVersion,
    }
}

export function copyCellState(state: CellState): CellState {
    return {
        cell: state.cell,
        count: state.count,
        ...(state.posted !== undefined && { posted: state.posted }),
    }
}

/** Builders and readers the SyncStore contract's parts share. */
import type { SyncedRecord, SyncStore } from '../../../src/core/ports/syncStore'

export const cellOf = (dataSet: string, orgUnit = 'OU1', period = '202401', de = 'DE1') =>
    `${dataSet}|${orgUnit}|${period}|${de}|COC1|AOC1`

export const ledgerRow = (countKey: string, eventKey: string, cell: string, serverVersion = 1) => ({
    countKey,
    eventKey,
    cell,
    serverVersion,
})

export const syncedRecord = (key: string, overrides: Partial<SyncedRecord> = {}): SyncedRecord => ({
    key,
    uid: `uid-${key}`,
    hash: `hash-${key}`,
    status: 'synced',
    serverVersion: 1,
    attempts: 0,
    updatedAt: 1000,
    ...overrides,
})

export const failedRecord = (key: string, updatedAt: number, nextAttemptAt?: number) =>
    syncedRecord(key, {
        status: 'failed',
        updatedAt,
        attempts: 1,
        lastError: { code: 'E1000', message: 'no access' },
        ...(nextAttemptAt !== undefined && { nextAttemptAt }),
    })

export const keysOf = (records: Array<{ key: string }>) => records.map((r) => r.key)

/** Every dirty cell of a data set, read page by page as the aggregate builder does. */
export async function allDirtyCells(store: SyncStore, dataSet: string, pageSize: number) {
    const cells = []
    let after: string | undefined
    for (;;) {
        const page = await store.dirtyCells(dataSet, after, pageSize)
        cells.push(...page)
        if (page.length < pageSize) return cells
        after = page[page.length - 1]?.cell
    }
}

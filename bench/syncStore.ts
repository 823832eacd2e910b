/**
 * Benchmark: one million records and one million ledger rows into the SQLite sync store.
 *
 *   npx tsx bench/syncStore.ts [--records 1000000] [--rows 1000000] [--batch 5000]
 *   (add --expose-gc before the file name for peak heaps measured from a collected start)
 *
 * The baseline, measured in the same run on a file with the same schema and pragmas, is the least
 * any store must do: raw better-sqlite3 INSERTs of the same rows, one transaction per batch, with
 * no input checks and no cell counts. The store adds the checks, the upserts and, for the ledger,
 * reading each row's old cell and moving cell counts. The report gives rows per second for both,
 * per CPU second (steadier than wall time on a shared machine), their ratios and each one's peak
 * heap; then a pass that moves a tenth of the rows and a full paged read of the dirty cells.
 */
import Database from 'better-sqlite3'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'fs'
import { tmpdir } from 'os'
import path from 'path'
import { migrate } from '../src/adapters/store/sqliteSchema'
import { recordToParams } from '../src/adapters/store/sqliteRows'
import { openSqliteSyncStore } from '../src/adapters/store/sqliteSyncStore'
import type { LedgerRow, SyncedRecord } from '../src/core/ports/syncStore'

const arg = (name: string, fallback: number) => {
    const index = process.argv.indexOf(`--${name}`)
    const value = index >= 0 ? Number(process.argv[index + 1]) : NaN
    return Number.isFinite(value) ? value : fallback
}

const RECORDS = arg('records', 1_000_000)
const ROWS = arg('rows', 1_000_000)
const BATCH = arg('batch', 5000)
const DATA_SET = 'BfMAe6Itzgt'

const record = (i: number): SyncedRecord => ({
    key: `event:${i.toString(36).padStart(8, '0')}`,
    uid: `U${i.toString(36).padStart(10, '0')}`,
    hash: (i * 2654435761).toString(16).padStart(32, '0'),
    status: i % 50 === 0 ? 'failed' : 'synced',
    serverVersion: 1_700_000_000_000 + i,
    orgUnit: `OU${(i % 2000).toString().padStart(9, '0')}`,
    ...(i % 50 === 0 && { lastError: { code: 'E1000', message: 'no access' }, attempts: 1 }),
    attempts: i % 50 === 0 ? 1 : 0,
    updatedAt: 1_700_000_000_000 + i,
})

/** 500 facilities × 24 months × 20 data elements: 240k cells for a million rows. */
const ledgerRow = (i: number, shift = 0): LedgerRow => ({
    countKey: `dose:${Math.floor(i / 4)}:${['bcg', 'opv', 'penta', 'mr'][i % 4]}:${i % 3}`,
    eventKey: `E${i.toString(36).padStart(10, '0')}`,
    cell: [
        DATA_SET,
        `OU${((Math.floor(i / 24) + shift) % 500).toString().padStart(9, '0')}`,
        `${2023 + Math.floor((i % 24) / 12)}${String((i % 12) + 1).padStart(2, '0')}`,
        `DE${(Math.floor(i / 12_000) % 20).toString().padStart(9, '0')}`,
        'HllvX50cXC0',
        'HllvX50cXC0',
    ].join('|'),
    serverVersion: 1_700_000_000_000 + i,
})

function* batches<T>(total: number, make: (i: number) => T, step = 1): Generator<T[]> {
    for (let start = 0; start < total; start += BATCH) {
        const batch: T[] = []
        for (let i = start; i < Math.min(total, start + BATCH); i++) batch.push(make(i * step))
        yield batch
    }
}

interface Measurement {
    rows: number
    seconds: number
    rowsPerSecond: number
    /** The process's CPU time: steadier than wall time on a machine other work shares. */
    cpuSeconds: number
    rowsPerCpuSecond: number
    peakHeapMb: number
}

async function measure(run: (onRows: (n: number) => void) => Promise<void>): Promise<Measurement> {
    global.gc?.()
    let peak = process.memoryUsage().heapUsed
    const sample = () => (peak = Math.max(peak, process.memoryUsage().heapUsed))
    const sampler = setInterval(sample, 20)
    let rows = 0
    const cpu = process.cpuUsage()
    const started = process.hrtime.bigint()
    await run((n) => {
        rows += n
        sample()
    })
    const seconds = Number(process.hrtime.bigint() - started) / 1e9
    const used = process.cpuUsage(cpu)
    const cpuSeconds = (used.user + used.system) / 1e6
    clearInterval(sampler)
    return {
        rows,
        seconds: Math.round(seconds * 100) / 100,
        rowsPerSecond: Math.round(rows / seconds),
        cpuSeconds: Math.round(cpuSeconds * 100) / 100,
        rowsPerCpuSecond: Math.round(rows / cpuSeconds),
        peakHeapMb: Math.round((peak / 1024 / 1024) * 10) / 10,
    }
}

function openRaw(file: string) {
    const db = new Database(file)
    db.pragma('journal_mode = WAL')
    db.pragma('synchronous = NORMAL')
    migrate(db)
    return db
}

async function rawRecords(file: string, onRows: (n: number) => void, total = RECORDS) {
    const db = openRaw(file)
    const insert = db.prepare('INSERT INTO records VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)')
    const write = db.transaction((batch: SyncedRecord[]) => {
        for (const r of batch) insert.run(recordToParams(r))
    })
    for (const batch of batches(total, record)) {
        write(batch)
        onRows(batch.length)
        await new Promise((resolve) => setImmediate(resolve))
    }
    db.close()
}

async function rawLedger(file: string, onRows: (n: number) => void) {
    const db = openRaw(file)
    const insert = db.prepare('INSERT INTO ledger_rows VALUES (?, ?, ?, ?)')
    const write = db.transaction((batch: LedgerRow[]) => {
        for (const r of batch) insert.run(r.countKey, r.eventKey, r.cell, r.serverVersion)
    })
    for (const batch of batches(ROWS, ledgerRow)) {
        write(batch)
        onRows(batch.length)
        await new Promise((resolve) => setImmediate(resolve))
    }
    db.close()
}

async function main() {
    const dir = mkdtempSync(path.join(tmpdir(), 'bench-sync-store-'))
    try {
        // A small untimed round first, so neither side pays for JIT warm-up and a cold disk.
        await rawRecords(path.join(dir, 'warm.sqlite'), () => undefined, 20_000)
        const warm = await openSqliteSyncStore(path.join(dir, 'warm-store.sqlite'))
        for (const batch of batches(20_000, record)) await warm.putRecords(batch)
        for (const batch of batches(20_000, ledgerRow))
            await warm.applyLedgerChanges({ remove: [], put: batch })
        await warm.close()

        const baseline = {
            records: await measure((on) => rawRecords(path.join(dir, 'raw.sqlite'), on)),
            ledger: await measure((on) => rawLedger(path.join(dir, 'raw.sqlite'), on)),
        }
        const store = await openSqliteSyncStore(path.join(dir, 'store.sqlite'))
        const records = await measure(async (on) => {
            for (const batch of batches(RECORDS, record)) {
                await store.putRecords(batch)
                on(batch.length)
            }
        })
        const ledger = await measure(async (on) => {
            for (const batch of batches(ROWS, ledgerRow)) {
                await store.applyLedgerChanges({ remove: [], put: batch })
                on(batch.length)
            }
        })
        // Edits: every tenth row moves to the next facility (old cell −1, new cell +1).
        const moves = await measure(async (on) => {
            for (const batch of batches(Math.floor(ROWS / 10), (i) => ledgerRow(i, 1), 10)) {
                await store.applyLedgerChanges({ remove: [], put: batch })
                on(batch.length)
            }
        })
        let dirty = 0
        const dirtyRead = await measure(async (on) => {
            let after: string | undefined
            for (;;) {
                const page = await store.dirtyCells(DATA_SET, after, 1000)
                dirty += page.length
                on(page.length)
                if (page.length < 1000) return
                after = page[page.length - 1]?.cell
            }
        })
        const retries = await store.dueRetries(Number.MAX_SAFE_INTEGER, 10)
        await store.close()

        const ratio = (ours: Measurement, base: Measurement) => ({
            wall: Math.round((ours.rowsPerSecond / base.rowsPerSecond) * 100) / 100,
            cpu: Math.round((ours.rowsPerCpuSecond / base.rowsPerCpuSecond) * 100) / 100,
        })
        const report = {
            date: new Date().toISOString(),
            records: RECORDS,
            ledgerRows: ROWS,
            batch: BATCH,
            baseline,
            store: { records, ledger, moves, dirtyRead },
            throughputRatio: {
                records: ratio(records, baseline.records),
                ledger: ratio(ledger, baseline.ledger),
            },
            check: { dirtyCells: dirty, firstRetry: retries[0]?.key },
        }
        console.log(JSON.stringify(report, null, 2))
        const out = path.join(__dirname, 'results')
        mkdirSync(out, { recursive: true })
        writeFileSync(path.join(out, 'syncStore.json'), JSON.stringify(report, null, 2))
    } finally {
        rmSync(dir, { recursive: true, force: true })
    }
}

main().catch((error: unknown) => {
    console.error(error)
    process.exit(1)
})

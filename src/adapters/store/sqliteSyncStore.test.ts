/**
 * @jest-environment node
 */
import Database from 'better-sqlite3'
import { mkdtempSync, rmSync } from 'fs'
import { tmpdir } from 'os'
import path from 'path'
import {
    allDirtyCells,
    cellOf,
    ledgerRow,
    runSyncStoreContract,
    syncedRecord,
} from '../../../test/contracts/syncStore.contract'
import { openSqliteSyncStore } from './sqliteSyncStore'

let dir: string
let count = 0
const freshFile = () => path.join(dir, `store-${++count}.sqlite`)

beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'sqlite-sync-store-'))
})

afterAll(() => {
    rmSync(dir, { recursive: true, force: true })
})

runSyncStoreContract('SQLite (better-sqlite3)', () => openSqliteSyncStore(freshFile()))

describe('the SQLite sync store on disk', () => {
    it('keeps records, ledger and meta when the file is opened again', async () => {
        const file = freshFile()
        const first = await openSqliteSyncStore(file)
        await first.putRecords([syncedRecord('client:c1', { status: 'failed', updatedAt: 1 })])
        await first.applyLedgerChanges({ remove: [], put: [ledgerRow('a', 'e1', cellOf('DS1'))] })
        await first.markPosted([{ cell: cellOf('DS1', 'OU2'), posted: 3 }])
        await first.putMeta('ledgerStamp', { runId: 'r1' })
        await first.close()

        const again = await openSqliteSyncStore(file)

        expect(await again.listFailed(0, 10)).toEqual([
            syncedRecord('client:c1', { status: 'failed', updatedAt: 1 }),
        ])
        expect(await again.ledgerRowsForEvents(['e1'])).toEqual(
            new Map([['e1', [ledgerRow('a', 'e1', cellOf('DS1'))]]])
        )
        expect(await again.dirtyCells('DS1', undefined, 10)).toEqual([
            { cell: cellOf('DS1'), count: 1 },
            { cell: cellOf('DS1', 'OU2'), count: 0, posted: 3 },
        ])
        expect(await again.getMeta('ledgerStamp')).toEqual({ runId: 'r1' })
        await again.close()
    })

    it('writes in WAL mode', async () => {
        const file = freshFile()
        await (await openSqliteSyncStore(file)).close()
        const raw = new Database(file, { readonly: true })

        expect(raw.pragma('journal_mode', { simple: true })).toBe('wal')
        raw.close()
    })

    it('rolls a ledger change back when the database fails after some rows were written', async () => {
        const file = freshFile()
        const first = await openSqliteSyncStore(file)
        await first.applyLedgerChanges({ remove: [], put: [ledgerRow('a', 'e1', cellOf('DS1'))] })
        await first.close()
        // A failure only the database sees: rows are written, then the third cell's count fails.
        // The trigger is in the file before the store prepares its statements, so the test does
        // not hang on SQLite re-preparing a statement after a schema change mid-connection.
        const raw = new Database(file)
        raw.exec(`CREATE TRIGGER fail_ou3 BEFORE INSERT ON ledger_cells
            WHEN NEW.cell LIKE 'DS1|OU3|%' BEGIN SELECT RAISE(ABORT, 'disk trouble'); END`)
        raw.close()
        const store = await openSqliteSyncStore(file)

        await expect(
            store.applyLedgerChanges({
                remove: ['a'],
                put: ['OU1', 'OU2', 'OU3'].map((ou, i) =>
                    ledgerRow(`n${i}`, 'e2', cellOf('DS1', ou))
                ),
            })
        ).rejects.toThrow('disk trouble')

        expect([...(await store.ledgerRowsForCountKeys(['a', 'n0', 'n1', 'n2'])).keys()]).toEqual([
            'a',
        ])
        expect(await store.dirtyCells('DS1', undefined, 10)).toEqual([
            { cell: cellOf('DS1'), count: 1 },
        ])
        await store.close()
    })

    it('refuses a file written by a newer schema instead of guessing', async () => {
        const file = freshFile()
        const raw = new Database(file)
        raw.pragma('user_version = 99')
        raw.close()

        await expect(openSqliteSyncStore(file)).rejects.toThrow(/schema version 99/)
    })
})

describe('the SQLite sync store at scale', () => {
    const BATCH = 5000
    const cellFor = (i: number, shift = 0) =>
        cellOf(
            i % 2 ? 'DS2' : 'DS1',
            `OU${(i + shift) % 500}`,
            `2024${String((i % 12) + 1).padStart(2, '0')}`,
            `DE${i % 7}`
        )

    it('keeps 200k ledger rows, moved and removed in batches, counted right page by page', async () => {
        const store = await openSqliteSyncStore(freshFile())
        const rows = Array.from({ length: 200_000 }, (_, i) =>
            ledgerRow(`dose:${i}`, `e${Math.floor(i / 2)}`, cellFor(i))
        )
        for (let i = 0; i < rows.length; i += BATCH)
            await store.applyLedgerChanges({ remove: [], put: rows.slice(i, i + BATCH) })
        // An edit pass: every 10th row moves to another facility, every 13th is voided.
        const moved = rows
            .filter((_, i) => i % 10 === 0)
            .map((r, n) => ({ ...r, cell: cellFor(n * 10, 1) }))
        const voided = rows.filter((_, i) => i % 13 === 0 && i % 10 !== 0).map((r) => r.countKey)
        for (let i = 0; i < moved.length; i += BATCH)
            await store.applyLedgerChanges({
                remove: voided.slice(i, i + BATCH),
                put: moved.slice(i, i + BATCH),
            })
        const expected = new Map<string, number>()
        const gone = new Set(voided)
        const movedTo = new Map(moved.map((r) => [r.countKey, r.cell]))
        for (const row of rows) {
            if (gone.has(row.countKey) || !row.cell.startsWith('DS1|')) continue
            const cell = movedTo.get(row.countKey) ?? row.cell
            expected.set(cell, (expected.get(cell) ?? 0) + 1)
        }

        const listed = await allDirtyCells(store, 'DS1', 1000)

        expect(listed.length).toBe(expected.size)
        expect(listed.map((c) => c.cell)).toEqual([...expected.keys()].sort())
        expect(listed.every((c) => c.count === expected.get(c.cell))).toBe(true)

        await store.markPosted(listed.map((c) => ({ cell: c.cell, posted: c.count })))
        await store.applyLedgerChanges({ remove: ['dose:2', 'dose:4'], put: [] })
        expect(await allDirtyCells(store, 'DS1', 1000)).toEqual(
            [
                {
                    cell: cellFor(2),
                    count: (expected.get(cellFor(2)) ?? 0) - 1,
                    posted: expected.get(cellFor(2)),
                },
                {
                    cell: cellFor(4),
                    count: (expected.get(cellFor(4)) ?? 0) - 1,
                    posted: expected.get(cellFor(4)),
                },
            ].sort((a, b) => (a.cell < b.cell ? -1 : 1))
        )
        expect((await store.ledgerRowsForEvents(['e1000'])).get('e1000')?.length).toBe(2)
        await store.close()
    }, 180_000) // room for a busy machine; nothing here asserts how long it takes
})

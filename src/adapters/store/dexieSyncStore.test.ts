import fs from 'fs'
import path from 'path'
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb'
import {
    cellOf,
    ledgerRow,
    runSyncStoreContract,
    syncedRecord,
} from '../../../test/contracts/syncStore.contract'
import { WHOLE_COUNTRY_SCOPE_KEY } from '../../core/runs/scope'
import { dexieDatabaseNameFor } from './dexieDatabaseName'
import { DexieSyncStore, openDexieSyncStore } from './dexieSyncStore'

// A fresh IndexedDB per store: the contract expects every store to start empty.
runSyncStoreContract('Dexie (fake-indexeddb)', () =>
    openDexieSyncStore({ indexedDB: new IDBFactory(), IDBKeyRange })
)

describe('the Dexie sync store', () => {
    it("opens the database 'opensrp-connector' at schema version 1", async () => {
        const indexedDB = new IDBFactory()
        const store = await openDexieSyncStore({ indexedDB, IDBKeyRange })

        expect(store.database.name).toBe('opensrp-connector')
        expect(store.database.verno).toBe(1)
        await store.close()
    })

    it('keeps each run scope in a database of its own, the whole country in the original one', async () => {
        const indexedDB = new IDBFactory()
        const open = (scopeKey: string) =>
            openDexieSyncStore({
                indexedDB,
                IDBKeyRange,
                databaseName: dexieDatabaseNameFor(scopeKey),
            })
        const country = await open(WHOLE_COUNTRY_SCOPE_KEY)
        const district = await open('ou-O6uvpzGd5pu')
        await district.putMeta('ledgerStamp', { runId: 'district-run' })

        expect(country.database.name).toBe('opensrp-connector')
        expect(district.database.name).toBe('opensrp-connector.ou-O6uvpzGd5pu')
        expect(await country.getMeta('ledgerStamp')).toBeUndefined()
        await country.close()
        await district.close()
    })

    it('finds what an earlier session stored in the same browser', async () => {
        const indexedDB = new IDBFactory()
        const first = await openDexieSyncStore({ indexedDB, IDBKeyRange })
        await first.putRecords([syncedRecord('client:c1', { status: 'failed', updatedAt: 1 })])
        await first.applyLedgerChanges({ remove: [], put: [ledgerRow('a', 'e1', cellOf('DS1'))] })
        await first.putMeta('ledgerStamp', { runId: 'r1' })
        await first.close()

        const again = await openDexieSyncStore({ indexedDB, IDBKeyRange })

        expect((await again.listFailed(0, 10)).map((r) => r.key)).toEqual(['client:c1'])
        expect(await again.dirtyCells('DS1', undefined, 10)).toEqual([
            { cell: cellOf('DS1'), count: 1 },
        ])
        expect(await again.getMeta('ledgerStamp')).toEqual({ runId: 'r1' })
        await again.close()
    })

    it('rolls a ledger change back when IndexedDB fails after the rows were written', async () => {
        const store = await openDexieSyncStore({ indexedDB: new IDBFactory(), IDBKeyRange })
        await store.applyLedgerChanges({ remove: [], put: [ledgerRow('a', 'e1', cellOf('DS1'))] })
        // A failure past the port's checks: rows are put, then the third cell's write fails.
        store.database.table('ledgerCells').hook('creating', (_key, cell: { cell: string }) => {
            if (cell.cell.startsWith('DS1|OU3|')) throw new Error('disk trouble')
        })

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

    it('is a class the app can construct and open later', async () => {
        const store = new DexieSyncStore({ indexedDB: new IDBFactory(), IDBKeyRange })

        await store.putMeta('k', 1)

        expect(await store.getMeta('k')).toBe(1)
        await store.close()
    })
})

describe('the Dexie sync store in the browser bundle', () => {
    /** Every module the file reaches through relative imports, with its package imports. */
    function packagesReachedFrom(file: string, seen = new Set<string>()): Set<string> {
        const packages = new Set<string>()
        if (seen.has(file)) return packages
        seen.add(file)
        const source = fs.readFileSync(file, 'utf8')
        for (const [, spec = ''] of source.matchAll(/^import [^'"]*['"]([^'"]+)['"]/gm)) {
            if (!spec.startsWith('.')) packages.add(spec)
            else
                for (const found of packagesReachedFrom(
                    path.resolve(path.dirname(file), `${spec}.ts`),
                    seen
                ))
                    packages.add(found)
        }
        return packages
    }

    it('reaches only Dexie, never Node modules or the SQLite store', () => {
        const packages = packagesReachedFrom(path.join(__dirname, 'dexieSyncStore.ts'))

        expect([...packages]).toEqual(['dexie'])
    })
})

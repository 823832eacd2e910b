import type { SyncStore } from '../../src/core/ports/syncStore'
import { describeAtomicity } from './syncStore/atomicity'
import { describeDirtyCells } from './syncStore/dirtyCells'
import { describeLedgerRows } from './syncStore/ledgerRows'
import { describeMetaClearClose } from './syncStore/metaClearClose'
import { describeRecords } from './syncStore/records'

export { allDirtyCells, cellOf, ledgerRow, syncedRecord } from './syncStore/builders'

/**
 * The behaviour every SyncStore must have (the port's doc comments are the spec), run against the
 * in-memory fake, the Dexie store and the SQLite store, so none of them can drift.
 */
export function runSyncStoreContract(name: string, makeStore: () => Promise<SyncStore>) {
    describe(`SyncStore contract: ${name}`, () => {
        let store: SyncStore

        beforeEach(async () => {
            store = await makeStore()
        })

        afterEach(async () => {
            await store.close()
        })

        const subject = () => store
        describeRecords(subject)
        describeLedgerRows(subject)
        describeDirtyCells(subject)
        describeAtomicity(subject)
        describeMetaClearClose(subject)
    })
}

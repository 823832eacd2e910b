/** @jest-environment ./test/setup/nodeFetchEnvironment.js */
import { startDhis2Sandbox } from '../../sandbox/dhis2'
import { createDataStoreKeyValueStore } from '../../src/adapters/dhis2/dataStore'
import { httpStatusOf } from '../../src/adapters/dhis2/engineErrors'
import { engineFor } from './support/dhis2Engine'

describe.each([
    [38, 'admin'],
    [40, 'operator'],
    [41, 'admin'],
    [42, 'operator'],
    [43, 'admin'],
] as const)('the dataStore on DHIS2 2.%i (as %s)', (minor, who) => {
    it('reads, creates, replaces, lists and removes keys', async () => {
        const dhis2 = await startDhis2Sandbox({ minor })
        try {
            const { engine, version } = await engineFor(dhis2, who)
            expect(version.minor).toBe(minor)
            const store = createDataStoreKeyValueStore(engine, version)

            expect(await store.keys()).toEqual([])
            expect(await store.read('settings')).toBeUndefined()

            await store.write('settings', { version: 1, pageSize: 500 })
            await store.write('cursor.all.events', { high: 12, seen: [['e1', 12]] })
            expect(await store.read('settings')).toEqual({ version: 1, pageSize: 500 })

            await store.write('settings', { version: 1, pageSize: 100 })
            expect(await store.read('settings')).toEqual({ version: 1, pageSize: 100 })
            expect((await store.keys()).sort()).toEqual(['cursor.all.events', 'settings'])

            await store.remove('settings')
            await store.remove('settings')
            expect(await store.read('settings')).toBeUndefined()
            expect(await store.keys()).toEqual(['cursor.all.events'])

            await store.remove('cursor.all.events')
            expect(await store.keys()).toEqual([])
        } finally {
            await dhis2.close()
        }
    })

    it(`answers a PUT on a missing key as DHIS2 2.${minor} does, and the store writes it anyway`, async () => {
        const dhis2 = await startDhis2Sandbox({ minor })
        try {
            const { engine, version } = await engineFor(dhis2, who)
            const putMissing = await engine
                .mutate({
                    type: 'update',
                    resource: 'dataStore',
                    id: 'opensrp-connector/fresh',
                    data: { a: 1 },
                })
                .then(
                    () => 'created',
                    (error: unknown) => httpStatusOf(error)
                )
            expect(putMissing).toBe(minor >= 41 ? 'created' : 404)

            const store = createDataStoreKeyValueStore(engine, version)
            await store.write('fresh-2', { b: 2 })
            expect(await store.read('fresh-2')).toEqual({ b: 2 })
        } finally {
            await dhis2.close()
        }
    })
})

/** @jest-environment ./test/setup/nodeFetchEnvironment.js */
import type { ScriptedRequest, ScriptedResponse } from '../../../test/support/scriptedServer'
import { json, startScriptedServer } from '../../../test/support/scriptedServer'
import { createDataStoreKeyValueStore, DataStoreError } from './dataStore'
import { createNodeEngine } from './engine'

const message = (status: number, text: string) =>
    json(status, { httpStatus: 'x', httpStatusCode: status, status: 'ERROR', message: text })

async function storeAgainst(
    version: string,
    handler: (request: ScriptedRequest) => ScriptedResponse
) {
    const server = await startScriptedServer((request) =>
        request.url.pathname === '/api/system/info' ? json(200, { version }) : handler(request)
    )
    const { engine, version: parsed } = await createNodeEngine({
        baseUrl: server.url,
        auth: { type: 'basic', username: 'admin', password: 'district' },
    })
    const calls = () =>
        server.received
            .filter((r) => r.url.pathname !== '/api/system/info')
            .map((r) => `${r.method} ${r.url.pathname}`)
    return { store: createDataStoreKeyValueStore(engine, parsed), calls, close: server.close }
}

describe('the dataStore key-value store', () => {
    it('creates a missing key with POST where PUT answers 404 (2.38–2.40), and replaces it when another writer won the race', async () => {
        const { store, calls, close } = await storeAgainst('2.40.3', (request) => {
            if (request.method === 'PUT' && calls().filter((c) => c.startsWith('PUT')).length === 1)
                return message(404, "Key 'settings' not found in namespace 'opensrp-connector'")
            if (request.method === 'POST')
                return message(
                    409,
                    "Key 'settings' already exists in namespace 'opensrp-connector'"
                )
            return message(200, "Key updated: 'settings'")
        })
        try {
            await store.write('settings', { version: 1 })
            expect(calls()).toEqual([
                'PUT /api/40/dataStore/opensrp-connector/settings',
                'POST /api/40/dataStore/opensrp-connector/settings',
                'PUT /api/40/dataStore/opensrp-connector/settings',
            ])
        } finally {
            await close()
        }
    })

    it('relies on PUT creating missing keys from 2.41', async () => {
        const { store, calls, close } = await storeAgainst('2.41.0', () =>
            message(201, "Key created: 'cursor.all.events'")
        )
        try {
            await store.write('cursor.all.events', { high: 1, seen: [] })
            expect(calls()).toEqual(['PUT /api/41/dataStore/opensrp-connector/cursor.all.events'])
        } finally {
            await close()
        }
    })

    it('URL-encodes keys', async () => {
        const { store, calls, close } = await storeAgainst('2.42.1', () => json(200, { a: 1 }))
        try {
            await store.read('run report #1')
            expect(calls()).toEqual(['GET /api/42/dataStore/opensrp-connector/run%20report%20%231'])
        } finally {
            await close()
        }
    })

    it('says what to do when DHIS2 forbids the namespace', async () => {
        const { store, close } = await storeAgainst('2.42.1', () =>
            message(403, "Namespace 'opensrp-connector' is protected, access denied")
        )
        try {
            const error: unknown = await store.read('settings').catch((e: unknown) => e)
            expect(error).toBeInstanceOf(DataStoreError)
            expect(error).toMatchObject({
                code: 'forbidden',
                message:
                    "DHIS2 refused reading the setting 'settings' (403): Namespace 'opensrp-connector' is protected, access denied. The user needs the OpenSRP Connector app (or superuser rights) to use its settings.",
            })
        } finally {
            await close()
        }
    })

    it('counts server errors as temporary and refusals as permanent', async () => {
        const { store, close } = await storeAgainst('2.42.1', (request) =>
            request.method === 'GET' ? message(503, 'down') : message(400, 'Invalid JSON')
        )
        try {
            const down = await store.read('settings').catch((e: unknown) => e)
            const refused = await store.write('settings', { a: 1 }).catch((e: unknown) => e)
            expect(down).toMatchObject({ code: 'server-error', temporary: true })
            expect(refused).toMatchObject({ code: 'refused', temporary: false })
        } finally {
            await close()
        }
    })

    it('refuses values the data engine could not send', async () => {
        const { store, calls, close } = await storeAgainst('2.42.1', () => json(200, {}))
        try {
            await expect(store.write('flag', false)).rejects.toThrow(
                "The dataStore key 'flag' cannot hold false: store an object or an array"
            )
            expect(calls()).toEqual([])
        } finally {
            await close()
        }
    })
})

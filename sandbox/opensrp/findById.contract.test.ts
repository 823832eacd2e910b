/**
 * @jest-environment node
 */
import { loadRecords, startOpenSrpSandbox, type OpenSrpSandbox } from './index'
import { str, type JsonObject } from './json'
import { CHW, call, nullPaths, type SyncPage } from './testSupport'

// Pins the single-record reads of reference/opensrp-api.md §2.2 and §2.3: GET /rest/event/findById,
// /rest/event/{id}, /rest/client/findById and /rest/client/{id}.

let sandbox: OpenSrpSandbox
let event: JsonObject
let client: JsonObject

beforeAll(async () => {
    sandbox = await startOpenSrpSandbox({ children: 50 })
    const page = (
        await call(sandbox, '/rest/event/getAll?serverVersion=0&limit=5')
    ).json<SyncPage>()
    event = page.events[0] ?? {}
    client = page.clients[0] ?? {}
})
afterAll(() => sandbox.close())

describe('GET /rest/event/findById and /rest/event/{id}', () => {
    it('return the event by _id as a bare object, to an OPENMRS user without ALL_EVENTS', async () => {
        const id = str(event, '_id') ?? ''
        for (const path of [`/rest/event/findById?id=${id}`, `/rest/event/${id}`]) {
            const response = await call(sandbox, path, {}, CHW)
            expect(response.status).toBe(200)
            expect(response.header('content-type')).toMatch(/application\/json/)
            expect(response.json()).toEqual(event)
            expect(nullPaths(response.json())).toEqual([])
        }
    })

    it('answer 200 with a null body for an unknown or blank id', async () => {
        for (const path of [
            '/rest/event/findById?id=nope',
            '/rest/event/findById?id=',
            '/rest/event/nope',
        ]) {
            const response = await call(sandbox, path)
            expect(response.status).toBe(200)
            expect(response.text).toBe('null')
        }
    })

    it('requires the id parameter like a Spring @RequestParam (400 HTML)', async () => {
        const response = await call(sandbox, '/rest/event/findById')
        expect(response.status).toBe(400)
        expect(response.header('content-type')).toMatch(/text\/html/)
    })

    it('serve an uploaded event, and the replacement once a generated one was replaced', async () => {
        const replacement = { ...event, _rev: undefined, serverVersion: undefined, obs: [] }
        await loadRecords(sandbox, { events: [JSON.parse(JSON.stringify(replacement))] })
        const found = (await call(sandbox, `/rest/event/${str(event, '_id') ?? ''}`)).json()
        expect(found._id).toBe(event._id)
        expect(found.obs).toEqual([])
        expect(found.serverVersion).toBeGreaterThan(Number(event.serverVersion))
    })
})

describe('GET /rest/client/findById and /rest/client/{id}', () => {
    it('return the client by baseEntityId as a bare object, to an OPENMRS user', async () => {
        const id = str(client, 'baseEntityId') ?? ''
        for (const path of [`/rest/client/findById?id=${id}`, `/rest/client/${id}`]) {
            const response = await call(sandbox, path, {}, CHW)
            expect(response.status).toBe(200)
            expect(response.json()).toEqual(client)
            expect(nullPaths(response.json())).toEqual([])
        }
    })

    it('answer 200 with a null body for an unknown id, 400 without the id parameter', async () => {
        for (const path of ['/rest/client/findById?id=nope', '/rest/client/nope']) {
            const response = await call(sandbox, path)
            expect(response.status).toBe(200)
            expect(response.text).toBe('null')
        }
        expect((await call(sandbox, '/rest/client/findById')).status).toBe(400)
    })

    it('answer 401 without credentials', async () => {
        const response = await call(
            sandbox,
            `/rest/client/${str(client, 'baseEntityId') ?? ''}`,
            {},
            null
        )
        expect(response.status).toBe(401)
    })
})

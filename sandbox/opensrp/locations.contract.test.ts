/**
 * @jest-environment node
 */
import type { ServerContext } from './context'
import type { SandboxRequest } from './http'
import { startOpenSrpSandbox, type OpenSrpSandbox } from './index'
import type { JsonObject } from './json'
import type { SandboxLocation } from './locations'
import { locationRoutes } from './routes/locations'
import { CHW, call, nullPaths, postJson } from './testSupport'

// Pins /rest/location/* to reference/opensrp-api.md §2.4: plain arrays, PhysicalLocation shape.

let sandbox: OpenSrpSandbox
let all: JsonObject[]

beforeAll(async () => {
    sandbox = await startOpenSrpSandbox({ children: 0 })
    all = (await call(sandbox, '/rest/location/getAll?serverVersion=0&limit=1000')).json()
})
afterAll(() => sandbox.close())

const props = (l: JsonObject): JsonObject => l.properties as JsonObject
const level = (n: number): JsonObject[] => all.filter((l) => props(l).geographicLevel === n)
const ids = (list: JsonObject[]): string[] => list.map((l) => String(l.id))
const facility = (): JsonObject => level(6)[0] ?? {}
const get = (path: string) => call(sandbox, path)

describe('GET /rest/location/getAll', () => {
    it('returns a plain array of PhysicalLocations, parents first, without null keys', () => {
        expect(Array.isArray(all)).toBe(true)
        expect(all.length).toBeGreaterThan(5)
        const root = all[0] ?? {}
        expect(props(root)).not.toHaveProperty('parentId')
        const seen = new Set<string>()
        for (const location of all) {
            expect(location).toMatchObject({ type: 'Feature', properties: { status: 'Active' } })
            expect(typeof location.serverVersion).toBe('number')
            const parent = props(location).parentId
            if (parent !== undefined) expect(seen.has(String(parent))).toBe(true)
            seen.add(String(location.id))
        }
        expect(nullPaths(all)).toEqual([])
    })

    it('leaves geometry out unless return_geometry=true, and filters serverVersion with >=', async () => {
        expect(all.some((l) => 'geometry' in l)).toBe(false)
        const withGeometry = (
            await get('/rest/location/getAll?serverVersion=0&limit=1000&return_geometry=true')
        ).json<JsonObject[]>()
        expect(ids(withGeometry.filter((l) => 'geometry' in l))).toEqual(ids(level(6)))
        const pivot = all[3] ?? {}
        const from = (
            await get(`/rest/location/getAll?serverVersion=${String(pivot.serverVersion)}`)
        ).json<JsonObject[]>()
        expect(ids(from)).toEqual(ids(all.slice(3)))
    })

    it('accepts includeInactive and needs ALL_EVENTS (403 for chw)', async () => {
        const inactiveToo = await get(
            '/rest/location/getAll?serverVersion=0&limit=1000&includeInactive=true'
        )
        expect(inactiveToo.status).toBe(200)
        expect(ids(inactiveToo.json())).toEqual(ids(all))
        const chw = await call(sandbox, '/rest/location/getAll?serverVersion=0', {}, CHW)
        expect(chw.status).toBe(403)
        expect(chw.header('content-type')).toMatch(/text\/html/)
    })

    it('requires serverVersion (400 HTML)', async () => {
        const response = await get('/rest/location/getAll')
        expect(response.status).toBe(400)
        expect(response.header('content-type')).toMatch(/text\/html/)
    })
})

describe('GET /rest/location/{id}', () => {
    it('returns one PhysicalLocation with geometry by default, without when return_geometry=false', async () => {
        const id = String(facility().id)
        const response = await call(sandbox, `/rest/location/${id}`, {}, CHW)
        expect(response.status).toBe(200)
        const location = response.json()
        expect(location).toMatchObject({ type: 'Feature', id, geometry: { type: 'Point' } })
        expect(location.properties).toEqual(props(facility()))
        const bare = (await get(`/rest/location/${id}?return_geometry=false`)).json()
        expect(bare).not.toHaveProperty('geometry')
        expect(bare).toEqual(facility())
    })

    it('answers 200 with a null body for an unknown id', async () => {
        const response = await get('/rest/location/no-such-location')
        expect(response.status).toBe(200)
        expect(response.text).toBe('null')
    })

    it('answers 405 for other methods', async () => {
        const response = await postJson(sandbox, `/rest/location/${String(facility().id)}`, {})
        expect(response.status).toBe(405)
    })
})

describe('/rest/location/sync', () => {
    it('GET filters by serverVersion (>=), parent_id and location_names, as arrays without geometry', async () => {
        const union = level(5)[0] ?? {}
        const children = all.filter((l) => props(l).parentId === union.id)
        const byParent = await call(
            sandbox,
            `/rest/location/sync?serverVersion=0&parent_id=${String(union.id)}`,
            {},
            CHW
        )
        expect(byParent.status).toBe(200)
        expect(ids(byParent.json())).toEqual(ids(children))
        expect(byParent.json<JsonObject[]>().some((l) => 'geometry' in l)).toBe(false)

        const [a = {}, b = {}] = level(6)
        const names = `${String(props(a).name)},${String(props(b).name)}`
        const byName = await get(`/rest/location/sync?serverVersion=0&location_names=${names}`)
        expect(ids(byName.json())).toEqual(ids([a, b]))

        const above = await get(`/rest/location/sync?serverVersion=${String(b.serverVersion)}`)
        expect(ids(above.json())).toEqual(
            ids(all.filter((l) => Number(l.serverVersion) >= Number(b.serverVersion)))
        )
    })

    it('GET requires serverVersion (400) but reads an unparseable one as 0', async () => {
        expect((await get('/rest/location/sync')).status).toBe(400)
        const lenient = await get('/rest/location/sync?serverVersion=abc')
        expect(lenient.status).toBe(200)
        expect(ids(lenient.json())).toEqual(ids(all))
    })

    it('POST takes the same filters in a JSON body, as lists or comma strings', async () => {
        const union = level(5)[0] ?? {}
        const children = all.filter((l) => props(l).parentId === union.id)
        const asList = await postJson(sandbox, '/rest/location/sync', {
            serverVersion: 0,
            parent_id: [union.id],
        })
        expect(asList.status).toBe(200)
        expect(ids(asList.json())).toEqual(ids(children))
        const [a = {}] = level(6)
        const byName = await postJson(sandbox, '/rest/location/sync', {
            serverVersion: '0',
            location_names: String(props(a).name),
            return_geometry: true,
        })
        expect(byName.json()).toEqual([a].map((l) => ({ ...l, geometry: expect.anything() })))
        const bad = await call(sandbox, '/rest/location/sync', {
            method: 'POST',
            body: '{',
            headers: { 'Content-Type': 'application/json' },
        })
        expect(bad.status).toBe(400)
    })
})

describe('GET /rest/location/findByProperties', () => {
    it('matches every key:value of properties_filter (parentId:<id>,status:Active)', async () => {
        const union = level(5)[0] ?? {}
        const children = all.filter((l) => props(l).parentId === union.id)
        const response = await call(
            sandbox,
            `/rest/location/findByProperties?properties_filter=parentId:${String(union.id)},status:Active`,
            {},
            CHW
        )
        expect(response.status).toBe(200)
        expect(ids(response.json())).toEqual(ids(children))
        const none = await get(
            `/rest/location/findByProperties?properties_filter=parentId:${String(union.id)},status:Inactive`
        )
        expect(none.json()).toEqual([])
    })
})

describe('inactive locations', () => {
    // The generated hierarchy is all Active; the route is exercised on a context with one retired.
    const active = (id: string, parentId?: string): SandboxLocation => ({
        id,
        ...(parentId ? { parentId } : {}),
        name: id,
        level: parentId ? 2 : 1,
        status: 'Active',
        serverVersion: parentId ? 2 : 1,
        json: {
            type: 'Feature',
            id,
            properties: { status: 'Active', ...(parentId ? { parentId } : {}), name: id },
        },
    })
    const retired: SandboxLocation = {
        ...active('old', 'root'),
        status: 'Inactive',
        serverVersion: 3,
        json: { type: 'Feature', id: 'old', properties: { status: 'Inactive', parentId: 'root' } },
    }
    const context = {
        locations: [active('root'), active('kept', 'root'), retired],
    } as unknown as ServerContext
    const route = (path: string) => {
        const [pathname = '', search = ''] = path.split('?')
        const request: SandboxRequest = {
            method: 'GET',
            path: pathname,
            query: new URLSearchParams(search),
            headers: {},
            body: Buffer.alloc(0),
        }
        const reply = locationRoutes(request, context)
        return { status: reply?.status, json: JSON.parse(reply?.body ?? 'undefined') as unknown }
    }
    const idsOf = (json: unknown): string[] => (json as JsonObject[]).map((l) => String(l.id))

    it('hides them from {id} and getAll unless includeInactive=true', () => {
        expect(route('/rest/location/old').json).toBeNull()
        expect(route('/rest/location/old?includeInactive=true').json).toMatchObject({ id: 'old' })
        expect(idsOf(route('/rest/location/getAll?serverVersion=0').json)).toEqual(['root', 'kept'])
        expect(
            idsOf(route('/rest/location/getAll?serverVersion=0&includeInactive=true').json)
        ).toEqual(['root', 'kept', 'old'])
    })

    it('leaves them out of sync, and findByProperties finds them only by status:Inactive', () => {
        expect(idsOf(route('/rest/location/sync?serverVersion=0&parent_id=root').json)).toEqual([
            'kept',
        ])
        expect(
            idsOf(
                route(
                    '/rest/location/findByProperties?properties_filter=parentId:root,status:Inactive'
                ).json
            )
        ).toEqual(['old'])
    })
})

describe('the other PropertyStatus values', () => {
    const at = (id: string, status: SandboxLocation['status'], serverVersion: number) => ({
        id,
        name: id,
        level: 1,
        status,
        serverVersion,
        json: { type: 'Feature', id, properties: { status, name: id } },
    })
    const context = {
        locations: [
            at('a', 'Active', 1),
            at('p', 'Pending Review', 2),
            at('n', 'Not Eligible', 3),
            at('i', 'Inactive', 4),
        ],
    } as unknown as ServerContext
    const getAll = (search: string): string[] => {
        const reply = locationRoutes(
            {
                method: 'GET',
                path: '/rest/location/getAll',
                query: new URLSearchParams(search),
                headers: {},
                body: Buffer.alloc(0),
            },
            context
        )
        return (JSON.parse(reply?.body ?? '[]') as JsonObject[]).map((l) => String(l.id))
    }

    it('lists Pending Review with Active (status IN (ACTIVE, PENDING_REVIEW)), the rest on request', () => {
        expect(getAll('serverVersion=0')).toEqual(['a', 'p'])
        expect(getAll('serverVersion=0&includeInactive=true')).toEqual(['a', 'p', 'n', 'i'])
    })
})

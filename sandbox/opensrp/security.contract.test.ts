/**
 * @jest-environment node
 */
import { startOpenSrpSandbox, type OpenSrpSandbox } from './index'
import type { JsonObject } from './json'
import { ADMIN, CHW, call, nullPaths } from './testSupport'

// Pins /security/* to reference/opensrp-api.md §2.5: any authenticated user, no role needed.

let sandbox: OpenSrpSandbox
let facilities: JsonObject[]

beforeAll(async () => {
    sandbox = await startOpenSrpSandbox({ children: 0 })
    const all = (await call(sandbox, '/rest/location/getAll?serverVersion=0&limit=1000')).json<
        JsonObject[]
    >()
    facilities = all.filter((l) => (l.properties as JsonObject).geographicLevel === 6)
})
afterAll(() => sandbox.close())

interface TreeNode {
    id: string
    label: string
    parent?: string
    children?: Record<string, TreeNode>
}

interface Tree {
    map: Record<string, TreeNode>
    parentChildren: Record<string, string[]>
}

const treeOf = (body: JsonObject): Tree =>
    (body.locations as unknown as { locationsHierarchy: Tree }).locationsHierarchy

const leaves = (nodes: Record<string, TreeNode>): string[] =>
    Object.values(nodes).flatMap((n) => (n.children ? leaves(n.children) : [n.id]))

describe('GET /security/configuration', () => {
    it('returns serverDatetime as an ISO date-time', async () => {
        const response = await call(sandbox, '/security/configuration', {}, CHW)
        expect(response.status).toBe(200)
        const body = response.json()
        expect(Object.keys(body)).toEqual(['serverDatetime'])
        expect(Number.isNaN(Date.parse(String(body.serverDatetime)))).toBe(false)
    })

    it('works as a credential check: 401 without or with bad credentials', async () => {
        expect((await call(sandbox, '/security/configuration', {}, null)).status).toBe(401)
        const bad = `Basic ${Buffer.from('chw:wrong').toString('base64')}`
        expect((await call(sandbox, '/security/configuration', {}, bad)).status).toBe(401)
    })
})

describe('GET /security/authenticate', () => {
    it('returns user, team, locations, time and jurisdictions, without null keys', async () => {
        const response = await call(sandbox, '/security/authenticate', {}, ADMIN)
        expect(response.status).toBe(200)
        const body = response.json()
        expect(Object.keys(body).sort()).toEqual(
            ['jurisdictionIds', 'jurisdictions', 'locations', 'team', 'time', 'user'].sort()
        )
        expect(body.user).toMatchObject({
            username: 'opensrp-admin',
            roles: ['OPENMRS', 'ALL_EVENTS'],
        })
        const team = body.team as JsonObject
        expect(team).toMatchObject({ identifier: 'opensrp-admin' })
        expect(team.team).toMatchObject({ organizationIds: [1] })
        expect(Object.keys(team.team as JsonObject).sort()).toEqual(
            ['display', 'location', 'organizationIds', 'teamName', 'uuid'].sort()
        )
        expect(body.time).toMatchObject({ timeZone: 'Asia/Dhaka' })
        expect(Number.isNaN(Date.parse(String((body.time as JsonObject).time)))).toBe(false)
        expect(nullPaths(body)).toEqual([])
    })

    it("lists the team's locations as {uuid,name,display} and the tree down to them", async () => {
        const body = (await call(sandbox, '/security/authenticate', {}, ADMIN)).json()
        const team = body.team as JsonObject
        const locations = team.locations as JsonObject[]
        expect(locations.map((l) => l.uuid)).toEqual(facilities.map((f) => f.id))
        for (const location of locations) {
            expect(Object.keys(location).sort()).toEqual(['display', 'name', 'uuid'])
            expect(location.display).toBe(location.name)
        }
        expect((team.team as JsonObject).location).toEqual(locations[0])
        expect(body.jurisdictionIds).toEqual(locations.map((l) => l.uuid))
        expect(body.jurisdictions).toEqual(locations.map((l) => l.name))

        const { map, parentChildren } = treeOf(body)
        expect(Object.keys(map)).toHaveLength(1)
        expect(leaves(map).sort()).toEqual(locations.map((l) => String(l.uuid)).sort())
        const [root] = Object.values(map)
        expect(parentChildren[root?.id ?? '']).toEqual(Object.keys(root?.children ?? {}))
    })

    it('gives chw (OPENMRS only) the first EPI centre', async () => {
        const response = await call(sandbox, '/security/authenticate', {}, CHW)
        expect(response.status).toBe(200)
        const body = response.json()
        expect(body.user).toMatchObject({ username: 'chw', roles: ['OPENMRS'] })
        expect(body.jurisdictionIds).toEqual([facilities[0]?.id])
        expect(leaves(treeOf(body).map)).toEqual([facilities[0]?.id])
    })

    it('answers 405 for POST', async () => {
        const response = await call(sandbox, '/security/authenticate', { method: 'POST' })
        expect(response.status).toBe(405)
    })
})

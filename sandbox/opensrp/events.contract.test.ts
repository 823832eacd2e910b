/**
 * @jest-environment node
 */
import { startOpenSrpSandbox, type OpenSrpSandbox } from './index'
import { str, type JsonObject } from './json'
import { ADMIN, call, postJson, versions, type SyncPage } from './testSupport'

// Pins /rest/event/* and /rest/client/* to reference/opensrp-api.md §2.1–§2.3.

let sandbox: OpenSrpSandbox
let facilityIds: string[]
let unionId: string

beforeAll(async () => {
    sandbox = await startOpenSrpSandbox({ children: 300 })
    const locations = (await call(sandbox, '/rest/location/getAll?serverVersion=0&limit=100')).json<
        JsonObject[]
    >()
    const level = (l: JsonObject, n: number) => (l.properties as JsonObject).geographicLevel === n
    facilityIds = locations.filter((l) => level(l, 6)).map((l) => String(l.id))
    unionId = String(locations.find((l) => level(l, 5))?.id)
})
afterAll(() => sandbox.close())

const sync = (query: string) => call(sandbox, `/rest/event/sync?${query}`)

describe('GET /rest/event/sync', () => {
    it('answers 400 {"msg":"specify atleast one filter"} without a filter, blank filters included', async () => {
        for (const query of ['serverVersion=0', 'locationId=&serverVersion=0']) {
            const response = await sync(query)
            expect(response.status).toBe(400)
            expect(response.json()).toEqual({ msg: 'specify atleast one filter' })
        }
    })

    it('defaults to 25 events when limit is missing or 0', async () => {
        const first = facilityIds[0] ?? ''
        expect((await sync(`locationId=${first}`)).json<SyncPage>().events).toHaveLength(25)
        expect((await sync(`locationId=${first}&limit=0`)).json<SyncPage>().no_of_events).toBe(25)
    })

    it('returns events strictly above serverVersion, ascending', async () => {
        const first = facilityIds[0] ?? ''
        const page = (await sync(`locationId=${first}&limit=10`)).json<SyncPage>()
        const v = versions(page.events)
        expect([...v].sort((a, b) => a - b)).toEqual(v)
        const pivot = v[4] ?? 0
        const next = (
            await sync(`locationId=${first}&serverVersion=${pivot}&limit=5`)
        ).json<SyncPage>()
        expect(versions(next.events)).toEqual(v.slice(5, 10))
    })

    it('takes comma lists for locationId and matches exactly, with no descendants', async () => {
        const [a = '', b = ''] = facilityIds
        const both = (await sync(`locationId=${a},${b}&limit=200`)).json<SyncPage>()
        const locations = new Set(both.events.map((e) => str(e, 'locationId')))
        expect(locations).toEqual(new Set([a, b]))
        const union = (await sync(`locationId=${unionId}&limit=200`)).json<SyncPage>()
        expect(union.events).toHaveLength(0)
    })

    it('splits comma lists without trimming, for team and baseEntityId too (EventsRepositoryImpl)', async () => {
        const [a = '', b = ''] = facilityIds
        const onlyA = (await sync(`locationId=${a}&limit=100000`)).json<SyncPage>()
        // "a, b" asks for " b": a connector joining ids with ", " silently loses all but the first.
        const spaced = (
            await sync(`locationId=${a},${encodeURIComponent(` ${b}`)}&limit=100000`)
        ).json<SyncPage>()
        expect(versions(spaced.events)).toEqual(versions(onlyA.events))

        const first = (await sync(`locationId=${a}&limit=1`)).json<SyncPage>().events[0] ?? {}
        const second = (await sync(`locationId=${b}&limit=1`)).json<SyncPage>().events[0] ?? {}
        const teams = [str(first, 'team') ?? '', str(second, 'team') ?? '']
        const byTeams = (
            await sync(`team=${encodeURIComponent(teams.join(','))}&limit=100000`)
        ).json<SyncPage>()
        expect(new Set(byTeams.events.map((e) => str(e, 'team')))).toEqual(new Set(teams))

        const entities = [str(first, 'baseEntityId') ?? '', str(second, 'baseEntityId') ?? '']
        const counted = await postJson(sandbox, '/rest/event/sync', {
            baseEntityId: `${entities.join(',')},`,
            limit: 1000,
            return_count: true,
        })
        const page = counted.json<SyncPage>()
        expect(new Set(page.events.map((e) => str(e, 'baseEntityId')))).toEqual(new Set(entities))
        expect(page.total_records).toBe(page.events.length)
    })

    it('lists exactly the distinct clients the page events reference', async () => {
        const page = (await sync(`locationId=${facilityIds.join(',')}&limit=60`)).json<SyncPage>()
        const referenced = [...new Set(page.events.map((e) => str(e, 'baseEntityId')))]
        expect(page.clients.map((c) => str(c, 'baseEntityId'))).toEqual(referenced)
        expect(page.no_of_events).toBe(page.events.length)
        expect(page).not.toHaveProperty('total_records')
        expect(page).not.toHaveProperty('msg')
    })

    it('filters by providerId, teamId and baseEntityId', async () => {
        const page = (await sync(`locationId=${facilityIds[1] ?? ''}&limit=5`)).json<SyncPage>()
        const sample = page.events[0] ?? {}
        const byProvider = (
            await sync(`providerId=${str(sample, 'providerId')}&limit=50`)
        ).json<SyncPage>()
        expect(byProvider.events.every((e) => e.providerId === sample.providerId)).toBe(true)
        const byTeam = (
            await sync(`teamId=${str(sample, 'teamId')},nope&limit=50`)
        ).json<SyncPage>()
        expect(byTeam.events.length).toBeGreaterThan(0)
        expect(byTeam.events.every((e) => e.teamId === sample.teamId)).toBe(true)
        const byEntity = (
            await sync(`baseEntityId=${str(sample, 'baseEntityId')}&limit=100`)
        ).json<SyncPage>()
        expect(byEntity.events.length).toBeGreaterThan(0)
        expect(byEntity.events.every((e) => e.baseEntityId === sample.baseEntityId)).toBe(true)
    })

    it('ignores return_count on GET but counts on POST, in the body and the total_records header', async () => {
        const first = facilityIds[0] ?? ''
        const get = await sync(`locationId=${first}&return_count=true`)
        expect(get.json()).not.toHaveProperty('total_records')
        expect(get.header('total_records')).toBeUndefined()

        const all = (await sync(`locationId=${first}&limit=100000`)).json<SyncPage>()
        const cursor = versions(all.events)[9] ?? 0
        const post = await postJson(sandbox, '/rest/event/sync', {
            locationId: first,
            serverVersion: String(cursor),
            limit: 5,
            return_count: true,
        })
        expect(post.status).toBe(200)
        const body = post.json<SyncPage>()
        expect(versions(body.events)).toEqual(versions(all.events).slice(10, 15))
        expect(body.total_records).toBe(all.events.length - 10)
        expect(post.header('total_records')).toBe(String(all.events.length - 10))
    })

    it('answers POST without a filter with the same 400 body', async () => {
        const response = await postJson(sandbox, '/rest/event/sync', { serverVersion: '0' })
        expect(response.status).toBe(400)
        expect(response.json()).toEqual({ msg: 'specify atleast one filter' })
    })

    it('answers 500 {"msg":"Error occurred"} for a serverVersion that is not a long', async () => {
        const response = await sync(`locationId=${facilityIds[0] ?? ''}&serverVersion=abc`)
        expect(response.status).toBe(500)
        expect(response.json()).toEqual({ msg: 'Error occurred' })
    })
})

describe('GET /rest/event/getAll and countAll', () => {
    it('treats serverVersion 0 as >= 0 and anything else as strictly greater', async () => {
        const zero = (
            await call(sandbox, '/rest/event/getAll?serverVersion=0&limit=3')
        ).json<SyncPage>()
        const first = versions(zero.events)[0] ?? 0
        const strict = (
            await call(sandbox, `/rest/event/getAll?serverVersion=${first}&limit=2`)
        ).json<SyncPage>()
        expect(versions(strict.events)).toEqual(versions(zero.events).slice(1, 3))
        expect(zero.clients.length).toBeGreaterThan(0)
    })

    it('defaults to 25, filters eventType exactly and counts consistently', async () => {
        const page = (await call(sandbox, '/rest/event/getAll?serverVersion=0')).json<SyncPage>()
        expect(page.events).toHaveLength(25)
        const births = (
            await call(
                sandbox,
                '/rest/event/getAll?serverVersion=0&eventType=Birth%20Registration&limit=100000'
            )
        ).json<SyncPage>()
        expect(births.events.every((e) => e.eventType === 'Birth Registration')).toBe(true)
        const count = (
            await call(
                sandbox,
                '/rest/event/countAll?serverVersion=0&eventType=Birth%20Registration'
            )
        ).json()
        expect(count).toEqual({ count: births.events.length })
        const partial = (
            await call(sandbox, '/rest/event/getAll?serverVersion=0&eventType=birth%20registration')
        ).json<SyncPage>()
        expect(partial.events).toHaveLength(0)
        const all = (
            await call(sandbox, '/rest/event/getAll?serverVersion=0&limit=100000')
        ).json<SyncPage>()
        expect((await call(sandbox, '/rest/event/countAll?serverVersion=0')).json()).toEqual({
            count: all.events.length,
        })
    })

    it('requires serverVersion like a Spring @RequestParam long (400, HTML)', async () => {
        const response = await call(sandbox, '/rest/event/getAll')
        expect(response.status).toBe(400)
        expect(response.header('content-type')).toMatch(/text\/html/)
    })
})

describe('GET /rest/client/getAll, countAll, search', () => {
    it('uses >= (no +1), ascending, as a plain array with default limit 25', async () => {
        const page = (await call(sandbox, '/rest/client/getAll?serverVersion=0')).json<
            JsonObject[]
        >()
        expect(Array.isArray(page)).toBe(true)
        expect(page).toHaveLength(25)
        const v = versions(page)
        expect([...v].sort((a, b) => a - b)).toEqual(v)
        const again = (
            await call(sandbox, `/rest/client/getAll?serverVersion=${v[3] ?? 0}&limit=2`)
        ).json<JsonObject[]>()
        expect(versions(again)).toEqual(v.slice(3, 5))
        const count = (
            await call(sandbox, `/rest/client/countAll?serverVersion=${v[3] ?? 0}`)
        ).json<{ count: number }>()
        const rest = (
            await call(sandbox, `/rest/client/getAll?serverVersion=${v[3] ?? 0}&limit=100000`)
        ).json<JsonObject[]>()
        expect(count.count).toBe(rest.length)
    })

    it('searches by identifier (adding the mother), name, gender and locationIds', async () => {
        const clients = (await call(sandbox, '/rest/client/getAll?serverVersion=0&limit=40')).json<
            JsonObject[]
        >()
        const child =
            clients.find((c) => (c.identifiers as JsonObject).ZEIR_ID !== undefined && !c.voided) ??
            {}
        const zeir = String((child.identifiers as JsonObject).ZEIR_ID)
        const found = (await call(sandbox, `/rest/client/search?identifier=${zeir}`)).json<
            JsonObject[]
        >()
        const mother = ((child.relationships as JsonObject).mother as string[])[0]
        expect(found.map((c) => c.baseEntityId)).toEqual([child.baseEntityId, mother])

        const byName = (
            await call(
                sandbox,
                `/rest/client/search?name=${encodeURIComponent(String(child.lastName))}&gender=${String(child.gender ?? 'Male')}`
            )
        ).json<JsonObject[]>()
        expect(byName.some((c) => c.baseEntityId === child.baseEntityId)).toBe(
            child.gender !== undefined
        )
        const byLocation = (
            await call(sandbox, `/rest/client/search?locationIds=${facilityIds[2] ?? ''}`)
        ).json<JsonObject[]>()
        expect(byLocation.length).toBeGreaterThan(0)
        expect(byLocation.every((c) => c.locationId === facilityIds[2])).toBe(true)
    })
})

describe('page size cap', () => {
    it('caps limit server-side', async () => {
        const capped = await startOpenSrpSandbox({ children: 50, pageSizeCap: 7 })
        try {
            const page = (
                await call(capped, '/rest/event/getAll?serverVersion=0&limit=500')
            ).json<SyncPage>()
            expect(page.events).toHaveLength(7)
            const clients = (
                await call(capped, '/rest/client/getAll?serverVersion=0&limit=500')
            ).json<JsonObject[]>()
            expect(clients).toHaveLength(7)
        } finally {
            await capped.close()
        }
    })
})

test('the admin credentials used here are Basic', () =>
    expect(ADMIN.startsWith('Basic ')).toBe(true))

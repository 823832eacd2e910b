/**
 * @jest-environment ./test/setup/nodeFetchEnvironment.js
 */
import { startFaultProxy, type FaultProxy } from '../faults/support/faultProxy'
import { InMemorySyncStore } from '../fakes/inMemorySyncStore'
import { DHIS2_ADMIN, startHarness, type Harness, type Raw } from './support/syncHarness'

/**
 * Adoption (DESIGN §3.1): tracked entities and enrollments that DHIS2 already holds under other
 * UIDs (made by the Capture app, or by another installation) are found by the OpenSRP ID attribute
 * and updated in place; the vaccinations join their enrollments. With a unique OpenSRP ID
 * attribute the connector sends first and looks up only what DHIS2 refuses as taken (E1064);
 * otherwise it looks every unknown client up before sending.
 */

const TE_TYPE = 'ligA6yGUkYl'
const OSRP_ID = 'caS6LyxoM41'
const PROGRAMS = ['C15BBx4PSBf', 'HTqzpjctuad']
const LOOKUP = 'GET /api/41/tracker/trackedEntities'

async function admin(h: Harness, path: string, init: RequestInit = {}): Promise<Raw> {
    const response = await fetch(`${h.dhis2Url}/api/${path}`, {
        ...init,
        headers: { Authorization: DHIS2_ADMIN, 'Content-Type': 'application/json' },
    })
    const body = (await response.json()) as Raw
    if (!response.ok) throw new Error(`${path}: ${response.status} ${JSON.stringify(body)}`)
    return body
}

const rows = (body: Raw, key: string): Raw[] => {
    const value = body[key] ?? body.instances
    return Array.isArray(value) ? (value as Raw[]) : []
}

async function trackedEntities(h: Harness): Promise<Map<string, string[]>> {
    const body = await h.dhis2(
        `tracker/trackedEntities?trackedEntityType=${TE_TYPE}&orgUnitMode=ACCESSIBLE&paging=false&fields=trackedEntity,attributes[attribute,value]`
    )
    const byId = new Map<string, string[]>()
    for (const te of rows(body, 'trackedEntities')) {
        const attributes = (te.attributes as Array<{ attribute: string; value: string }>) ?? []
        const id = attributes.find((a) => a.attribute === OSRP_ID)?.value ?? '(none)'
        byId.set(id, [...(byId.get(id) ?? []), String(te.trackedEntity)])
    }
    return byId
}

async function events(h: Harness): Promise<Raw[]> {
    const all: Raw[] = []
    for (const program of PROGRAMS) {
        const body = await h.dhis2(
            `tracker/events?program=${program}&paging=false&fields=event,trackedEntity,enrollment`
        )
        all.push(...rows(body, 'events'))
    }
    return all
}

describe.each([
    ['unique', true],
    ['not unique', false],
] as const)('adoption with an OpenSRP ID attribute that is %s', (_label, unique) => {
    let h: Harness
    let proxy: FaultProxy | undefined
    let before: Map<string, string[]>
    beforeAll(async () => {
        h = await startHarness({
            minor: 41,
            opensrp: { children: 8, seed: 21 },
            dhis2Front: async (url) => (proxy = await startFaultProxy(url)),
        })
        if (!unique) {
            const attribute = await admin(h, `trackedEntityAttributes/${OSRP_ID}`)
            await admin(h, 'metadata', {
                method: 'POST',
                body: JSON.stringify({
                    trackedEntityAttributes: [{ ...attribute, unique: false }],
                }),
            })
        }
        // Another installation (another salt) made the tracked entities and enrollments …
        const outside = await h.run({
            settings: { ...h.settings, uidSalt: 'another-install-salt' },
        })
        if (outside.outcome !== 'ran') throw new Error('locked')
        // … but none of the vaccinations.
        const made = await events(h)
        expect(made.length).toBeGreaterThan(10)
        await admin(h, 'tracker?async=false&importStrategy=DELETE', {
            method: 'POST',
            body: JSON.stringify({ events: made.map((e) => ({ event: e.event })) }),
        })
        expect(await events(h)).toHaveLength(0)
        before = await trackedEntities(h)
        expect(before.size).toBeGreaterThan(8)
        h.store = new InMemorySyncStore()
        for (const key of await h.kv.keys()) if (key.startsWith('cursor.')) await h.kv.remove(key)
    })
    afterAll(async () => {
        await proxy?.close()
        await h.close()
    })

    it('updates the tracked entities in place and puts the vaccinations in their enrollments', async () => {
        const lookupsBefore = proxy?.seen.get(LOOKUP) ?? 0
        const postsBefore = proxy?.seen.get('POST /api/41/tracker') ?? 0
        const result = await h.run()
        if (result.outcome !== 'ran') throw new Error('locked')
        expect(result.summary.status).not.toBe('failed')
        expect(result.summary.errors.filter((e) => e.code === 'E1064')).toEqual([])
        expect(await trackedEntities(h)).toEqual(before)
        const owners = new Set([...before.values()].flat())
        const joined = await events(h)
        expect(joined.length).toBeGreaterThan(10)
        expect(joined.filter((e) => !owners.has(String(e.trackedEntity)))).toEqual([])
        const lookups = (proxy?.seen.get(LOOKUP) ?? 0) - lookupsBefore
        const posts = (proxy?.seen.get('POST /api/41/tracker') ?? 0) - postsBefore
        expect(lookups).toBeGreaterThan(0)
        // Sent first: a look-up only after a request that DHIS2 answered with E1064.
        if (unique) expect(lookups).toBeLessThanOrEqual(posts / 2)
    })

    it('sends nothing on the next run', async () => {
        const result = await h.run()
        if (result.outcome !== 'ran') throw new Error('locked')
        expect(result.summary.tracker).toMatchObject({ created: 0, updated: 0, deleted: 0 })
        expect(await trackedEntities(h)).toEqual(before)
    })
})

/**
 * @jest-environment ./test/setup/nodeFetchEnvironment.js
 */
import { InMemorySyncStore } from '../fakes/inMemorySyncStore'
import {
    bdMappings,
    DHIS2_ADMIN,
    startHarness,
    type Harness,
    type Raw,
} from './support/syncHarness'
import {
    REL_TYPE,
    relationshipType,
    storedRelationships,
    TE_TYPE,
    trackedEntityAt,
} from './support/motherChildLinks'

/**
 * Mothers that DHIS2 already holds under other UIDs (another installation, the Capture app) are
 * adopted (DESIGN §3.1), and their children's mother → child links must point at the UIDs DHIS2
 * has, not at the ones the connector would have made: a link to a tracked entity that does not
 * exist is refused (E4012) on every run. Where the pair is already linked by a relationship made
 * elsewhere, DHIS2 keeps that one (E4018) and the child counts as synced. Both with a unique
 * OpenSRP ID attribute (sent first, adopted on E1064) and with a non-unique one (looked up first).
 * The oracle is OpenSRP's raw records and DHIS2's own storage.
 */

const OSRP_ID = 'caS6LyxoM41'

async function admin(h: Harness, path: string, init: RequestInit = {}): Promise<Raw> {
    const response = await fetch(`${h.dhis2Url}/api/${path}`, {
        ...init,
        headers: { Authorization: DHIS2_ADMIN, 'Content-Type': 'application/json' },
    })
    const body = (await response.json()) as Raw
    if (!response.ok) throw new Error(`${path}: ${response.status} ${JSON.stringify(body)}`)
    return body
}

/** OpenSRP ID (baseEntityId) → the one tracked entity DHIS2 holds for it. */
async function trackedEntityByOpenSrpId(h: Harness): Promise<Map<string, string>> {
    const body = await h.dhis2(
        `tracker/trackedEntities?trackedEntityType=${TE_TYPE}&orgUnitMode=ACCESSIBLE&paging=false&fields=trackedEntity,attributes[attribute,value]`
    )
    const list = (body.trackedEntities ?? body.instances) as Raw[]
    const byId = new Map<string, string>()
    for (const te of list) {
        const attributes = te.attributes as Array<{ attribute: string; value: string }>
        const id = attributes.find((a) => a.attribute === OSRP_ID)?.value
        if (id === undefined) continue
        if (byId.has(id)) throw new Error(`two tracked entities for ${id}`)
        byId.set(id, String(te.trackedEntity))
    }
    return byId
}

/** The pairs (from → to tracked entity) of the live mother → child links DHIS2 stores. */
function storedLinks(h: Harness): string[] {
    return [...storedRelationships(h).values()]
        .filter((r) => r.relationshipType === REL_TYPE)
        .map((r) => `${String(trackedEntityAt(r.from))} → ${String(trackedEntityAt(r.to))}`)
        .sort()
}

describe.each([
    { unique: true, elsewhere: 'mothers and children, unlinked', batch: 1000 },
    { unique: true, elsewhere: 'mothers and children, linked', batch: 1000 },
    { unique: false, elsewhere: 'mothers and children, unlinked', batch: 1000 },
    { unique: false, elsewhere: 'mothers and children, linked', batch: 1000 },
    // Requests of a few objects: a mother is often adopted (E1064) in the request still in
    // flight while her child is added to the next one.
    { unique: true, elsewhere: 'mothers and children, unlinked', batch: 3 },
] as const)(
    'adopted mothers (OpenSRP ID unique: $unique; made elsewhere: $elsewhere; batches of $batch)',
    ({ unique, elsewhere, batch }) => {
        let h: Harness
        let adoptedUids: Map<string, string>
        let linksBefore: string[]
        beforeAll(async () => {
            const base = bdMappings()
            if (!base.tracker) throw new Error('the BD template has tracker mappings')
            const linked = {
                ...base,
                tracker: { ...base.tracker, motherChildRelationshipType: REL_TYPE },
            }
            h = await startHarness({
                minor: 41,
                opensrp: { children: 10, seed: 8 },
                mappings: linked,
            })
            await admin(h, 'metadata', {
                method: 'POST',
                body: JSON.stringify({ relationshipTypes: [relationshipType] }),
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
            // Another installation (another salt) made the mothers and children first.
            const outside = await h.run({
                settings: { ...h.settings, uidSalt: 'another-install-salt' },
                mappings: elsewhere.endsWith(', linked') ? linked : base,
            })
            if (outside.outcome !== 'ran') throw new Error('locked')
            adoptedUids = await trackedEntityByOpenSrpId(h)
            linksBefore = storedLinks(h)
            if (elsewhere.endsWith(', linked')) expect(linksBefore.length).toBeGreaterThan(5)
            else expect(linksBefore).toEqual([])
            h.store = new InMemorySyncStore()
            for (const key of await h.kv.keys())
                if (key.startsWith('cursor.')) await h.kv.remove(key)
            h.settings = { ...h.settings, trackerBatchSize: batch }
        })
        afterAll(() => h.close())

        it("links each child to its mother's tracked entity as DHIS2 holds it, once", async () => {
            const result = await h.run()
            if (result.outcome !== 'ran') throw new Error('locked')
            expect(result.summary.errors.filter((e) => /^E(4|1064)/.test(e.code))).toEqual([])
            expect(await trackedEntityByOpenSrpId(h)).toEqual(adoptedUids)

            const failed = new Set(result.summary.errors.map((e) => e.sourceId))
            const clients = await h.opensrpAll('rest/client/getAll')
            const live = new Set(
                clients.filter((c) => c.voided !== true).map((c) => String(c.baseEntityId))
            )
            const expected = clients
                .flatMap((c) => {
                    const mother = (
                        (c.relationships as Raw | undefined)?.mother as string[] | undefined
                    )?.[0]
                    const child = String(c.baseEntityId)
                    if (c.voided === true || !mother || !live.has(mother)) return []
                    if (failed.has(child) || failed.has(mother)) return []
                    return [`${adoptedUids.get(mother)} → ${adoptedUids.get(child)}`]
                })
                .sort()
            expect(expected.length).toBeGreaterThan(5)
            expect(expected.filter((link) => link.includes('undefined'))).toEqual([])
            expect(storedLinks(h)).toEqual(expected)
        })

        it('leaves no record waiting for a retry and sends nothing on the next run', async () => {
            // Only the generator's own bad records (OSRP_ codes) may wait; none that DHIS2 refused.
            const queued = await h.store.listFailed(0, 10000)
            expect(
                queued
                    .filter((r) => !r.lastError?.code.startsWith('OSRP_'))
                    .map((r) => [r.key, r.lastError?.code])
            ).toEqual([])
            const result = await h.run()
            if (result.outcome !== 'ran') throw new Error('locked')
            expect(result.summary.tracker).toMatchObject({ created: 0, updated: 0, failed: 0 })
            expect(result.summary.errors).toEqual([])
        })
    }
)

/**
 * @jest-environment ./test/setup/nodeFetchEnvironment.js
 */
import { motherChildRelationshipUid } from '../../src/core/tracker/buildClientPayload'
import { trackedEntityUid } from '../../src/core/uid'
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
    trackedEntityAt,
} from './support/motherChildLinks'

/**
 * Mother → child relationships where the metadata has a relationship type for them (issue 8),
 * in the shape DHIS2 reads (`{"trackedEntity": {"trackedEntity": UID}}` ends, RelationshipItem):
 * one per child with a mother in OpenSRP, never twice, and sending a child again is no error
 * (DHIS2 ignores an existing relationship with warning E4015). The oracle is OpenSRP's raw records.
 */

const SALT = 'test-salt-0123456789'

describe.each([38, 42] as const)('mother → child relationships on DHIS2 2.%i', (minor) => {
    let h: Harness
    beforeAll(async () => {
        const base = bdMappings()
        if (!base.tracker) throw new Error('the BD template has tracker mappings')
        h = await startHarness({
            minor,
            opensrp: { children: 12, seed: 8 },
            mappings: {
                ...base,
                tracker: { ...base.tracker, motherChildRelationshipType: REL_TYPE },
            },
        })
        const response = await fetch(`${h.dhis2Url}/api/metadata`, {
            method: 'POST',
            headers: { Authorization: DHIS2_ADMIN, 'Content-Type': 'application/json' },
            body: JSON.stringify({ relationshipTypes: [relationshipType] }),
        })
        expect(response.status).toBe(200)
    })
    afterAll(() => h.close())

    it('links every child to its mother once', async () => {
        const result = await h.run()
        if (result.outcome !== 'ran') throw new Error('locked')
        expect(result.summary.errors.filter((e) => e.code.startsWith('E4'))).toEqual([])
        const clients = await h.opensrpAll('rest/client/getAll')
        const live = new Set(
            clients.filter((c) => c.voided !== true).map((c) => String(c.baseEntityId))
        )
        const failed = new Set(result.summary.errors.map((e) => e.sourceId))
        const expected = clients.flatMap((c) => {
            const mother = (
                (c.relationships as Raw | undefined)?.mother as string[] | undefined
            )?.[0]
            const child = String(c.baseEntityId)
            if (c.voided === true || !mother || !live.has(mother)) return []
            if (failed.has(child) || failed.has(mother)) return []
            return [{ child, mother }]
        })
        expect(expected.length).toBeGreaterThan(5)
        const stored = storedRelationships(h)
        for (const { child, mother } of expected) {
            const uid = motherChildRelationshipUid(SALT, REL_TYPE, mother, child)
            const relationship = stored.get(uid)
            expect([child, relationship?.relationshipType]).toEqual([child, REL_TYPE])
            expect(trackedEntityAt(relationship?.from)).toBe(trackedEntityUid(SALT, mother))
            expect(trackedEntityAt(relationship?.to)).toBe(trackedEntityUid(SALT, child))
        }
        expect(stored.size).toBe(expected.length)
    })

    it('sends an edited child again without an error and without a second relationship', async () => {
        const before = storedRelationships(h).size
        const clients = await h.opensrpAll('rest/client/getAll')
        const child = clients.find(
            (c) => c.voided !== true && (c.relationships as Raw | undefined)?.mother !== undefined
        )
        if (!child) throw new Error('no child with a mother in the sample')
        const { _rev: _r, serverVersion: _s, ...body } = child
        await h.upload({ clients: [{ ...body, firstName: 'Edited' }] })
        const result = await h.run()
        if (result.outcome !== 'ran') throw new Error('locked')
        expect(result.summary.tracker).toMatchObject({ failed: 0 })
        expect(result.summary.tracker?.updated).toBeGreaterThan(0)
        expect(result.summary.errors).toEqual([])
        expect(storedRelationships(h).size).toBe(before)
    })
})

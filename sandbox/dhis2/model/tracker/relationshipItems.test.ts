/**
 * @jest-environment node
 */
import { Dhis2Minor } from '../../contract'
import { JsonRecord, records } from '../json'
import { bdModel, body, buildRequest, call } from '../testing/request'
import { PERSON, childAttributes, trackedEntity } from './testData'

/**
 * Relationship ends are objects, `{"trackedEntity": {"trackedEntity": UID}}`, on every version
 * since 2.38.0 (dhis2-core DHIS2-12625, `RelationshipItemMapper`); a flat UID fails the body's
 * deserialisation (400). `ConstraintValidator`, `LinkValidator` and `DuplicationValidator` run
 * on create only; `DuplicateRelationshipsPreProcessor` drops repeats within one payload.
 */

const clock = { now: () => new Date('2024-06-03T10:20:41.377Z') }
const TYPE = 'RelTypeI001'
const A = 'TeItemAaa01'
const B = 'TeItemBbb01'

const te = (uid: string) => ({ trackedEntity: { trackedEntity: uid } })
const link = (uid: string, from: JsonRecord, to: JsonRecord): JsonRecord => ({
    relationship: uid,
    relationshipType: TYPE,
    from,
    to,
})

function model(minor: Dhis2Minor) {
    const m = bdModel(minor, { clock })
    const constraint = {
        relationshipEntity: 'TRACKED_ENTITY_INSTANCE',
        trackedEntityType: { id: PERSON },
    }
    const type = {
        id: TYPE,
        name: 'Mother of',
        fromConstraint: constraint,
        toConstraint: constraint,
        // Data write for everyone, so the import's user may link (SecurityOwnershipValidator E4020).
        sharing: { public: 'rwrw----' },
    }
    expect(m.importMetadata({ relationshipTypes: [type] }).status).toBe(200)
    return m
}

async function post(m: ReturnType<typeof bdModel>, minor: Dhis2Minor, payload: JsonRecord) {
    const res = await call(
        m,
        buildRequest(minor, 'POST', 'tracker', {
            body: payload,
            query: { async: 'false', atomicMode: 'OBJECT', reportMode: 'FULL' },
        })
    )
    const report = body(res)
    const validation = (report.validationReport as JsonRecord | undefined) ?? {}
    return {
        status: res.status,
        report,
        errors: records(validation.errorReports).map((e) => [e.errorCode, e.message]),
        warnings: records(validation.warningReports).map((w) => w.warningCode),
    }
}

const mother = () => ({ trackedEntities: [trackedEntity(A, 'R-1'), trackedEntity(B, 'R-2')] })

describe.each([38, 41, 43] as Dhis2Minor[])('relationship ends on 2.%i', (minor) => {
    it('object-shaped ends are created', async () => {
        const m = model(minor)
        const res = await post(m, minor, {
            ...mother(),
            relationships: [link('RelItem0001', te(A), te(B))],
        })
        expect(res.status).toBe(200)
        expect(res.errors).toEqual([])
        expect(res.report.stats).toEqual({
            created: 3,
            updated: 0,
            deleted: 0,
            ignored: 0,
            total: 3,
        })
    })

    it('a flat UID end is a 400 JSON parse error, nothing imported', async () => {
        const m = model(minor)
        const res = await call(
            m,
            buildRequest(minor, 'POST', 'tracker', {
                body: {
                    ...mother(),
                    relationships: [link('RelItem0002', { trackedEntity: A }, te(B))],
                },
                query: { async: 'false' },
            })
        )
        const view =
            minor === 38
                ? 'org.hisp.dhis.tracker.domain'
                : 'org.hisp.dhis.webapi.controller.tracker.view'
        expect(res.status).toBe(400)
        expect(body(res).message).toBe(
            `JSON parse error: Cannot construct instance of \`${view}.RelationshipItem$TrackedEntity\` (although at least one Creator exists): no String-argument constructor/factory method to deserialize from String value ('${A}')`
        )
        const read = await call(m, buildRequest(minor, 'GET', `tracker/trackedEntities/${A}`))
        expect(read.status).toBe(404)
    })
})

describe('relationship checks on 2.41', () => {
    const minor = 41

    it('on create: an unknown end E4012, an end linking two objects E4001, a link to itself E4000', async () => {
        const m = model(minor)
        const res = await post(m, minor, {
            ...mother(),
            relationships: [
                link('RelItem0003', te(A), te('TeUnknown01')),
                link('RelItem0004', { ...te(A), enrollment: { enrollment: 'EnUnknown01' } }, te(B)),
                link('RelItem0005', te(A), te(A)),
            ],
        })
        expect(res.errors).toEqual([
            ['E4012', 'Could not find `trackedEntity`: `TeUnknown01`, linked to relationship.'],
            [
                'E4001',
                'Relationship item `from` for relationship `RelItem0004` is invalid: an item must link exactly one of trackedEntity, enrollment, event.',
            ],
            ['E4000', 'Relationship: `RelItem0005` cannot link to itself'],
        ])
    })

    it('an existing relationship sent again skips the constraint checks: warning E4015, not written', async () => {
        const m = model(minor)
        await post(m, minor, { ...mother(), relationships: [link('RelItem0006', te(A), te(B))] })
        const same = await post(m, minor, { relationships: [link('RelItem0006', te(A), te(B))] })
        expect(same.errors).toEqual([])
        expect(same.warnings).toEqual(['E4015'])
        // The persister ignores it (relationships are never updated).
        expect(same.report.stats).toEqual({
            created: 0,
            updated: 0,
            deleted: 0,
            ignored: 1,
            total: 1,
        })
        const moved = await post(m, minor, {
            relationships: [link('RelItem0006', te(A), te('TeUnknown02'))],
        })
        expect(moved.status).toBe(200)
        expect(moved.errors).toEqual([])
        expect(moved.warnings).toEqual(['E4015'])
        // PersistablesFilter drops it before the persister (an end neither written nor stored),
        // without an error: only the RELATIONSHIP type report counts it.
        expect(moved.report.stats).toEqual({
            created: 0,
            updated: 0,
            deleted: 0,
            ignored: 0,
            total: 0,
        })
        const types = (moved.report.bundleReport as JsonRecord).typeReportMap as JsonRecord
        expect((types.RELATIONSHIP as JsonRecord).stats).toEqual({
            created: 0,
            updated: 0,
            deleted: 0,
            ignored: 1,
            total: 1,
        })
    })

    it('a link to a tracked entity that validation rejected is E5000 (PersistablesFilter)', async () => {
        const m = model(minor)
        const res = await post(m, minor, {
            trackedEntities: [
                trackedEntity(A, 'R-1', [], {
                    attributes: [
                        ...childAttributes('R-1'),
                        { attribute: 'NoSuchAttr1', value: 'x' },
                    ],
                }),
                trackedEntity(B, 'R-2'),
            ],
            relationships: [link('RelItem0010', te(A), te(B))],
        })
        expect(res.status).toBe(200)
        expect(res.errors.map(([code]) => code)).toEqual(['E1006', 'E5000'])
        expect(res.errors[1]?.[1]).toBe(
            '"relationship" `RelItem0010` cannot be persisted because "trackedEntity" `TeItemAaa01` referenced by it cannot be persisted.'
        )
        expect(res.report.stats).toEqual({
            created: 1,
            updated: 0,
            deleted: 0,
            ignored: 2,
            total: 3,
        })
    })

    it('the same link twice in one payload is imported once; the repeat only counts in the type report', async () => {
        const m = model(minor)
        const res = await post(m, minor, {
            ...mother(),
            relationships: [link('RelItem0007', te(A), te(B)), link('RelItem0008', te(A), te(B))],
        })
        expect(res.errors).toEqual([])
        expect(res.report.stats).toEqual({
            created: 3,
            updated: 0,
            deleted: 0,
            ignored: 0,
            total: 3,
        })
        const types = (res.report.bundleReport as JsonRecord).typeReportMap as JsonRecord
        const rel = types.RELATIONSHIP as JsonRecord
        expect(rel.stats).toEqual({ created: 1, updated: 0, deleted: 0, ignored: 1, total: 2 })
        expect(records(rel.objectReports).map((o) => o.uid)).toEqual(['RelItem0007'])
        const dup = await post(m, minor, { relationships: [link('RelItem0009', te(A), te(B))] })
        expect(dup.errors.map(([code]) => code)).toEqual(['E4018'])
    })
})

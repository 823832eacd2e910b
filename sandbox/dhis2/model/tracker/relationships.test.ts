/**
 * @jest-environment node
 */
import { Dhis2Minor } from '../../contract'
import { JsonRecord, records } from '../json'
import { bdModel, body, buildRequest, call } from '../testing/request'
import { PERSON, trackedEntity } from './testData'

/**
 * Relationship existence checks as DHIS2's `ValidationCode` numbers them (dhis2/dhis2-core,
 * `tracker/imports/validation/ValidationCode.java`; 2.38: `TrackerErrorCode.java`): E4015
 * "already exists" (CREATE), E4016 "do not exist" (UPDATE/DELETE), E4017 "is already deleted"
 * (relationship `ExistenceValidator`). A failed existence check ends the relationship's checks.
 */

const clock = { now: () => new Date('2024-06-03T10:20:41.377Z') }
const LINK_TYPE = 'RelTypeA001'
const A = 'TeRelAaaa01'
const B = 'TeRelBbbb01'
const REL = 'RelLinkAB01'

const relationshipType = {
    id: LINK_TYPE,
    name: 'Sibling',
    // Data-shareable: the importer (not a superuser) needs data write to link (E4020).
    sharing: { public: 'rwrw----', external: false, users: {}, userGroups: {} },
    fromConstraint: {
        relationshipEntity: 'TRACKED_ENTITY_INSTANCE',
        trackedEntityType: { id: PERSON },
    },
    toConstraint: {
        relationshipEntity: 'TRACKED_ENTITY_INSTANCE',
        trackedEntityType: { id: PERSON },
    },
}

const link = (uid: string, type = LINK_TYPE): JsonRecord => ({
    relationship: uid,
    relationshipType: type,
    from: { trackedEntity: { trackedEntity: A } },
    to: { trackedEntity: { trackedEntity: B } },
})

function modelWithLink(minor: Dhis2Minor) {
    const model = bdModel(minor, { clock })
    expect(model.importMetadata({ relationshipTypes: [relationshipType] }).status).toBe(200)
    return model
}

async function post(
    model: ReturnType<typeof bdModel>,
    minor: Dhis2Minor,
    payload: JsonRecord,
    importStrategy = 'CREATE_AND_UPDATE'
) {
    const res = await call(
        model,
        buildRequest(minor, 'POST', 'tracker', {
            body: payload,
            query: { async: 'false', importStrategy },
        })
    )
    const report = body(res).validationReport as JsonRecord
    return { status: res.status, errors: records(report.errorReports) }
}

describe.each([38, 41, 43] as Dhis2Minor[])('relationship existence codes on 2.%i', (minor) => {
    it('E4015 already exists (CREATE), E4016 does not exist (DELETE), E4017 deleted', async () => {
        const model = modelWithLink(minor)
        const created = await post(model, minor, {
            trackedEntities: [trackedEntity(A, 'BD-KAL-000901'), trackedEntity(B, 'BD-KAL-000902')],
            relationships: [link(REL)],
        })
        expect(created).toEqual({ status: 200, errors: [] })

        const again = await post(model, minor, { relationships: [link(REL)] }, 'CREATE')
        expect(again.errors.map((e) => [e.errorCode, e.uid, e.message])).toEqual([
            ['E4015', REL, `Relationship: \`${REL}\`${minor >= 43 ? '' : ','} already exists.`],
        ])

        const missing = await post(model, minor, { relationships: [link('RelMissing1')] }, 'DELETE')
        expect(missing.errors.map((e) => [e.errorCode, e.message])).toEqual([
            ['E4016', `Relationship: \`RelMissing1\`${minor >= 43 ? '' : ','} do not exist.`],
        ])

        expect((await post(model, minor, { relationships: [link(REL)] }, 'DELETE')).errors).toEqual(
            []
        )
        const deleted = await post(model, minor, { relationships: [link(REL)] }, 'DELETE')
        expect(deleted.errors.map((e) => e.errorCode)).toEqual(['E4017'])
    })

    it('a failed existence check stops the other relationship checks (no E4006)', async () => {
        const model = modelWithLink(minor)
        const res = await post(
            model,
            minor,
            { relationships: [link('RelMissing2', 'NoSuchType1')] },
            'UPDATE'
        )
        expect(res.errors.map((e) => e.errorCode)).toEqual(['E4016'])
    })
})

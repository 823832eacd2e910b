/**
 * @jest-environment node
 */
import { Dhis2Minor } from '../../contract'
import { JsonRecord, records } from '../json'
import { bdModel, body, buildRequest, call } from '../testing/request'
import { PERSON, trackedEntity } from './testData'

/**
 * Relationships are never updated (dhis2/dhis2-core): the relationship `ExistenceValidator` adds
 * a WARNING E4015 for an existing relationship under UPDATE (CREATE_AND_UPDATE resolves to it),
 * and `AbstractTrackerPersister` counts it as ignored without an object report. The import
 * status stays OK (`ImportReport.withImportCompleted(Status.OK, …)`: DHIS2 never reports
 * WARNING for a tracker import); reportMode ERRORS (the default) drops the
 * warnings from `warningReports`, WARNINGS and FULL show them as `{message, warningCode,
 * trackerType, uid}` (`Warning.java`).
 */

const clock = { now: () => new Date('2024-06-03T10:20:41.377Z') }
const LINK_TYPE = 'RelTypeU001'
const REL = 'RelLinkUp01'

const constraint = {
    relationshipEntity: 'TRACKED_ENTITY_INSTANCE',
    trackedEntityType: { id: PERSON },
}
const link = {
    relationship: REL,
    relationshipType: LINK_TYPE,
    from: { trackedEntity: { trackedEntity: 'TeRelUpA001' } },
    to: { trackedEntity: { trackedEntity: 'TeRelUpB001' } },
}

async function post(
    model: ReturnType<typeof bdModel>,
    minor: Dhis2Minor,
    payload: JsonRecord,
    reportMode?: string
) {
    const res = await call(
        model,
        buildRequest(minor, 'POST', 'tracker', {
            body: payload,
            query: { async: 'false', ...(reportMode ? { reportMode } : {}) },
        })
    )
    return { status: res.status, report: body(res) }
}

describe.each([38, 41, 43] as Dhis2Minor[])('re-sending a relationship on 2.%i', (minor) => {
    it('is a warning (E4015), ignored, and the import status is OK', async () => {
        const model = bdModel(minor, { clock })
        const type = {
            id: LINK_TYPE,
            name: 'Sibling',
            fromConstraint: constraint,
            toConstraint: constraint,
            // Data-shareable: the importer (not a superuser) needs data write to link (E4020).
            sharing: { public: 'rwrw----', external: false, users: {}, userGroups: {} },
        }
        expect(model.importMetadata({ relationshipTypes: [type] }).status).toBe(200)
        const first = await post(model, minor, {
            trackedEntities: [
                trackedEntity('TeRelUpA001', 'U-1'),
                trackedEntity('TeRelUpB001', 'U-2'),
            ],
            relationships: [link],
        })
        expect(first.report.status).toBe('OK')

        const again = await post(model, minor, { relationships: [link] })
        expect(again.status).toBe(200)
        expect(again.report.status).toBe('OK')
        expect(again.report.stats).toEqual({
            created: 0,
            updated: 0,
            deleted: 0,
            ignored: 1,
            total: 1,
        })
        expect(again.report.validationReport).toEqual({ errorReports: [], warningReports: [] })
        const typeReports = (again.report.bundleReport as JsonRecord).typeReportMap as JsonRecord
        expect((typeReports.RELATIONSHIP as JsonRecord).objectReports).toEqual([])

        const shown = await post(model, minor, { relationships: [link] }, 'WARNINGS')
        const warnings = records((shown.report.validationReport as JsonRecord).warningReports)
        expect(warnings).toEqual([
            {
                message: `Relationship: \`${REL}\`${minor >= 43 ? '' : ','} already exists.`,
                warningCode: 'E4015',
                trackerType: 'RELATIONSHIP',
                uid: REL,
            },
        ])
    })
})

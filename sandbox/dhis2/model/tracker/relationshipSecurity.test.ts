/**
 * @jest-environment node
 */
import { Dhis2Minor } from '../../contract'
import { JsonRecord, records } from '../json'
import { ADMIN, bdModel, body, buildRequest, call } from '../testing/request'
import { PERSON, trackedEntity } from './testData'

/**
 * Relationship `SecurityOwnershipValidator` (2.39+): a relationship type is data-shareable, so one
 * made without sharing gives a non-superuser no data write and the link is refused with E4020;
 * superusers pass; 2.38 has no such check.
 */

const constraint = {
    relationshipEntity: 'TRACKED_ENTITY_INSTANCE',
    trackedEntityType: { id: PERSON },
}
const TYPE = 'RelTypeSec1'
const payload = {
    trackedEntities: [trackedEntity('TeRelSec0A1', 'S-1'), trackedEntity('TeRelSec0B1', 'S-2')],
    relationships: [
        {
            relationship: 'RelSecLink1',
            relationshipType: TYPE,
            from: { trackedEntity: { trackedEntity: 'TeRelSec0A1' } },
            to: { trackedEntity: { trackedEntity: 'TeRelSec0B1' } },
        },
    ],
}

async function codes(minor: Dhis2Minor, sharing: JsonRecord | undefined, asAdmin = false) {
    const model = bdModel(minor)
    const type = { id: TYPE, name: 'Sibling', fromConstraint: constraint, toConstraint: constraint }
    model.importMetadata({ relationshipTypes: [sharing ? { ...type, sharing } : type] })
    const request = buildRequest(minor, 'POST', 'tracker', {
        body: payload,
        query: { async: 'false' },
        ...(asAdmin ? { user: ADMIN } : {}),
    })
    const report = body(await call(model, request)).validationReport as JsonRecord
    return records(report.errorReports).map((e) => [e.errorCode, e.uid])
}

describe('relationship security', () => {
    const dataWrite = { public: 'rwrw----', external: false, users: {}, userGroups: {} }
    it('refuses a link of a type without data write for the importer on 2.41 (E4020)', async () => {
        expect(await codes(41, undefined)).toEqual([['E4020', 'RelSecLink1']])
        expect(await codes(41, dataWrite)).toEqual([])
    })
    it('lets a superuser link with any type, and 2.38 does not check', async () => {
        expect(await codes(41, undefined, true)).toEqual([])
        expect(await codes(38, undefined)).toEqual([])
    })
})

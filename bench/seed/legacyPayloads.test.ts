/** @jest-environment node */
import { ATTRIBUTE, CHILD_PROGRAM, MOTHER_PROGRAM } from './bdMetadata'
import {
    dhakaDate,
    enrollmentBody,
    kindOf,
    programOf,
    referenceOf,
    trackedEntityInstanceBody,
} from './legacyPayloads'

const child = {
    baseEntityId: 'child-1',
    firstName: 'Rayhan',
    lastName: '',
    gender: 'Male',
    birthdate: '2021-07-02T18:00:00.000Z',
    dateCreated: '2021-07-04T11:47:27.888+06:00',
    relationships: { mother: ['mother-1'] },
}
const mother = { baseEntityId: 'mother-1', gender: 'Female', identifiers: { M_ZEIR_ID: '1-8' } }

describe("the seed's legacy bodies", () => {
    it('read a Joda date-time as the Dhaka calendar date', () => {
        expect(dhakaDate('2021-07-02T18:00:00.000Z')).toBe('2021-07-03')
        expect(dhakaDate('2021-07-03T00:00:00.000+06:00')).toBe('2021-07-03')
        expect(dhakaDate('2018-03-01T03:00:00.000')).toBe('2018-03-01')
        expect(dhakaDate('২০২৪-০২-২৬')).toBeUndefined()
    })

    it('enrol children in the child programme and mothers in the TT programme', () => {
        expect(programOf(kindOf(child))).toBe(CHILD_PROGRAM)
        expect(programOf(kindOf(mother))).toBe(MOTHER_PROGRAM)
        expect(programOf(kindOf({ baseEntityId: 'x', gender: 'Male' }))).toBeUndefined()
    })

    it('send the client in its own org unit and leave empty values out', () => {
        const body = trackedEntityInstanceBody(child, 'OU_HOME_001')
        expect(body.orgUnit).toBe('OU_HOME_001')
        expect(body.attributes).toEqual([
            { attribute: ATTRIBUTE.openSrpId, value: 'child-1' },
            { attribute: ATTRIBUTE.firstName, value: 'Rayhan' },
            { attribute: ATTRIBUTE.sex, value: 'MALE' },
            { attribute: ATTRIBUTE.dateOfBirth, value: '2021-07-03' },
        ])
    })

    it('give enrollments a registration date and the birth as the incident date', () => {
        expect(enrollmentBody(child, 'TeiUid00001', CHILD_PROGRAM, 'OU_HOME_001')).toEqual({
            trackedEntityInstance: 'TeiUid00001',
            program: CHILD_PROGRAM,
            orgUnit: 'OU_HOME_001',
            enrollmentDate: '2021-07-04',
            incidentDate: '2021-07-03',
        })
    })

    it("find the new UID in the seed's ImportSummary and in today's ImportSummaries", () => {
        expect(referenceOf({ response: { reference: 'UWdxyR7FNFo' } })).toBe('UWdxyR7FNFo')
        const summaries = {
            response: { importSummaries: [{ status: 'SUCCESS', reference: 'Ab1' }] },
        }
        expect(referenceOf(summaries)).toBe('Ab1')
        const refused = { response: { importSummaries: [{ status: 'ERROR', reference: 'Ab1' }] } }
        expect(referenceOf(refused)).toBeUndefined()
    })
})

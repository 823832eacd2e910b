/**
 * @jest-environment ./test/setup/nodeFetchEnvironment.js
 */
import type { RecordError, RunSummary } from '../../src/core/summary/types'
import { DE, DEFAULT_COC, FEMALE, MONTHLY, cellOf, type Raw } from './support/aggregateOracle'
import { countsOf, dhis2Values, facilities, oracle, sorted } from './support/aggregateReads'
import {
    birthRegistration,
    childClient,
    dhakaMorning,
    PARENT_CODE,
    vaccination,
    withVaccinationDate,
} from './support/openSrpRecords'
import { startHarness, type Harness } from './support/syncHarness'

/**
 * Issue 9, bad input: an unknown antigen, an unreadable or future date, a date before birth and a
 * location without an org unit are each reported per record with the reason, left out of the
 * counts, and the rest of the period is posted. A counted dose edited into an unreadable one
 * loses its count too.
 */

async function run(h: Harness): Promise<RunSummary> {
    const result = await h.run({ scope: { streams: 'aggregate' } })
    if (result.outcome !== 'ran') throw new Error('locked')
    return result.summary
}

const DATE_CONCEPT = '1410AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'

describe('bad input on DHIS2 2.42', () => {
    let h: Harness
    beforeAll(async () => {
        h = await startHarness({ minor: 42, opensrp: { children: 20 } })
        await run(h)
    })
    afterAll(() => h.close())

    it('reports each bad record with its reason, counts the others and posts their period', async () => {
        const [facility] = await facilities(h)
        if (!facility) throw new Error('no facility')
        const at = facility.locationId
        const girl = childClient({ birthdate: '2023-02-01', locationId: at, gender: 'Female' })
        const who = String(girl.baseEntityId)
        const dose = (field: string, parentCode: string, date: string, locationId = at) =>
            vaccination({ baseEntityId: who, locationId, field, parentCode, dose: 1, date })
        const bad = {
            unknownAntigen: dose('xyz_1', '99999AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA', '2023-02-10'),
            // The device's eventDate is a Joda date-time (the server checks it); the obs is free text.
            unreadableDate: {
                ...dose('penta_1', PARENT_CODE.penta, '2023-02-31'),
                eventDate: dhakaMorning('2023-02-28'),
            },
            futureDate: dose('pcv_1', '162342AAAAAAAAAAAAAAAAAAAAAAAAAAAAAA', '2027-03-01'),
            beforeBirth: dose('opv_0', '783AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA', '2023-01-20'),
            noOrgUnit: dose('tt_1', PARENT_CODE.tt, '2023-02-12', 'not-a-mapped-location'),
        }
        // A dose counted in an earlier run, edited into a date nobody can read.
        const counted = (await h.opensrpAll('rest/event/getAll')).find(
            (e) =>
                e.eventType === 'Vaccination' &&
                e.locationId === at &&
                (e.obs as Raw[]).some(
                    (o) => o.fieldCode === DATE_CONCEPT && o.formSubmissionField === 'bcg'
                )
        )
        if (!counted) throw new Error('no BCG dose to break')
        // A Bangla-locale tablet: the obs in Bangla digits, the eventDate (Joda) still ASCII.
        const broken = {
            ...withVaccinationDate(counted, '২০২৩-০২-১৫'),
            eventDate: counted.eventDate,
        }
        await h.upload({
            clients: [girl],
            events: [
                birthRegistration({
                    client: girl,
                    locationId: at,
                    eventDate: dhakaMorning('2023-02-03'),
                    weight: '2.4',
                    place: 'Health facility',
                }),
                dose('bcg', PARENT_CODE.bcg, '2023-02-05'),
                ...Object.values(bad),
                broken,
            ],
        })

        const summary = await run(h)
        const stored = await h.opensrpAll('rest/event/getAll')
        const errorsOf = (event: Raw): RecordError[] => {
            const found = stored.find((e) => e.formSubmissionId === event.formSubmissionId)
            const ids = [event.formSubmissionId, found?._id]
            return summary.errors.filter((e) => ids.includes(e.sourceId))
        }
        const expectations: Array<[Raw, string, RegExp]> = [
            [bad.unknownAntigen, 'OSRP_UNKNOWN_ANTIGEN', /xyz_1/],
            [bad.unreadableDate, 'OSRP_QUARANTINED', /2023-02-31/],
            [bad.futureDate, 'OSRP_FUTURE_DATE', /2027-03-01/],
            [bad.beforeBirth, 'OSRP_DATE_BEFORE_BIRTH', /2023-01-20/],
            [bad.noOrgUnit, 'OSRP_NO_ORG_UNIT', /.+/],
            [broken, 'OSRP_QUARANTINED', /২০২৩-০২-১৫/],
        ]
        for (const [event, code, reason] of expectations) {
            const errors = errorsOf(event)
            expect(errors.map((e) => e.code)).toEqual([code])
            expect(errors[0]?.message).toMatch(reason)
        }

        // The good records of the same month and facility are posted, the bad ones are not.
        const values = countsOf(await dhis2Values(h))
        expect(values.get(cellOf(MONTHLY, facility.orgUnit, '202302', DE.bcg, FEMALE))).toBe(1)
        expect(
            values.get(cellOf(MONTHLY, facility.orgUnit, '202302', DE.registrations, DEFAULT_COC))
        ).toBe(1)
        expect(sorted(values)).toEqual(sorted(await oracle(h)))
    })
})

/**
 * @jest-environment node
 */
import { createOrgUnitResolver } from '../orgUnits/resolver'
import { bdAntigenRules } from '../templates/bdAntigens'
import { bdOrgUnitMapping } from '../templates/bdOrgUnits'
import { bdTrackerMapping } from '../templates/bdTracker'
import { enrollmentUid, eventUid, trackedEntityUid } from '../uid'
import {
    buildVaccinationEvent,
    type VaccinationEventContext,
    type VaccinationEventResult,
} from './buildVaccinationEvent'
import {
    child,
    KICHAK,
    locations,
    mother,
    orgUnits,
    PENTA,
    PERSONAL_DATA,
    RAHIMA,
    ROTA,
    TANVIR,
    TT,
    vaccination,
} from './testRecords'

const SALT = 'test-salt'
const resolver = createOrgUnitResolver(bdOrgUnitMapping(), locations, orgUnits)

const context = (overrides: Partial<VaccinationEventContext> = {}): VaccinationEventContext => ({
    salt: SALT,
    timeZone: 'Asia/Dhaka',
    today: '2024-06-30',
    mapping: bdTrackerMapping(),
    antigens: bdAntigenRules(),
    outOfAreaKeep: 'vaccinating-site',
    resolveOrgUnit: resolver.resolve,
    resolveFacilityName: resolver.resolveFacilityName,
    client: child(),
    ...overrides,
})

const penta1 = (overrides = {}) => vaccination('penta_1', PENTA, '2024-02-20', '1', overrides)
const FORM = '8d3582d5-0000-4000-8000-000000000001'

const codesOf = (result: VaccinationEventResult) =>
    result.outcome === 'failed' ? result.errors.map((e) => e.code) : []

describe('buildVaccinationEvent: a child dose', () => {
    const result = buildVaccinationEvent(penta1(), context())

    it('becomes a completed event in the child immunisation stage', () => {
        expect(result).toEqual({
            outcome: 'built',
            event: {
                event: eventUid(SALT, FORM),
                enrollment: enrollmentUid(SALT, TANVIR, 'C15BBx4PSBf'),
                trackedEntity: trackedEntityUid(SALT, TANVIR),
                program: 'C15BBx4PSBf',
                programStage: 'CH7Lg690vBD',
                orgUnit: 'OuKaCentre1',
                status: 'COMPLETED',
                occurredAt: '2024-02-20',
                dataValues: [
                    { dataElement: 'qR6eP15RJ7h', value: 'PENTA' },
                    { dataElement: 'UGinqBJICof', value: '1' },
                    { dataElement: 'lr2sazXdXWr', value: FORM },
                ],
            },
        })
    })

    it('takes the vaccination date from the obs, not from eventDate', () => {
        const late = penta1({ eventDate: '2024-03-05T00:00:00.000+06:00' })
        const built = buildVaccinationEvent(late, context())
        expect(built.outcome === 'built' && built.event.occurredAt).toBe('2024-02-20')
    })

    it('keeps its UID across an edit (same formSubmissionId, new _id)', () => {
        const edited = buildVaccinationEvent(penta1({ id: 'another-doc-id' }), context())
        expect(edited.outcome === 'built' && edited.event.event).toBe(eventUid(SALT, FORM))
    })

    it('is placed where it was given, not at the home facility', () => {
        const away = buildVaccinationEvent(penta1({ locationId: KICHAK }), context())
        expect(away.outcome === 'built' && away.event.orgUnit).toBe('OuKichak5Ka')
    })

    it('falls back to the home facility when the event names no location', () => {
        const nowhere = buildVaccinationEvent(penta1({ locationId: undefined }), context())
        expect(nowhere.outcome === 'built' && nowhere.event.orgUnit).toBe('OuKaCentre1')
    })

    it('sends fIPV as FIPV and an OPV 0 as dose 0', () => {
        const ipv = buildVaccinationEvent(
            vaccination('fipv_1', '1422AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA', '2024-02-20', '1'),
            context()
        )
        expect(ipv.outcome === 'built' && ipv.event.dataValues[0]?.value).toBe('FIPV')
        const opv0 = buildVaccinationEvent(
            vaccination('opv_0', '783AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA', '2024-01-10', '0'),
            context()
        )
        expect(opv0.outcome === 'built' && opv0.event.dataValues[1]).toEqual({
            dataElement: 'UGinqBJICof',
            value: '0',
        })
    })
})

describe("buildVaccinationEvent: a mother's TT dose", () => {
    it('goes to the maternal TT stage of her enrollment', () => {
        const tt3 = vaccination('tt_3', TT, '2023-10-15', '3', { baseEntityId: RAHIMA })
        const result = buildVaccinationEvent(tt3, context({ client: mother() }))
        expect(result).toMatchObject({
            outcome: 'built',
            event: {
                enrollment: enrollmentUid(SALT, RAHIMA, 'HTqzpjctuad'),
                trackedEntity: trackedEntityUid(SALT, RAHIMA),
                program: 'HTqzpjctuad',
                programStage: 'uUEzUXJRds2',
                occurredAt: '2023-10-15',
                dataValues: [
                    { dataElement: 'qR6eP15RJ7h', value: 'TT' },
                    { dataElement: 'UGinqBJICof', value: '3' },
                    { dataElement: 'lr2sazXdXWr', value: FORM },
                ],
            },
        })
    })
})

describe('buildVaccinationEvent: events that are not sent', () => {
    const skipOf = (result: VaccinationEventResult) =>
        result.outcome === 'skipped' ? result.reason : result.outcome

    it('skips "Out of Area Service - Vaccination": its dose comes from a Vaccination copy', () => {
        const service = penta1({ eventType: 'Out of Area Service - Vaccination' })
        expect(skipOf(buildVaccinationEvent(service, context()))).toBe('out-of-area-service')
    })

    it("keeps the vaccinating site's copy and skips the home copy by default", () => {
        const device = penta1({ locationId: KICHAK, identifiers: { ZEIR_ID: '1042217-3' } })
        const home = penta1({ details: { out_of_catchment_provider_id: 'ha_kichak5' } })
        expect(skipOf(buildVaccinationEvent(device, context()))).toBe('built')
        expect(skipOf(buildVaccinationEvent(home, context()))).toBe('out-of-area-copy')
    })

    it('keeps the home copy and skips the device copy when the mapping says home', () => {
        const device = penta1({ locationId: KICHAK, identifiers: { ZEIR_ID: '1042217-3' } })
        const home = penta1({ details: { out_of_catchment_provider_id: 'ha_kichak5' } })
        expect(skipOf(buildVaccinationEvent(device, context({ outOfAreaKeep: 'home' })))).toBe(
            'out-of-area-copy'
        )
        expect(skipOf(buildVaccinationEvent(home, context({ outOfAreaKeep: 'home' })))).toBe(
            'built'
        )
    })

    it('skips a Void Event and gives the UID of the event it cancels, for deletion', () => {
        const voidEvent = penta1({ eventType: 'Void Event', voided: true, obs: [] })
        expect(buildVaccinationEvent(voidEvent, context())).toMatchObject({
            outcome: 'skipped',
            reason: 'voided',
            eventUid: eventUid(SALT, FORM),
        })
    })

    it('skips events that are not vaccinations (Birth Registration)', () => {
        expect(
            skipOf(buildVaccinationEvent(penta1({ eventType: 'Birth Registration' }), context()))
        ).toBe('not-vaccination')
    })

    it('skips the doses of a voided client', () => {
        expect(
            skipOf(buildVaccinationEvent(penta1(), context({ client: child({ voided: true }) })))
        ).toBe('client-voided')
    })
})

describe('buildVaccinationEvent: per-record errors', () => {
    const errorsOf = (result: VaccinationEventResult) =>
        result.outcome === 'failed' ? result.errors : []

    it('reports a vaccination for a client that is not in OpenSRP', () => {
        const errors = errorsOf(buildVaccinationEvent(penta1(), context({ client: undefined })))
        expect(errors).toEqual([
            {
                sourceId: FORM,
                recordKind: 'event',
                kind: 'mapping',
                code: 'OSRP_NO_CLIENT',
                message: `The vaccination is for client ${TANVIR}, who is not in OpenSRP.`,
            },
        ])
    })

    it('reports an out-of-area dose OpenSRP could not attach to a child', () => {
        const orphan = penta1({ baseEntityId: '', identifiers: { ZEIR_ID: '9999999-9' } })
        expect(codesOf(buildVaccinationEvent(orphan, context({ client: undefined })))).toEqual([
            'OSRP_NO_CLIENT',
        ])
    })

    it('accepts the client a caller found for an out-of-area copy by its ZEIR_ID', () => {
        const orphan = penta1({ baseEntityId: '', identifiers: { ZEIR_ID: '1042217-3' } })
        expect(buildVaccinationEvent(orphan, context()).outcome).toBe('built')
    })

    it("refuses a client that is not the event's", () => {
        expect(codesOf(buildVaccinationEvent(penta1(), context({ client: mother() })))).toEqual([
            'OSRP_NO_CLIENT',
        ])
    })

    it('reports a vaccine no antigen rule knows, with the org unit for facility staff', () => {
        const errors = errorsOf(
            buildVaccinationEvent(vaccination('hpv_1', '999AAAA', '2024-02-20', '1'), context())
        )
        expect(errors.map((e) => e.code)).toEqual(['OSRP_UNKNOWN_ANTIGEN'])
        expect(errors[0]?.orgUnit).toBe('OuKaCentre1')
    })

    it('reports a date in Bangla digits, and a missing dose', () => {
        expect(
            codesOf(
                buildVaccinationEvent(vaccination('penta_3', PENTA, '২০২৪-০২-২৬', '3'), context())
            )
        ).toEqual(['OSRP_BAD_VACCINATION_DATE'])
        expect(
            codesOf(
                buildVaccinationEvent(vaccination('penta_3', PENTA, '2024-02-26', ''), context())
            )
        ).toEqual(['OSRP_NO_DOSE'])
    })

    it('reports a vaccination dated after today', () => {
        const errors = errorsOf(
            buildVaccinationEvent(vaccination('penta_1', PENTA, '2024-07-01', '1'), context())
        )
        expect(errors.map((e) => e.code)).toEqual(['OSRP_FUTURE_DATE'])
    })

    it('reports a vaccination dated before the client was born', () => {
        const errors = errorsOf(
            buildVaccinationEvent(vaccination('penta_1', PENTA, '2024-01-07', '1'), context())
        )
        expect(errors.map((e) => e.code)).toEqual(['OSRP_DATE_BEFORE_BIRTH'])
        for (const personal of PERSONAL_DATA) expect(errors[0]?.message).not.toContain(personal)
    })

    it('accepts a dose on the day of birth in Dhaka although the birth instant is the day before in UTC', () => {
        const client = child({ birthdate: '2024-01-07T18:30:00.000Z' })
        expect(
            buildVaccinationEvent(
                vaccination('bcg', '886AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA', '2024-01-08', '1'),
                context({ client })
            ).outcome
        ).toBe('built')
    })

    it('reports a vaccination given where no org unit is mapped', () => {
        expect(
            codesOf(buildVaccinationEvent(penta1({ locationId: 'unmapped' }), context()))
        ).toEqual(['OSRP_NO_ORG_UNIT'])
    })

    it('reports an antigen no programme of the client records (rota; TT on a child)', () => {
        expect(
            codesOf(
                buildVaccinationEvent(vaccination('rota_1', ROTA, '2024-02-20', '1'), context())
            )
        ).toEqual(['OSRP_NO_PROGRAM_FOR_ANTIGEN'])
        expect(
            codesOf(buildVaccinationEvent(vaccination('tt_1', TT, '2024-02-20', '1'), context()))
        ).toEqual(['OSRP_NO_PROGRAM_FOR_ANTIGEN'])
    })

    it('reports a dose of a client in no programme', () => {
        const errors = errorsOf(
            buildVaccinationEvent(
                penta1({ baseEntityId: RAHIMA }),
                context({ client: mother({ identifiers: {} }) })
            )
        )
        expect(errors.map((e) => e.code)).toEqual(['OSRP_NO_PROGRAM_FOR_ANTIGEN'])
        expect(errors[0]?.message).toMatch(/in no tracker program/)
    })

    it('reports a stage without a vaccine code for the antigen', () => {
        const mapping = bdTrackerMapping()
        const stage = mapping.programs[0]?.vaccinations
        if (stage) delete stage.vaccineCodes['penta']
        expect(codesOf(buildVaccinationEvent(penta1(), context({ mapping })))).toEqual([
            'OSRP_NO_VACCINE_CODE',
        ])
    })

    it('reports every independent problem at once', () => {
        const bad = vaccination('penta_1', PENTA, '2024-01-01', '1', { locationId: 'unmapped' })
        expect(codesOf(buildVaccinationEvent(bad, context())).sort()).toEqual([
            'OSRP_DATE_BEFORE_BIRTH',
            'OSRP_NO_ORG_UNIT',
        ])
    })
})

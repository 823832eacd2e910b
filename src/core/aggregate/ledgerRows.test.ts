/** @jest-environment node */
import {
    birthRegistration,
    client,
    FACILITY_BIRTH,
    HOME_BIRTH,
    vaccination,
    voidEvent,
} from '../../../test/builders/openSrp'
import { createArithmeticPeriods } from '../../../test/fakes/arithmeticPeriods'
import type { OpenSrpClient, OpenSrpEvent } from '../domain/opensrp'
import { bdAntigenRules } from '../templates/bdAntigens'
import { BD_AGGREGATE_MAPPING } from '../templates/bdAggregate'
import type { LedgerContext } from './ledgerContext'
import { ledgerRowsForEvent } from './ledgerRows'

const MONTHLY = 'Qnf0P01U3T1'
const WEEKLY = 'ORjrZOfdUfU'
const MALE = 'ocU7V0kuUHq'
const FEMALE = 'm48aYeV9dEa'
const DEFAULT = 'HllvX50cXC0'
const ORG_UNITS: Record<string, string> = { 'loc-a': 'OuFacilityA', 'loc-b': 'OuFacilityB' }

const ctx = (overrides: Partial<LedgerContext> = {}): LedgerContext => ({
    mapping: BD_AGGREGATE_MAPPING,
    antigens: bdAntigenRules(),
    outOfAreaKeep: 'vaccinating-site',
    resolveOrgUnit: (locationId) => {
        const orgUnit = ORG_UNITS[locationId]
        return orgUnit
            ? { ok: true, orgUnit }
            : {
                  ok: false,
                  code: 'OSRP_NO_ORG_UNIT',
                  message: `Location ${locationId} has no org unit.`,
              }
    },
    periods: createArithmeticPeriods(),
    timeZone: 'Asia/Dhaka',
    today: '2025-06-30',
    ...overrides,
})

/** The event's client: a boy born on 2024-01-08, unless a test gives another or NO_CLIENT. */
const NO_CLIENT = 'no client'
type Owner = OpenSrpClient | typeof NO_CLIENT
const run = (event: OpenSrpEvent, owner: Owner = client(), c: LedgerContext = ctx()) =>
    ledgerRowsForEvent(event, owner === NO_CLIENT ? undefined : owner, c)
const cells = (event: OpenSrpEvent, owner?: Owner, c?: LedgerContext) =>
    run(event, owner, c).rows.map((row) => row.cell)
const codes = (event: OpenSrpEvent, owner?: Owner, c?: LedgerContext) =>
    run(event, owner, c).errors.map((error) => error.code)

describe('doses', () => {
    it('count a BCG dose once, in the vaccinating facility, month and the child’s sex', () => {
        const result = run(vaccination('bcg', '2024-01-10', { serverVersion: 7 }))
        expect(result).toEqual({
            rows: [
                {
                    countKey: `dose:child-1:bcg:1:${MONTHLY}:B0jp1RrdN32`,
                    eventKey: 'fs-1',
                    cell: `${MONTHLY}|OuFacilityA|202401|B0jp1RrdN32|${MALE}|${DEFAULT}`,
                    serverVersion: 7,
                },
            ],
            errors: [],
        })
    })

    it('feed the monthly and the weekly data set from one Penta 1 event', () => {
        const girl = client({ gender: 'Female' })
        expect(cells(vaccination('penta_1', '2024-02-20'), girl)).toEqual([
            `${MONTHLY}|OuFacilityA|202402|XMKRsEUVgIX|${FEMALE}|${DEFAULT}`,
            `${WEEKLY}|OuFacilityA|2024W8|kW3nPen1Wk2|${FEMALE}|${DEFAULT}`,
        ])
    })

    it('put a dose of 30 December 2024 in month 202412 and in week 2025W1', () => {
        expect(cells(vaccination('penta_1', '2024-12-30'))).toEqual([
            `${MONTHLY}|OuFacilityA|202412|XMKRsEUVgIX|${MALE}|${DEFAULT}`,
            `${WEEKLY}|OuFacilityA|2025W1|kW3nPen1Wk2|${MALE}|${DEFAULT}`,
        ])
    })

    it('take the period from the vaccination date, never from dateCreated or eventDate', () => {
        const late = vaccination('tt_3', '2023-10-15', {
            eventDate: '2024-01-10T00:00:00.000+06:00',
            dateCreated: '2024-01-10T11:41:59.301+06:00',
        })
        const mother = client({
            baseEntityId: 'mother-1',
            gender: 'Female',
            birthdate: '1997-01-01',
        })
        expect(cells(late, mother)).toEqual([
            `${MONTHLY}|OuFacilityA|202310|ZzUnxW5F3xi|${DEFAULT}|${DEFAULT}`,
        ])
    })

    it('count TT for women in the default COC, even without the mother’s record', () => {
        expect(run(vaccination('tt_2', '2024-01-29'), NO_CLIENT).rows.map((r) => r.cell)).toEqual([
            `${MONTHLY}|OuFacilityA|202401|OaauJlRbzvE|${DEFAULT}|${DEFAULT}`,
        ])
    })

    it('read both IPV spellings through the antigen rules', () => {
        expect(cells(vaccination('fipv_1', '2024-02-20'))).toEqual([
            `${MONTHLY}|OuFacilityA|202402|SJqsOnXdgRg|${MALE}|${DEFAULT}`,
        ])
        expect(cells(vaccination('ipv_2', '2024-03-05'))).toEqual([
            `${MONTHLY}|OuFacilityA|202403|b5eCD9QBQ2w|${MALE}|${DEFAULT}`,
        ])
    })

    it('key a dose by client, antigen and dose, so copies of it share the count key', () => {
        const first = run(vaccination('opv_2', '2024-01-29', { id: 'a', formSubmissionId: 'x' }))
        const copy = run(vaccination('opv_2', '2024-01-30', { id: 'b', formSubmissionId: 'y' }))
        expect(first.rows[0]?.countKey).toBe(copy.rows[0]?.countKey)
        expect(first.rows[0]?.eventKey).toBe('x')
        expect(copy.rows[0]?.eventKey).toBe('y')
    })

    it('use the _id as event key when there is no formSubmissionId', () => {
        const event = vaccination('bcg', '2024-01-10', {
            id: 'only-id',
            formSubmissionId: undefined,
        })
        expect(run(event).rows[0]?.eventKey).toBe('only-id')
    })
})

describe('registrations and birth observations', () => {
    it('count a facility birth under 2.5 kg as a registration, a low weight and a facility birth', () => {
        const event = birthRegistration(FACILITY_BIRTH, '2.4')
        expect(cells(event)).toEqual([
            `${MONTHLY}|OuFacilityA|202401|ieAFUesw47C|${DEFAULT}|${DEFAULT}`,
            `${MONTHLY}|OuFacilityA|202401|Q6gnRLUd9EF|${DEFAULT}|${DEFAULT}`,
            `${MONTHLY}|OuFacilityA|202401|VaQTgvCcLjq|${DEFAULT}|${DEFAULT}`,
            `${WEEKLY}|OuFacilityA|2024W2|kW3nRegWk01|${DEFAULT}|${DEFAULT}`,
        ])
        expect(run(event).rows.map((r) => r.countKey)).toEqual([
            `reg:child-1:${MONTHLY}:ieAFUesw47C`,
            `obs:child-1:${MONTHLY}:Q6gnRLUd9EF`,
            `obs:child-1:${MONTHLY}:VaQTgvCcLjq`,
            `reg:child-1:${WEEKLY}:kW3nRegWk01`,
        ])
    })

    it('count a home birth by its label or by its concept code alone', () => {
        const byLabel = birthRegistration({ value: 'x', label: 'home' }, '3.1')
        const byCode = birthRegistration({ value: HOME_BIRTH.value, label: '' }, '3.1')
        for (const event of [byLabel, byCode]) {
            expect(cells(event)).toContain(
                `${MONTHLY}|OuFacilityA|202401|HlsQYU1Xeok|${DEFAULT}|${DEFAULT}`
            )
        }
    })

    it('does not count 2.5 kg as low, nor a missing weight, and says so for an unreadable one', () => {
        const lbw = `${MONTHLY}|OuFacilityA|202401|Q6gnRLUd9EF|${DEFAULT}|${DEFAULT}`
        expect(cells(birthRegistration(HOME_BIRTH, '2.5'))).not.toContain(lbw)
        const noWeight = run(birthRegistration(HOME_BIRTH, undefined))
        expect(noWeight.rows.map((r) => r.cell)).not.toContain(lbw)
        expect(noWeight.errors).toEqual([])
        const comma = run(birthRegistration(HOME_BIRTH, '2,4'))
        expect(comma.rows).toHaveLength(3)
        expect(comma.errors.map((e) => e.code)).toEqual(['OSRP_BAD_OBS_VALUE'])
    })

    it('take the period from the local date of eventDate in the reporting time zone', () => {
        // 20:00 UTC on 31 January is 1 February in Dhaka.
        const event = birthRegistration(undefined, undefined, {
            eventDate: '2024-01-31T20:00:00.000Z',
            dateCreated: '2024-03-01T10:00:00.000+06:00',
        })
        expect(cells(event)).toEqual([
            `${MONTHLY}|OuFacilityA|202402|ieAFUesw47C|${DEFAULT}|${DEFAULT}`,
            `${WEEKLY}|OuFacilityA|2024W5|kW3nRegWk01|${DEFAULT}|${DEFAULT}`,
        ])
    })

    it('count registrations of a child whose sex is unknown (they are not split by sex)', () => {
        const nameless = client({ gender: undefined })
        const result = run(birthRegistration(HOME_BIRTH, '3.1'), nameless)
        expect(result.rows).toHaveLength(3)
        expect(result.errors).toEqual([])
    })
})

describe('events that rightly count nothing', () => {
    it('skips a Void Event and a voided event', () => {
        const dose = vaccination('opv_2', '2024-01-29')
        expect(run(voidEvent(dose, 200))).toMatchObject({ rows: [], skipped: { reason: 'void' } })
        expect(run({ ...dose, voided: true }).skipped?.reason).toBe('void')
    })

    it('skips Out of Area Service events', () => {
        const service = vaccination('mr_2', '2024-03-05', {
            eventType: 'Out of Area Service - Vaccination',
        })
        expect(run(service).skipped?.reason).toBe('out-of-area-service')
    })

    it('skips the events of a voided (duplicate) client', () => {
        const duplicate = client({ voided: true })
        expect(run(birthRegistration(FACILITY_BIRTH, '2.45'), duplicate).skipped?.reason).toBe(
            'client-voided'
        )
    })

    it('skips doses and event types no indicator asks for, without an error', () => {
        for (const event of [
            vaccination('opv_4', '2024-03-05'),
            vaccination('rota_1', '2024-03-05'),
            vaccination('yf_1', '2024-03-05'),
            vaccination('bcg', '2024-03-05', { eventType: 'Growth Monitoring' }),
        ]) {
            const result = run(event)
            expect(result.errors).toEqual([])
            expect(result.skipped?.reason).toBe('not-counted')
        }
    })

    it('skips vaccinations entirely when no data set counts doses', () => {
        const registrationsOnly = ctx({
            mapping: {
                closeAfterDays: 0,
                dataSets: BD_AGGREGATE_MAPPING.dataSets.map((ds) => ({
                    ...ds,
                    indicators: ds.indicators.filter((rule) => rule.type !== 'dose'),
                })),
            },
        })
        const unknown = vaccination('hepb_1', '2024-03-05')
        expect(run(unknown, client(), registrationsOnly).skipped?.reason).toBe('not-counted')
    })
})

describe('out-of-area doses', () => {
    const site = vaccination('mr_2', '2024-03-05', {
        id: 'site',
        formSubmissionId: 'fs-site',
        locationId: 'loc-b',
        identifiers: { ZEIR_ID: '1036652-8' },
        serverVersion: 10,
    })
    const home = vaccination('mr_2', '2024-03-05', {
        id: 'home',
        formSubmissionId: 'fs-home',
        details: { out_of_catchment_provider_id: 'ha_kichak5' },
        serverVersion: 11,
    })

    it('count at the vaccinating site by default and skip the home copy', () => {
        expect(cells(site)).toEqual([
            `${MONTHLY}|OuFacilityB|202403|DnH6vmVvhlo|${MALE}|${DEFAULT}`,
        ])
        expect(run(home).skipped?.reason).toBe('out-of-area-copy')
    })

    it('count at home when the mapping keeps the home copy', () => {
        const keepHome = ctx({ outOfAreaKeep: 'home' })
        expect(run(site, client(), keepHome).skipped?.reason).toBe('out-of-area-copy')
        expect(cells(home, client(), keepHome)).toEqual([
            `${MONTHLY}|OuFacilityA|202403|DnH6vmVvhlo|${MALE}|${DEFAULT}`,
        ])
    })

    it('share one count key between the copies', () => {
        const keepHome = ctx({ outOfAreaKeep: 'home' })
        expect(run(site).rows[0]?.countKey).toBe(run(home, client(), keepHome).rows[0]?.countKey)
    })

    it('cannot count a dose OpenSRP could not link to a client', () => {
        const unlinked = { ...site, baseEntityId: '' }
        expect(codes(unlinked, NO_CLIENT)).toContain('OSRP_NO_CLIENT')
        expect(run(unlinked, NO_CLIENT).rows).toEqual([])
    })
})

describe('per-record errors', () => {
    it('report an unknown antigen', () => {
        expect(codes(vaccination('hepb_1', '2024-03-05'))).toEqual(['OSRP_UNKNOWN_ANTIGEN'])
    })

    it('report a date that is not yyyy-MM-dd (Bangla digits)', () => {
        expect(codes(vaccination('penta_3', '২০২৪-০২-২৬'))).toEqual(['OSRP_BAD_VACCINATION_DATE'])
    })

    it('report a registration whose eventDate is not a date', () => {
        const event = birthRegistration(HOME_BIRTH, '3.1', { eventDate: '10/01/2024' })
        expect(codes(event)).toEqual(['OSRP_BAD_EVENT_DATE'])
    })

    it('pass on what readVaccination finds wrong (no dose number)', () => {
        const opv = vaccination('opv', '2024-01-10')
        opv.obs = opv.obs.slice(0, 1)
        expect(codes(opv)).toEqual(['OSRP_NO_DOSE'])
    })

    it('report a date after today', () => {
        expect(codes(vaccination('bcg', '2025-07-01'))).toEqual(['OSRP_FUTURE_DATE'])
        expect(codes(vaccination('bcg', '2025-06-30'))).toEqual([])
    })

    it('report a date before the client’s birth, without the birth date in the message', () => {
        const result = run(vaccination('bcg', '2024-01-07'))
        expect(result.errors.map((e) => e.code)).toEqual(['OSRP_DATE_BEFORE_BIRTH'])
        expect(result.errors[0]?.message).not.toContain('2024-01-08')
        expect(result.rows).toEqual([])
    })

    it('compare with the birth date in the reporting time zone, and trust no approximate one', () => {
        // Born 2022-12-04T18:00Z = 5 December in Dhaka.
        const arif = client({ birthdate: '2022-12-04T18:00:00.000Z' })
        expect(codes(vaccination('bcg', '2022-12-04'), arif)).toEqual(['OSRP_DATE_BEFORE_BIRTH'])
        expect(codes(vaccination('bcg', '2022-12-05'), arif)).toEqual([])
        const approx = client({ birthdate: '2024-06-01', birthdateApprox: true })
        expect(codes(vaccination('bcg', '2024-01-10'), approx)).toEqual([])
    })

    it('report a registration before birth too', () => {
        const event = birthRegistration(HOME_BIRTH, '3.1', { eventDate: '2024-01-07T10:00:00.000' })
        expect(codes(event)).toEqual(['OSRP_DATE_BEFORE_BIRTH'])
    })

    it('report a location with no org unit, with the resolver’s code, and a missing location', () => {
        const result = run(vaccination('bcg', '2024-01-10', { locationId: 'loc-unknown' }))
        expect(result.errors).toEqual([
            {
                sourceId: 'fs-1',
                recordKind: 'event',
                kind: 'mapping',
                code: 'OSRP_NO_ORG_UNIT',
                message: 'Location loc-unknown has no org unit.',
            },
        ])
        expect(codes(vaccination('bcg', '2024-01-10', { locationId: undefined }))).toEqual([
            'OSRP_NO_ORG_UNIT',
        ])
    })

    it('report every event-level problem at once', () => {
        const event = vaccination('bcg', '2025-08-01', { locationId: 'nowhere' })
        expect(codes(event)).toEqual(['OSRP_FUTURE_DATE', 'OSRP_NO_ORG_UNIT'])
    })

    it('report an unknown sex once per event and never guess it', () => {
        const unknown = client({ gender: 'U' })
        const result = run(vaccination('penta_1', '2024-02-20'), unknown)
        expect(result.rows).toEqual([])
        expect(result.errors).toEqual([
            expect.objectContaining({
                code: 'OSRP_UNKNOWN_SEX',
                sourceId: 'fs-1',
                orgUnit: 'OuFacilityA',
                period: '202402',
            }),
        ])
        expect(codes(vaccination('bcg', '2024-01-10'), client({ gender: undefined }))).toEqual([
            'OSRP_UNKNOWN_SEX',
        ])
        expect(codes(vaccination('bcg', '2024-01-10'), NO_CLIENT)).toEqual(['OSRP_UNKNOWN_SEX'])
    })

    it('read the sex in any case', () => {
        expect(cells(vaccination('bcg', '2024-01-10'), client({ gender: 'female' }))).toEqual([
            `${MONTHLY}|OuFacilityA|202401|B0jp1RrdN32|${FEMALE}|${DEFAULT}`,
        ])
    })
})

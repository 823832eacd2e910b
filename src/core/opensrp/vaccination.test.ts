/**
 * @jest-environment node
 */
import {
    CHILD_DOSES,
    CONCEPT_DATE,
    CONCEPT_DOSE,
    TT,
    TT_DOSES,
} from '../../../sandbox/opensrp/generator/schedule'
import type { OpenSrpEvent, OpenSrpObs } from '../domain/opensrp'
import { bdAntigenRules } from '../templates/bdAntigens'
import {
    eventKeyOf,
    isOutOfAreaDeviceCopy,
    isOutOfAreaHomeCopy,
    readVaccination,
    VACCINATION_EVENT,
} from './vaccination'

const obs = (
    fieldCode: string,
    field: string,
    value: string | null,
    parentCode = '',
    fieldDataType = fieldCode === CONCEPT_DATE ? 'date' : 'calculate'
): OpenSrpObs => ({
    fieldType: 'concept',
    fieldCode,
    fieldDataType,
    parentCode,
    formSubmissionField: field,
    values: [value],
    humanReadableValues: [],
})

const vaccinationEvent = (list: OpenSrpObs[], extra: Partial<OpenSrpEvent> = {}): OpenSrpEvent => ({
    id: 'event-1',
    baseEntityId: 'child-1',
    eventType: VACCINATION_EVENT,
    eventDate: '2024-01-10T00:00:00.000+06:00',
    identifiers: {},
    details: {},
    obs: list,
    voided: false,
    serverVersion: 1,
    ...extra,
})

/** A dose as the sandbox generator (and the immunization library) writes it. */
const generated = (field: string, parentCode: string, dose: number) =>
    vaccinationEvent([
        obs(CONCEPT_DATE, field, '2024-01-10', parentCode),
        obs(CONCEPT_DOSE, `${field}_dose`, String(dose), parentCode),
    ])

const rules = bdAntigenRules()

describe('readVaccination with the BD antigen rules', () => {
    it.each(CHILD_DOSES.map((d) => [d.field, d.parentCode, d.dose] as const))(
        'reads the generator child dose %s',
        (field, parentCode, dose) => {
            const reading = readVaccination(generated(field, parentCode, dose), rules)
            expect(reading).toMatchObject({ ok: true, value: { dose, date: '2024-01-10', field } })
        }
    )

    it.each(TT_DOSES.map((d) => [d.field, d.dose] as const))(
        'reads the generator mother dose %s as tt',
        (field, dose) => {
            expect(readVaccination(generated(field, TT, dose), rules)).toMatchObject({
                ok: true,
                value: { antigen: 'tt', dose },
            })
        }
    )

    it('names every generated antigen as the BD template expects', () => {
        const antigens = new Set(
            CHILD_DOSES.map((d) => {
                const reading = readVaccination(generated(d.field, d.parentCode, d.dose), rules)
                return reading.ok ? reading.value.antigen : reading.code
            })
        )
        expect([...antigens].sort()).toEqual(['bcg', 'ipv', 'mr', 'opv', 'pcv', 'penta'])
    })

    it('reads the ipv_ spelling some app builds use for fIPV', () => {
        const fipv = CHILD_DOSES.find((d) => d.field === 'fipv_1')
        expect(fipv).toBeDefined()
        const reading = readVaccination(generated('ipv_1', fipv?.parentCode ?? '', 1), rules)
        expect(reading).toMatchObject({ ok: true, value: { antigen: 'ipv', dose: 1 } })
    })

    it('falls back to the field name when the parentCode is missing', () => {
        const event = vaccinationEvent([
            obs(CONCEPT_DATE, 'penta_2', '2024-01-10'),
            obs(CONCEPT_DOSE, 'penta_2_dose', '2'),
        ])
        expect(readVaccination(event, rules)).toMatchObject({
            ok: true,
            value: { antigen: 'penta', dose: 2 },
        })
    })

    it('reads a "Measles 2 / MR 2" dose, whose parentCode holds both codes, as MR', () => {
        const both = `${'36'.padEnd(36, 'A')}/${'162586'.padEnd(36, 'A')}`
        expect(readVaccination(generated('mr_2', both, 2), rules)).toMatchObject({
            ok: true,
            value: { antigen: 'mr', dose: 2 },
        })
        expect(readVaccination(generated('measles_2', both, 2), rules)).toMatchObject({
            ok: true,
            value: { antigen: 'mr' },
        })
    })

    describe('where measles and MR are distinct antigens', () => {
        const split = [
            { antigen: 'measles', parentCodes: ['36'.padEnd(36, 'A')], fieldPrefixes: ['measles'] },
            { antigen: 'mr', parentCodes: ['162586'.padEnd(36, 'A')], fieldPrefixes: ['mr'] },
        ]
        const both = `${'36'.padEnd(36, 'A')}/${'162586'.padEnd(36, 'A')}`

        it('tells them apart by the field name when the parentCode holds both', () => {
            expect(readVaccination(generated('mr_2', both, 2), split)).toMatchObject({
                ok: true,
                value: { antigen: 'mr' },
            })
            expect(readVaccination(generated('measles_2', both, 2), split)).toMatchObject({
                ok: true,
                value: { antigen: 'measles' },
            })
        })

        it('does not guess when the field name names neither', () => {
            expect(readVaccination(generated('vaccine_2', both, 2), split)).toMatchObject({
                ok: false,
                code: 'OSRP_UNKNOWN_ANTIGEN',
            })
        })
    })

    it('reports a vaccine no rule knows', () => {
        expect(readVaccination(generated('hpv_1', '999AAAA', 1), rules)).toMatchObject({
            ok: false,
            code: 'OSRP_UNKNOWN_ANTIGEN',
        })
    })

    it('reports a date in Bangla digits as a bad date', () => {
        const event = vaccinationEvent([
            obs(CONCEPT_DATE, 'penta_3', '২০২৪-০২-২৬', CHILD_DOSES[9]?.parentCode),
            obs(CONCEPT_DOSE, 'penta_3_dose', '3', CHILD_DOSES[9]?.parentCode),
        ])
        expect(readVaccination(event, rules)).toMatchObject({
            ok: false,
            code: 'OSRP_BAD_VACCINATION_DATE',
        })
    })

    it('reports an event without a date obs, and one without a dose', () => {
        expect(readVaccination(vaccinationEvent([]), rules)).toMatchObject({
            ok: false,
            code: 'OSRP_NO_VACCINATION_DATE',
        })
        const noDose = vaccinationEvent([
            obs(CONCEPT_DATE, 'bcg', '2024-01-10', '886'.padEnd(36, 'A')),
        ])
        expect(readVaccination(noDose, rules)).toMatchObject({ ok: false, code: 'OSRP_NO_DOSE' })
    })
})

describe('out-of-area copies (reference §5.3)', () => {
    it('knows the server-made home copy by out_of_catchment_provider_id', () => {
        const home = vaccinationEvent([], {
            details: { out_of_catchment_provider_id: 'ha_kichak5' },
        })
        expect(isOutOfAreaHomeCopy(home)).toBe(true)
        expect(isOutOfAreaDeviceCopy(home)).toBe(false)
    })

    it('knows the vaccinating device copy by the ZEIR_ID (or OPENSRP_ID) it names the child with', () => {
        expect(
            isOutOfAreaDeviceCopy(vaccinationEvent([], { identifiers: { ZEIR_ID: '1036652-8' } }))
        ).toBe(true)
        expect(
            isOutOfAreaDeviceCopy(vaccinationEvent([], { identifiers: { opensrp_id: 'X1' } }))
        ).toBe(true)
    })

    it('takes an ordinary vaccination for neither copy', () => {
        const plain = vaccinationEvent([], { identifiers: { OPENMRS_UUID: 'u' } })
        expect(isOutOfAreaDeviceCopy(plain)).toBe(false)
        expect(isOutOfAreaHomeCopy(plain)).toBe(false)
    })
})

describe('eventKeyOf', () => {
    it('prefers the formSubmissionId, which survives edits and voids', () => {
        expect(eventKeyOf({ id: 'doc', formSubmissionId: 'form' })).toBe('form')
        expect(eventKeyOf({ id: 'doc', formSubmissionId: '' })).toBe('doc')
    })
})

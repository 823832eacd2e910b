/**
 * @jest-environment node
 */
import type { OpenSrpClient } from '../domain/opensrp'
import { createOrgUnitResolver } from '../orgUnits/resolver'
import { bdOrgUnitMapping } from '../templates/bdOrgUnits'
import { bdTrackerMapping } from '../templates/bdTracker'
import { enrollmentUid, trackedEntityUid } from '../uid'
import {
    buildClientPayload,
    type ClientPayloadContext,
    type ClientPayloadResult,
    motherChildRelationshipUid,
} from './buildClientPayload'
import {
    child,
    KA,
    locations,
    mother,
    orgUnits,
    PERSONAL_DATA,
    RAHIMA,
    TANVIR,
} from './testRecords'

const SALT = 'test-salt'
const resolver = createOrgUnitResolver(bdOrgUnitMapping(), locations, orgUnits)

const context = (overrides: Partial<ClientPayloadContext> = {}): ClientPayloadContext => ({
    salt: SALT,
    timeZone: 'Asia/Dhaka',
    today: '2024-06-30',
    mapping: bdTrackerMapping(),
    resolveOrgUnit: resolver.resolve,
    resolveFacilityName: resolver.resolveFacilityName,
    ...overrides,
})

const attributesOf = (result: ClientPayloadResult) =>
    result.outcome === 'built'
        ? Object.fromEntries(result.trackedEntity.attributes.map((a) => [a.attribute, a.value]))
        : {}

const errorsOf = (result: ClientPayloadResult) => (result.outcome === 'failed' ? result.errors : [])
const codesOf = (result: ClientPayloadResult) => errorsOf(result).map((e) => e.code)

describe('buildClientPayload: a child', () => {
    const result = buildClientPayload(child(), context({ mother: mother() }))

    it('becomes a Person at the home facility with deterministic UIDs', () => {
        expect(result.outcome).toBe('built')
        if (result.outcome !== 'built') return
        expect(result.trackedEntity).toMatchObject({
            trackedEntity: trackedEntityUid(SALT, TANVIR),
            trackedEntityType: 'ligA6yGUkYl',
            orgUnit: 'OuKaCentre1',
        })
    })

    it('is enrolled in the child programme on its registration day, with its birth date as incident date', () => {
        expect(result.outcome === 'built' && result.enrollments).toEqual([
            {
                enrollment: enrollmentUid(SALT, TANVIR, 'C15BBx4PSBf'),
                trackedEntity: trackedEntityUid(SALT, TANVIR),
                program: 'C15BBx4PSBf',
                orgUnit: 'OuKaCentre1',
                status: 'ACTIVE',
                enrolledAt: '2024-01-10',
                occurredAt: '2024-01-08',
            },
        ])
    })

    it("carries its OpenSRP ID (baseEntityId), names, sex code, birth date, mother's name and phone as text", () => {
        expect(attributesOf(result)).toEqual({
            caS6LyxoM41: TANVIR,
            QjWOSmGM0J3: 'Md. Tanvir',
            RWxfLv4xPgy: 'Hossain',
            jWSuNC2sfcj: 'MALE',
            hgj3t9ZO6ls: '2024-01-08',
            GKuYUURSRwy: 'Rahima Begum',
            xMUAkcOptlc: '01711000123',
        })
    })

    it('has no relationship: the BD metadata has no mother-child relationship type', () => {
        expect(result.outcome === 'built' && result.relationships).toEqual([])
    })

    it('omits what it does not know instead of sending empty values', () => {
        const attributes = attributesOf(buildClientPayload(child({ lastName: '-' }), context()))
        expect(attributes).not.toHaveProperty('RWxfLv4xPgy')
        expect(attributes).not.toHaveProperty('GKuYUURSRwy')
        expect(attributes).not.toHaveProperty('xMUAkcOptlc')
        expect(Object.values(attributes)).not.toContain('')
    })

    it('reads a birth date in Z as the Dhaka calendar date (Arif: 4 Dec 18:00Z is 5 Dec)', () => {
        const arif = child({
            birthdate: '2022-12-04T18:00:00.000Z',
            dateCreated: '2022-12-08T15:03:10.201+06:00',
        })
        const built = buildClientPayload(arif, context())
        expect(attributesOf(built)['hgj3t9ZO6ls']).toBe('2022-12-05')
        expect(built.outcome === 'built' && built.enrollments[0]?.occurredAt).toBe('2022-12-05')
    })

    it('gives the same payload every time (a rerun updates, never duplicates)', () => {
        expect(buildClientPayload(child(), context({ mother: mother() }))).toEqual(result)
    })
})

describe('buildClientPayload: a mother', () => {
    const result = buildClientPayload(mother(), context())

    it('is placed at the facility her address names (she has no locationId)', () => {
        expect(result.outcome === 'built' && result.trackedEntity.orgUnit).toBe('OuKaCentre1')
    })

    it('is enrolled in the maternal TT programme without an incident date', () => {
        expect(result.outcome === 'built' && result.enrollments).toEqual([
            {
                enrollment: enrollmentUid(SALT, RAHIMA, 'HTqzpjctuad'),
                trackedEntity: trackedEntityUid(SALT, RAHIMA),
                program: 'HTqzpjctuad',
                orgUnit: 'OuKaCentre1',
                status: 'ACTIVE',
                enrolledAt: '2024-01-10',
            },
        ])
    })

    it('carries her own phone and sex', () => {
        expect(attributesOf(result)).toMatchObject({
            jWSuNC2sfcj: 'FEMALE',
            xMUAkcOptlc: '01711000123',
        })
    })

    it('has no home facility when neither locationId nor address facility is known', () => {
        const noAddress = mother({ addresses: [] })
        expect(codesOf(buildClientPayload(noAddress, context()))).toEqual(['OSRP_NO_ORG_UNIT'])
    })

    it('ignores the address when the mapping names no address field', () => {
        const mapping = { ...bdTrackerMapping(), addressFacilityField: undefined }
        expect(codesOf(buildClientPayload(mother(), context({ mapping })))).toEqual([
            'OSRP_NO_ORG_UNIT',
        ])
    })
})

describe('buildClientPayload: clients that are not sent', () => {
    it('skips a voided client (a duplicate registration), distinctly from an error', () => {
        expect(buildClientPayload(child({ voided: true }), context())).toMatchObject({
            outcome: 'skipped',
            reason: 'voided',
        })
    })

    it('skips a client no programme takes', () => {
        expect(buildClientPayload(mother({ identifiers: {} }), context())).toMatchObject({
            outcome: 'skipped',
            reason: 'no-program',
        })
    })
})

describe('buildClientPayload: per-record errors', () => {
    const expectPlainMessages = (errors: ReturnType<typeof errorsOf>) => {
        for (const error of errors) {
            expect(error).toMatchObject({ sourceId: TANVIR, recordKind: 'client', kind: 'mapping' })
            for (const personal of PERSONAL_DATA) expect(error.message).not.toContain(personal)
        }
    }

    it('reports a child without sex (B/O Nasrin) as a missing mandatory value, named by meaning', () => {
        const errors = errorsOf(buildClientPayload(child({ gender: undefined }), context()))
        expect(errors.map((e) => e.code)).toEqual(['OSRP_MISSING_VALUE'])
        expect(errors[0]?.message).toMatch(/no sex \(attribute jWSuNC2sfcj\)/)
        expect(errors[0]?.orgUnit).toBe('OuKaCentre1')
        expectPlainMessages(errors)
    })

    it('reports an unknown gender as an unknown option', () => {
        const errors = errorsOf(buildClientPayload(child({ gender: 'Other' }), context()))
        expect(errors.map((e) => e.code)).toEqual(['OSRP_UNKNOWN_OPTION'])
        expect(errors[0]?.message).toMatch(/sex .*"Other" has no option code/)
    })

    it('reports an invalid birth date once for the attribute and once for the incident date', () => {
        const errors = errorsOf(buildClientPayload(child({ birthdate: '08/01/2024' }), context()))
        expect(errors.map((e) => e.code)).toEqual(['OSRP_BAD_DATE', 'OSRP_BAD_DATE'])
        expectPlainMessages(errors)
    })

    it('reports a birth date after today (E1021 otherwise), never clamping it', () => {
        const errors = errorsOf(
            buildClientPayload(child({ birthdate: '2024-07-02T00:00:00.000+06:00' }), context())
        )
        expect(errors.map((e) => e.code)).toEqual(['OSRP_FUTURE_DATE'])
        expect(errors[0]?.message).toMatch(/after today \(2024-06-30\)/)
    })

    it('reports a registration date after today (E1020 otherwise)', () => {
        const errors = errorsOf(
            buildClientPayload(mother({ dateCreated: '2024-07-01T00:30:00.000+06:00' }), context())
        )
        expect(errors.map((e) => e.code)).toEqual(['OSRP_FUTURE_DATE'])
    })

    it('reports a missing registration date', () => {
        expect(codesOf(buildClientPayload(mother({ dateCreated: undefined }), context()))).toEqual([
            'OSRP_MISSING_VALUE',
        ])
    })

    it('reports a client whose home facility maps to no org unit, without an org unit', () => {
        const errors = errorsOf(
            buildClientPayload(child({ locationId: 'unmapped-location' }), context())
        )
        expect(errors.map((e) => e.code)).toEqual(['OSRP_NO_ORG_UNIT'])
        expect(errors[0]?.orgUnit).toBeUndefined()
        expect(errors[0]?.message).toMatch(/unmapped-location/)
    })

    it('reports a facility that maps to two org units as ambiguous', () => {
        const twin = createOrgUnitResolver(bdOrgUnitMapping(), locations, [
            ...orgUnits,
            {
                id: 'OuKaTwin001',
                name: 'Twin',
                attributeValues: [{ attribute: 'DdF4IJAsTOS', value: KA }],
            },
        ])
        const result = buildClientPayload(child(), context({ resolveOrgUnit: twin.resolve }))
        expect(codesOf(result)).toEqual(['OSRP_AMBIGUOUS_ORG_UNIT'])
    })

    it('reports every problem of a client at once', () => {
        const broken: OpenSrpClient = child({
            gender: undefined,
            firstName: ' ',
            locationId: 'nowhere',
        })
        expect(codesOf(buildClientPayload(broken, context())).sort()).toEqual([
            'OSRP_MISSING_VALUE',
            'OSRP_MISSING_VALUE',
            'OSRP_NO_ORG_UNIT',
        ])
    })

    it('refuses a mapping that gives no OpenSRP ID', () => {
        const mapping = bdTrackerMapping()
        mapping.attributes = mapping.attributes.filter((a) => a.attribute !== mapping.idAttribute)
        const errors = errorsOf(buildClientPayload(child(), context({ mapping })))
        expect(errors.map((e) => e.code)).toEqual(['OSRP_MISSING_VALUE'])
        expect(errors[0]?.message).toMatch(/OpenSRP ID attribute caS6LyxoM41/)
    })
})

describe('buildClientPayload: the mother-child relationship', () => {
    const mapping = { ...bdTrackerMapping(), motherChildRelationshipType: 'RelTypeMoCh' }

    it('links mother to child with a deterministic UID when the metadata has a type', () => {
        const result = buildClientPayload(child(), context({ mapping }))
        expect(result.outcome === 'built' && result.relationships).toEqual([
            {
                relationship: motherChildRelationshipUid(SALT, 'RelTypeMoCh', RAHIMA, TANVIR),
                relationshipType: 'RelTypeMoCh',
                from: { trackedEntity: { trackedEntity: trackedEntityUid(SALT, RAHIMA) } },
                to: { trackedEntity: { trackedEntity: trackedEntityUid(SALT, TANVIR) } },
            },
        ])
    })

    it('is not made for a mother, nor towards a voided mother', () => {
        const forMother = buildClientPayload(mother(), context({ mapping }))
        expect(forMother.outcome === 'built' && forMother.relationships).toEqual([])
        const voided = buildClientPayload(
            child(),
            context({ mapping, mother: mother({ voided: true }) })
        )
        expect(voided.outcome === 'built' && voided.relationships).toEqual([])
    })
})

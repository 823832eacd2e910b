/**
 * @jest-environment node
 */
import { readFileSync } from 'fs'
import path from 'path'
import type { OpenSrpLocation } from '../domain/opensrp'
import { bdOrgUnitMapping } from '../templates/bdOrgUnits'
import { autoMatchLocations } from './autoMatchLocations'
import type { Dhis2OrgUnit } from './types'

interface RawLocation {
    id: string
    properties: { name: string; code?: string; status?: 'Active' | 'Inactive' }
}

const fixture = path.resolve(__dirname, '../../../test/fixtures/opensrp/locations.json')
const rawLocations: RawLocation[] = JSON.parse(readFileSync(fixture, 'utf8'))
const locations: OpenSrpLocation[] = rawLocations.map((raw) => ({
    id: raw.id,
    name: raw.properties.name,
    ...(raw.properties.code !== undefined ? { code: raw.properties.code } : {}),
    status: raw.properties.status ?? 'Active',
    tags: [],
}))

const KA = '52995019-12fc-4844-a9f8-4cd6da43d54e'
const KHA = '0eda413e-1e60-43a9-9294-effec7e3c61f'
const KICHAK = '85d4d951-3eaa-479e-a482-b9183234206c'

/** A DHIS2 side for the fixture's Shibganj centres: one by attribute, one by code, two by one name. */
const orgUnits: Dhis2OrgUnit[] = [
    {
        id: 'kaCentre001',
        name: 'EPI 3/Ka',
        attributeValues: [{ attribute: 'DdF4IJAsTOS', value: KA }],
    },
    { id: 'khaCentre01', name: 'EPI 3/Kha', code: '5010946903-kha', attributeValues: [] },
    { id: 'kichakA0001', name: 'Kichak Ward-5 EPI Centre 5/Ka', attributeValues: [] },
    { id: 'kichakB0001', name: 'Kichak Ward-5 EPI Centre 5/Ka', attributeValues: [] },
]

describe('autoMatchLocations over the fixture locations', () => {
    const rows = autoMatchLocations(bdOrgUnitMapping(), locations, orgUnits)
    const row = (id: string) => rows.find((r) => r.locationId === id)

    it('lists every OpenSRP location once, inactive ones included', () => {
        expect(rows).toHaveLength(locations.length)
        expect(rows.map((r) => r.status)).toContain('Inactive')
    })

    it('shows how each matched location was matched', () => {
        expect(row(KA)?.match).toMatchObject({
            orgUnit: { id: 'kaCentre001' },
            matchedBy: 'attribute',
        })
        expect(row(KHA)?.match).toMatchObject({ orgUnit: { id: 'khaCentre01' }, matchedBy: 'code' })
        expect(row(KHA)?.locationCode).toBe('5010946903-KHA')
    })

    it('gives an ambiguous location both candidates and no match', () => {
        const kichak = row(KICHAK)
        expect(kichak?.match).toBeUndefined()
        expect(kichak?.problem?.code).toBe('OSRP_AMBIGUOUS_ORG_UNIT')
        expect(kichak?.candidates.map((c) => c.orgUnit.id)).toEqual(['kichakA0001', 'kichakB0001'])
    })

    it('marks the rest as unmatched, with the reason', () => {
        const unmatched = rows.filter((r) => r.problem?.code === 'OSRP_NO_ORG_UNIT')
        expect(unmatched).toHaveLength(locations.length - 3)
        expect(unmatched.every((r) => r.candidates.length === 0)).toBe(true)
    })

    it('shows the candidates of weaker rules next to a match, for review', () => {
        const [first] = autoMatchLocations(
            bdOrgUnitMapping(),
            [{ id: KA, name: 'EPI 3/Kha', status: 'Active', tags: [] }],
            orgUnits
        )
        expect(first?.match?.orgUnit.id).toBe('kaCentre001')
        expect(first?.candidates.map((c) => `${c.orgUnit.id} ${c.matchedBy}`)).toEqual([
            'kaCentre001 attribute',
            'khaCentre01 name',
        ])
    })
})

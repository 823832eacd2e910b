/**
 * @jest-environment node
 */
import type { OrgUnitMapping } from '../config/types'
import type { OpenSrpLocation } from '../domain/opensrp'
import { bdOrgUnitMapping } from '../templates/bdOrgUnits'
import { createOrgUnitResolver } from './resolver'
import type { Dhis2OrgUnit, OrgUnitResolution } from './types'

const ATTR = 'DdF4IJAsTOS'

const location = (id: string, name: string, code?: string): OpenSrpLocation => ({
    id,
    name,
    ...(code !== undefined ? { code } : {}),
    status: 'Active',
    tags: [],
})

const orgUnit = (
    id: string,
    name: string,
    code?: string,
    locationAttribute?: string
): Dhis2OrgUnit => ({
    id,
    name,
    ...(code !== undefined ? { code } : {}),
    attributeValues: locationAttribute ? [{ attribute: ATTR, value: locationAttribute }] : [],
})

const okId = (resolution: OrgUnitResolution) =>
    resolution.ok ? `${resolution.orgUnit.id} by ${resolution.matchedBy}` : resolution.code

describe('createOrgUnitResolver with the BD rules', () => {
    const units = [
        orgUnit('yI54G6cBAtY', 'Mouchak Ward 1 EPI Centre', 'EPI_MOUCHAK_W1', 'loc-attr-1'),
        orgUnit('YA71Hl4qHqf', 'Mouchak Ward 2 EPI Centre', 'EPI_MOUCHAK_W2'),
        orgUnit('Pe7dSEo3ZQ0', 'Mouchak Ward 3 EPI Centre', 'EPI_MOUCHAK_W3'),
        orgUnit('tpbvYgRmDd3', 'Ward 4 EPI Centre', 'EPI_W4_A'),
        orgUnit('xSZ5meOiZ6S', 'Ward 4 EPI Centre', 'EPI_W4_B'),
    ]
    const locations = [
        location('loc-attr-1', 'Somewhere else', 'EPI_MOUCHAK_W2'),
        location('loc-code-2', 'Not the name', '  epi_mouchak_w2 '),
        location('loc-name-3', '  mouchak   WARD 3 epi centre'),
        location('loc-twins', 'Ward 4 EPI Centre'),
        location('loc-none', 'Nowhere EPI Centre', 'NOPE'),
    ]
    const resolver = createOrgUnitResolver(bdOrgUnitMapping(), locations, units)

    it('takes a location id that is an org unit UID as that org unit', () => {
        expect(okId(resolver.resolve('Pe7dSEo3ZQ0'))).toBe('Pe7dSEo3ZQ0 by uid')
    })

    it('finds the org unit whose "OpenSRP location ID" attribute holds the location id, before code or name', () => {
        expect(okId(resolver.resolve('loc-attr-1'))).toBe('yI54G6cBAtY by attribute')
    })

    it('matches codes ignoring case and surrounding spaces', () => {
        expect(okId(resolver.resolve('loc-code-2'))).toBe('YA71Hl4qHqf by code')
    })

    it('matches names ignoring case and repeated spaces', () => {
        expect(okId(resolver.resolve('loc-name-3'))).toBe('Pe7dSEo3ZQ0 by name')
    })

    it('refuses to guess between two org units of the same name', () => {
        const resolution = resolver.resolve('loc-twins')
        expect(resolution).toMatchObject({ ok: false, code: 'OSRP_AMBIGUOUS_ORG_UNIT' })
        expect(!resolution.ok && resolution.message).toMatch(/tpbvYgRmDd3, xSZ5meOiZ6S/)
    })

    it('reports a location that matches nothing, naming the rules it tried', () => {
        const resolution = resolver.resolve('loc-none')
        expect(resolution).toMatchObject({ ok: false, code: 'OSRP_NO_ORG_UNIT' })
        expect(!resolution.ok && resolution.message).toMatch(
            /loc-none \("Nowhere EPI Centre"\).*by uid, by attribute DdF4IJAsTOS, by code, by name/
        )
    })

    it('reports an id OpenSRP did not list and DHIS2 does not know', () => {
        const resolution = resolver.resolve('ghost-location')
        expect(resolution).toMatchObject({ ok: false, code: 'OSRP_NO_ORG_UNIT' })
        expect(!resolution.ok && resolution.message).toMatch(
            /not among the locations OpenSRP listed/
        )
    })

    it('reports an empty location id', () => {
        expect(resolver.resolve('  ')).toMatchObject({ ok: false, code: 'OSRP_NO_ORG_UNIT' })
    })

    it('gives the same answer object for a location asked twice (indexed and cached)', () => {
        expect(resolver.resolve('loc-code-2')).toBe(resolver.resolve('loc-code-2'))
    })

    it('can be passed on as a plain function', () => {
        const { resolve } = resolver
        expect(okId(resolve('loc-code-2'))).toBe('YA71Hl4qHqf by code')
    })
})

describe('explicit entries', () => {
    const units = [orgUnit('yI54G6cBAtY', 'A', 'A'), orgUnit('YA71Hl4qHqf', 'B', 'B')]
    const locations = [location('loc-1', 'A', 'A')]

    it('win over every rule', () => {
        const mapping: OrgUnitMapping = {
            explicit: { 'loc-1': 'YA71Hl4qHqf' },
            rules: [{ by: 'code' }],
        }
        expect(okId(createOrgUnitResolver(mapping, locations, units).resolve('loc-1'))).toBe(
            'YA71Hl4qHqf by explicit'
        )
    })

    it('pointing at an org unit DHIS2 did not return are an error, not a fall-through to the rules', () => {
        const mapping: OrgUnitMapping = {
            explicit: { 'loc-1': 'gonegonegon' },
            rules: [{ by: 'code' }],
        }
        const resolution = createOrgUnitResolver(mapping, locations, units).resolve('loc-1')
        expect(resolution).toMatchObject({ ok: false, code: 'OSRP_NO_ORG_UNIT' })
        expect(!resolution.ok && resolution.message).toMatch(/gonegonegon/)
    })
})

describe('rule order', () => {
    it('stops at the first rule that finds anything: an ambiguous code is not settled by the name', () => {
        const units = [orgUnit('aaaaaaaaaa1', 'Twin', 'X'), orgUnit('bbbbbbbbbb2', 'Other', 'x ')]
        const resolver = createOrgUnitResolver(
            { explicit: {}, rules: [{ by: 'code' }, { by: 'name' }] },
            [location('loc', 'Other', 'X')],
            units
        )
        expect(resolver.resolve('loc')).toMatchObject({
            ok: false,
            code: 'OSRP_AMBIGUOUS_ORG_UNIT',
        })
    })

    it('follows the configured order (name before code when so configured)', () => {
        const units = [orgUnit('aaaaaaaaaa1', 'By name', 'C1'), orgUnit('bbbbbbbbbb2', 'B', 'CODE')]
        const locations = [location('loc', 'By name', 'CODE')]
        const nameFirst = createOrgUnitResolver(
            { explicit: {}, rules: [{ by: 'name' }, { by: 'code' }] },
            locations,
            units
        )
        expect(okId(nameFirst.resolve('loc'))).toBe('aaaaaaaaaa1 by name')
    })

    it('does not mistake one org unit listed twice (paged reads) for two', () => {
        const unit = orgUnit('aaaaaaaaaa1', 'Same', 'S')
        const resolver = createOrgUnitResolver(
            { explicit: {}, rules: [{ by: 'code' }] },
            [location('loc', 'Same', 'S')],
            [unit, { ...unit }]
        )
        expect(okId(resolver.resolve('loc'))).toBe('aaaaaaaaaa1 by code')
    })
})

describe('resolveFacilityName (a client known only by the facility in its address)', () => {
    const units = [orgUnit('yI54G6cBAtY', 'Mouchak Ward 1 EPI Centre', 'EPI_MOUCHAK_W1')]
    const locations = [
        location('loc-1', 'Mokamtola Ward-3 EPI Centre 3/Ka', 'EPI_MOUCHAK_W1'),
        location('loc-2', 'Twin Centre'),
        location('loc-3', 'twin centre'),
    ]
    const resolver = createOrgUnitResolver(bdOrgUnitMapping(), locations, units)

    it('finds the OpenSRP location of that name and resolves it', () => {
        expect(okId(resolver.resolveFacilityName('mokamtola ward-3 EPI Centre 3/Ka'))).toBe(
            'yI54G6cBAtY by code'
        )
    })

    it('reports a name no OpenSRP location has', () => {
        expect(resolver.resolveFacilityName('Unknown Centre')).toMatchObject({
            ok: false,
            code: 'OSRP_NO_ORG_UNIT',
        })
    })

    it('refuses to choose between two OpenSRP locations of the same name', () => {
        expect(resolver.resolveFacilityName('Twin Centre')).toMatchObject({
            ok: false,
            code: 'OSRP_AMBIGUOUS_ORG_UNIT',
        })
    })
})

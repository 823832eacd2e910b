/** @jest-environment node */
import { orgUnitIdOf, scopeKey, scopeRoots, scopesOverlap } from './scope'

const DHAKA = '/BDroot00001/Dhaka000001'
const FACILITY = '/BDroot00001/Dhaka000001/Savar000001/Fac00000001'
const SYLHET = '/BDroot00001/Sylhet00001'

describe('the scope key', () => {
    it('is `all` for the whole country', () => {
        expect(scopeKey({ streams: 'both' })).toBe('all')
        expect(scopeKey({ streams: 'tracker', orgUnits: [] })).toBe('all')
    })

    it('names a single subtree by its root UID, whether given as a UID or a path', () => {
        expect(scopeKey({ streams: 'tracker', orgUnits: ['Dhaka000001'] })).toBe('ou-Dhaka000001')
        expect(scopeKey({ streams: 'aggregate', orgUnits: [DHAKA] })).toBe('ou-Dhaka000001')
    })

    it('ignores streams and periods, so tracker, aggregate and both runs of one subtree share a lock', () => {
        const keys = new Set(
            (['tracker', 'aggregate', 'both'] as const).map((streams) =>
                scopeKey({
                    streams,
                    orgUnits: [DHAKA],
                    periods: streams === 'both' ? ['202401'] : [],
                })
            )
        )
        expect(keys.size).toBe(1)
    })

    it('hashes several roots into a short key that does not depend on their order', () => {
        const key = scopeKey({ streams: 'both', orgUnits: [DHAKA, 'Sylhet00001'] })
        expect(key).toMatch(/^ous-[0-9a-f]{12}$/)
        expect(scopeKey({ streams: 'both', orgUnits: ['Sylhet00001', 'Dhaka000001'] })).toBe(key)
        expect(scopeKey({ streams: 'both', orgUnits: ['Sylhet00001'] })).not.toBe(key)
    })

    it('stays dataStore-safe for odd input', () => {
        expect(scopeKey({ streams: 'both', orgUnits: ['a b/../c?d'] })).toMatch(
            /^ous-[0-9a-f]{12}$/
        )
    })

    it('lists the roots as sorted, distinct UIDs', () => {
        expect(scopeRoots({ streams: 'both', orgUnits: [SYLHET, DHAKA, 'Dhaka000001'] })).toEqual([
            'Dhaka000001',
            'Sylhet00001',
        ])
        expect(orgUnitIdOf(FACILITY)).toBe('Fac00000001')
    })
})

describe('overlapping scopes', () => {
    it('the whole country overlaps every subtree', () => {
        expect(
            scopesOverlap({ streams: 'tracker' }, { streams: 'aggregate', orgUnits: [SYLHET] })
        ).toBe(true)
    })

    it('a district overlaps a facility below it, known from the path', () => {
        expect(
            scopesOverlap(
                { streams: 'both', orgUnits: [DHAKA] },
                { streams: 'both', orgUnits: [FACILITY] }
            )
        ).toBe(true)
    })

    it('two sibling districts do not overlap', () => {
        expect(
            scopesOverlap(
                { streams: 'both', orgUnits: [DHAKA] },
                { streams: 'both', orgUnits: [SYLHET] }
            )
        ).toBe(false)
    })
})

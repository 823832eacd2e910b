import { isRunVisible } from '../../core/runs/visibility'
import { PATHS } from '../testing/fixtures'
import { admin, nurse } from '../testing/users'
import { accessOf } from '../user/access'
import { scopeCoversUser, viewerFor } from './orgUnitVisibility'

const W1_PATH = PATHS.yI54G6cBAtY
const W2_PATH = PATHS.YA71Hl4qHqf
const pathOf = (id: string): string | undefined =>
    Object.entries(PATHS).find(([known]) => known === id)?.[1]

describe('scopeCoversUser', () => {
    it('counts a whole-country run as covering everyone', () => {
        expect(scopeCoversUser(undefined, [W1_PATH], ['yI54G6cBAtY'])).toBe(true)
    })

    it('counts a run over the union above the facility', () => {
        expect(scopeCoversUser(['TJVyV3rXr9T'], [W1_PATH], ['yI54G6cBAtY'])).toBe(true)
    })

    it('does not count a run over the neighbouring facility', () => {
        expect(scopeCoversUser([W2_PATH], [W1_PATH], ['yI54G6cBAtY'])).toBe(false)
        expect(scopeCoversUser(['YA71Hl4qHqf'], [W1_PATH], ['yI54G6cBAtY'])).toBe(false)
    })

    it('counts a run below a district user', () => {
        expect(scopeCoversUser([W2_PATH], ['/NWRRJHHp571/U2aENHhynLg'], ['U2aENHhynLg'])).toBe(true)
    })
})

describe('viewerFor', () => {
    it('lets a superuser see everything (no viewer)', () => {
        expect(viewerFor(accessOf(admin), pathOf)).toBeUndefined()
    })

    it('shows the nurse a run that failed in her facility, not one that failed only next door', () => {
        const viewer = viewerFor(accessOf(nurse), pathOf)
        if (!viewer) throw new Error('a nurse has a viewer')
        const scope = { streams: 'both' as const, orgUnits: ['TJVyV3rXr9T'] }
        expect(
            isRunVisible(
                { scope: { streams: 'both', orgUnits: [W2_PATH] }, orgUnits: ['yI54G6cBAtY'] },
                viewer
            )
        ).toBe(true)
        expect(
            isRunVisible(
                { scope: { streams: 'both', orgUnits: [W2_PATH] }, orgUnits: ['YA71Hl4qHqf'] },
                viewer
            )
        ).toBe(false)
        expect(isRunVisible({ scope, orgUnits: [] }, viewer)).toBe(true)
    })
})

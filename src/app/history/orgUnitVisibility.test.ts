import { isInSubtrees, scopeCoversUser } from './orgUnitVisibility'

const W1_PATH = '/NWRRJHHp571/U2aENHhynLg/EeDkgKENX6e/MwcEYcUHllt/TJVyV3rXr9T/yI54G6cBAtY'
const W2_PATH = '/NWRRJHHp571/U2aENHhynLg/EeDkgKENX6e/MwcEYcUHllt/TJVyV3rXr9T/YA71Hl4qHqf'

describe('isInSubtrees', () => {
    it('keeps a facility for its own nurse and for the national admin', () => {
        expect(isInSubtrees(W1_PATH, ['yI54G6cBAtY'])).toBe(true)
        expect(isInSubtrees(W1_PATH, ['NWRRJHHp571'])).toBe(true)
    })

    it('hides the neighbouring facility from the nurse', () => {
        expect(isInSubtrees(W2_PATH, ['yI54G6cBAtY'])).toBe(false)
    })

    it('hides an org unit whose path is unknown', () => {
        expect(isInSubtrees(undefined, ['yI54G6cBAtY'])).toBe(false)
    })
})

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

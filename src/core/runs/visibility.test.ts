/** @jest-environment node */
import { isRunVisible, visibleThroughPaths } from './visibility'

const paths: Record<string, string> = {
    Dhaka000001: '/BDroot00001/Dhaka000001',
    FacDhaka001: '/BDroot00001/Dhaka000001/FacDhaka001',
    FacSylhet01: '/BDroot00001/Sylhet00001/FacSylhet01',
}
const districtUser = visibleThroughPaths(['Dhaka000001'], (id) => paths[id])

describe('org unit visibility through paths', () => {
    it('shows a district user the district and the facilities below it, nothing else', () => {
        expect(
            ['Dhaka000001', 'FacDhaka001', 'FacSylhet01', 'BDroot00001'].map(districtUser)
        ).toEqual([true, true, false, false])
    })

    it('shows an org unit of unknown path only to a user who has it', () => {
        expect(districtUser('Unknown0001')).toBe(false)
        expect(visibleThroughPaths(['Unknown0001'], () => undefined)('Unknown0001')).toBe(true)
    })
})

describe('which runs a user sees', () => {
    const viewer = { visibleOrgUnit: districtUser }

    it('a whole-country run, and a run whose root or errors they may see', () => {
        expect(isRunVisible({ scope: { streams: 'both' }, orgUnits: [] }, viewer)).toBe(true)
        expect(
            isRunVisible(
                { scope: { streams: 'both', orgUnits: ['FacDhaka001'] }, orgUnits: [] },
                viewer
            )
        ).toBe(true)
        expect(
            isRunVisible(
                {
                    scope: { streams: 'both', orgUnits: ['Sylhet00001'] },
                    orgUnits: ['FacDhaka001'],
                },
                viewer
            )
        ).toBe(true)
    })

    it("not another district's run", () => {
        expect(
            isRunVisible(
                {
                    scope: { streams: 'both', orgUnits: ['Sylhet00001'] },
                    orgUnits: ['FacSylhet01'],
                },
                viewer
            )
        ).toBe(false)
    })
})

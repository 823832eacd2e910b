/**
 * @jest-environment node
 */
import { bdTrackerMapping } from '../templates/bdTracker'
import { matchesSelector, selectPrograms } from './selectPrograms'
import { child, mother } from './testRecords'

const programsOf = (...args: Parameters<typeof selectPrograms>) =>
    selectPrograms(...args).map((p) => p.program)

describe('selectPrograms with the BD template', () => {
    const mapping = bdTrackerMapping()

    it('sends a child (has a mother relationship) to the child programme', () => {
        expect(programsOf(child(), mapping)).toEqual(['C15BBx4PSBf'])
    })

    it('sends a woman registered with an M_ZEIR_ID to the maternal TT programme', () => {
        expect(programsOf(mother(), mapping)).toEqual(['HTqzpjctuad'])
        expect(programsOf(mother({ identifiers: { m_zeir_id: 'x_mother' } }), mapping)).toEqual([
            'HTqzpjctuad',
        ])
    })

    it('never takes a child for a mother, even with an M_ZEIR_ID', () => {
        expect(programsOf(child({ identifiers: { M_ZEIR_ID: 'x' } }), mapping)).toEqual([
            'C15BBx4PSBf',
        ])
    })

    it('sends a client with neither mark nowhere (a household, say)', () => {
        expect(programsOf(mother({ identifiers: {} }), mapping)).toEqual([])
    })

    it("takes a woman the caller knows to be someone's mother, or typed as one", () => {
        const plain = mother({ identifiers: {} })
        expect(programsOf(plain, mapping, { referencedAsMother: true })).toEqual(['HTqzpjctuad'])
        expect(programsOf(mother({ identifiers: {}, clientType: 'Mother' }), mapping)).toEqual([
            'HTqzpjctuad',
        ])
    })

    it('does not take a male client for a mother', () => {
        expect(
            programsOf(mother({ gender: 'Male' }), mapping, { referencedAsMother: true })
        ).toEqual([])
    })
})

describe('matchesSelector', () => {
    it('matches clientType ignoring case, and all', () => {
        expect(
            matchesSelector(mother({ clientType: 'household' }), {
                type: 'clientType',
                value: 'Household',
            })
        ).toBe(true)
        expect(matchesSelector(mother(), { type: 'clientType', value: 'Household' })).toBe(false)
        expect(matchesSelector(mother(), { type: 'all' })).toBe(true)
    })

    it('lets a deployment name its own mother identifiers', () => {
        const woman = mother({ identifiers: { WOMAN_ID: 'w-1' } })
        expect(matchesSelector(woman, { type: 'mother' })).toBe(false)
        expect(matchesSelector(woman, { type: 'mother', identifiers: ['woman_id'] })).toBe(true)
    })
})

/**
 * @jest-environment node
 */
import { motherIdOf, readValue, valueIgnoringCase } from './readValue'
import { child, mother, RAHIMA } from './testRecords'

describe('readValue', () => {
    it('reads the baseEntityId and client fields', () => {
        expect(readValue(child(), { from: 'baseEntityId' }, {})).toBe(child().baseEntityId)
        expect(readValue(child(), { from: 'field', field: 'gender' }, {})).toBe('Male')
    })

    it('treats absent and blank values alike: nothing to send', () => {
        expect(
            readValue(child({ gender: undefined }), { from: 'field', field: 'gender' }, {})
        ).toBe(undefined)
        expect(
            readValue(child({ lastName: '   ' }), { from: 'field', field: 'lastName' }, {})
        ).toBe(undefined)
    })

    it('reads identifiers whatever the key case', () => {
        expect(readValue(child(), { from: 'identifier', name: 'zeir_id' }, {})).toBe('1042217-3')
    })

    it('prefers the exact key when two keys differ only in case (Nasrin has both)', () => {
        const nasrin = mother({
            identifiers: { m_zeir_id: '1042231-2_mother', M_ZEIR_ID: '1036652-8_mother' },
        })
        expect(readValue(nasrin, { from: 'identifier', name: 'M_ZEIR_ID' }, {})).toBe(
            '1036652-8_mother'
        )
        expect(valueIgnoringCase({ b: 'x', B: 'y' }, 'm')).toBeUndefined()
    })

    it('reads attributes and turns numbers and booleans into text', () => {
        expect(readValue(mother(), { from: 'attribute', name: 'phonenumber' }, {})).toBe(
            '01711000123'
        )
        expect(
            readValue(
                mother({ attributes: { weight: 2.5 } }),
                { from: 'attribute', name: 'weight' },
                {}
            )
        ).toBe('2.5')
    })

    it('takes the first source that has a value', () => {
        const source = {
            from: 'firstOf' as const,
            sources: [
                { from: 'identifier' as const, name: 'OPENSRP_ID' },
                { from: 'identifier' as const, name: 'ZEIR_ID' },
            ],
        }
        expect(readValue(child(), source, {})).toBe('1042217-3')
    })

    it('joins the non-empty parts of a concatenation', () => {
        const source = {
            from: 'concat' as const,
            sources: [
                { from: 'field' as const, field: 'firstName' as const },
                { from: 'field' as const, field: 'middleName' as const },
                { from: 'field' as const, field: 'lastName' as const },
            ],
            separator: ' ',
        }
        expect(readValue(mother(), source, {})).toBe('Rahima Begum')
        expect(readValue(mother({ firstName: '', lastName: '' }), source, {})).toBeUndefined()
    })

    it('reads the mother the client names, and only her', () => {
        const source = {
            from: 'mother' as const,
            source: { from: 'field' as const, field: 'firstName' as const },
        }
        expect(readValue(child(), source, { mother: mother() })).toBe('Rahima')
        expect(readValue(child(), source, {})).toBeUndefined()
        expect(
            readValue(child(), source, { mother: mother({ baseEntityId: 'someone-else' }) })
        ).toBeUndefined()
        expect(readValue(child(), source, { mother: mother({ voided: true }) })).toBeUndefined()
    })

    it('reads constants', () => {
        expect(readValue(child(), { from: 'constant', value: 'Child' }, {})).toBe('Child')
    })
})

describe('motherIdOf', () => {
    it('is relationships.mother[0], the key in any case', () => {
        expect(motherIdOf(child())).toBe(RAHIMA)
        expect(motherIdOf(child({ relationships: { Mother: ['', ' m-2 '] } }))).toBe('m-2')
        expect(motherIdOf(mother())).toBeUndefined()
    })
})

/** @jest-environment node */
import { cellKey, dataSetOfCell, parseCell } from './cell'

const address = {
    dataSet: 'Qnf0P01U3T1',
    orgUnit: 'OuFacility1',
    period: '2025W1',
    dataElement: 'kW3nPen1Wk2',
    categoryOptionCombo: 'ocU7V0kuUHq',
    attributeOptionCombo: 'HllvX50cXC0',
}

describe('cell keys', () => {
    it('write the six coordinates in order and read them back', () => {
        const key = cellKey(address)
        expect(key).toBe('Qnf0P01U3T1|OuFacility1|2025W1|kW3nPen1Wk2|ocU7V0kuUHq|HllvX50cXC0')
        expect(parseCell(key)).toEqual(address)
        expect(dataSetOfCell(key)).toBe('Qnf0P01U3T1')
    })

    it('refuse an empty part or one holding the separator', () => {
        expect(() => cellKey({ ...address, orgUnit: '' })).toThrow(RangeError)
        expect(() => cellKey({ ...address, period: '2024|01' })).toThrow(RangeError)
    })

    it.each(['', 'a|b|c|d|e', 'a|b|c|d|e|f|g', 'a||c|d|e|f'])('do not parse %p', (text) => {
        expect(parseCell(text)).toBeUndefined()
    })
})

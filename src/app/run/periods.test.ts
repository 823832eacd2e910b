import { parsePeriods } from './periods'

describe('parsePeriods', () => {
    it('reads monthly and weekly periods separated by commas or spaces', () => {
        expect(parsePeriods('202401, 202402 2024W5 2024SunW53')).toEqual({
            periods: ['202401', '202402', '2024W5', '2024SunW53'],
            invalid: [],
        })
    })

    it('names what is not a period', () => {
        expect(parsePeriods('202413, 2024W54, January')).toEqual({
            periods: [],
            invalid: ['202413', '2024W54', 'January'],
        })
    })

    it('gives nothing for an empty text', () => {
        expect(parsePeriods('  ')).toEqual({ periods: [], invalid: [] })
    })
})

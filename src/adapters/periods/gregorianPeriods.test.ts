/** @jest-environment node */
import { createArithmeticPeriods } from '../../../test/fakes/arithmeticPeriods'
import type { PeriodType } from '../../core/ports/periods'
import { createGregorianPeriodCalculator } from './gregorianPeriods'

const periods = createGregorianPeriodCalculator()
const span = (date: string, type: PeriodType) => {
    const p = periods.periodOf(date, type)
    return `${p.id} ${p.startDate}..${p.endDate}`
}

describe('monthly periods', () => {
    it('are the calendar month of the date', () => {
        expect(span('2024-01-31', 'Monthly')).toBe('202401 2024-01-01..2024-01-31')
        expect(span('2024-02-29', 'Monthly')).toBe('202402 2024-02-01..2024-02-29')
        expect(span('2024-12-31', 'Monthly')).toBe('202412 2024-12-01..2024-12-31')
        expect(span('2025-01-01', 'Monthly')).toBe('202501 2025-01-01..2025-01-31')
    })

    it('are found by id', () => {
        expect(periods.periodById('202402')).toEqual({
            id: '202402',
            periodType: 'Monthly',
            startDate: '2024-02-01',
            endDate: '2024-02-29',
        })
    })
})

describe('ISO weeks across year ends', () => {
    it('give 2020 and 2026 a week 53 that ends in January', () => {
        expect(span('2020-12-31', 'Weekly')).toBe('2020W53 2020-12-28..2021-01-03')
        expect(span('2021-01-03', 'Weekly')).toBe('2020W53 2020-12-28..2021-01-03')
        expect(span('2021-01-04', 'Weekly')).toBe('2021W1 2021-01-04..2021-01-10')
        expect(span('2026-12-31', 'Weekly')).toBe('2026W53 2026-12-28..2027-01-03')
        expect(span('2027-01-03', 'Weekly')).toBe('2026W53 2026-12-28..2027-01-03')
    })

    it('start week 1 in December when 4 January falls early in the week', () => {
        expect(span('2024-12-29', 'Weekly')).toBe('2024W52 2024-12-23..2024-12-29')
        expect(span('2024-12-30', 'Weekly')).toBe('2025W1 2024-12-30..2025-01-05')
        expect(span('2025-01-05', 'Weekly')).toBe('2025W1 2024-12-30..2025-01-05')
        expect(span('2019-12-30', 'Weekly')).toBe('2020W1 2019-12-30..2020-01-05')
    })

    it('have no week 53 in a 52-week year', () => {
        expect(span('2025-12-28', 'Weekly')).toBe('2025W52 2025-12-22..2025-12-28')
        expect(span('2025-12-29', 'Weekly')).toBe('2026W1 2025-12-29..2026-01-04')
        expect(periods.periodById('2025W53')).toBeUndefined()
    })

    it('are found by id, including the ones that straddle the year end', () => {
        expect(periods.periodById('2025W1')).toMatchObject({
            periodType: 'Weekly',
            startDate: '2024-12-30',
            endDate: '2025-01-05',
        })
        expect(periods.periodById('2020W53')).toMatchObject({
            startDate: '2020-12-28',
            endDate: '2021-01-03',
        })
    })
})

describe('weekly variants use DHIS2 ids and numbering', () => {
    it('number Wednesday weeks from the one holding 4 January', () => {
        // 4 Jan 2024 is a Thursday: Wednesday week 1 starts on 3 Jan.
        expect(span('2024-01-02', 'WeeklyWednesday')).toBe('2023WedW52 2023-12-27..2024-01-02')
        expect(span('2024-01-03', 'WeeklyWednesday')).toBe('2024WedW1 2024-01-03..2024-01-09')
    })

    it('put late-December days in next year when its 4 January is in that week', () => {
        expect(span('2024-12-31', 'WeeklySunday')).toBe('2025SunW1 2024-12-29..2025-01-04')
        expect(span('2020-12-31', 'WeeklyThursday')).toBe('2021ThuW1 2020-12-31..2021-01-06')
        expect(span('2020-12-30', 'WeeklyWednesday')).toBe('2021WedW1 2020-12-30..2021-01-05')
        expect(span('2025-01-01', 'WeeklyThursday')).toBe('2024ThuW52 2024-12-26..2025-01-01')
        expect(span('2025-01-02', 'WeeklyThursday')).toBe('2025ThuW1 2025-01-02..2025-01-08')
    })

    it('give a variant a week 53 when four of its days are in the old year', () => {
        // 28–31 December 2024 are four days: the Saturday week is 2024's, not 2025's.
        expect(span('2024-12-28', 'WeeklySaturday')).toBe('2024SatW53 2024-12-28..2025-01-03')
        expect(span('2025-01-03', 'WeeklySaturday')).toBe('2024SatW53 2024-12-28..2025-01-03')
        expect(span('2025-01-04', 'WeeklySaturday')).toBe('2025SatW1 2025-01-04..2025-01-10')
    })

    it('round-trip every variant id', () => {
        for (const id of ['2024WedW1', '2025SunW1', '2021ThuW1', '2024SatW53', '2021WedW1']) {
            expect(periods.periodById(id)?.id).toBe(id)
        }
    })
})

describe('ids that are not our periods', () => {
    it.each(['2024', '2024Q1', '202413', '2024W0', '2024W54', '2024MonW1', '2024W01', 'x'])(
        '%p is undefined',
        (id) => {
            expect(periods.periodById(id)).toBeUndefined()
        }
    )

    it('rejects a date that is not yyyy-MM-dd', () => {
        expect(() => periods.periodOf('2024-02-30', 'Monthly')).toThrow(RangeError)
        expect(() => periods.periodOf('২০২৪-০২-২৬', 'Weekly')).toThrow(RangeError)
    })
})

describe('agreement with DHIS2 rules written independently', () => {
    const oracle = createArithmeticPeriods()
    const types: PeriodType[] = [
        'Monthly',
        'Weekly',
        'WeeklyWednesday',
        'WeeklyThursday',
        'WeeklySaturday',
        'WeeklySunday',
    ]

    it.each(types)('%s: every day from 2018 to 2030 and every id back', (type) => {
        const mismatches: string[] = []
        for (let ms = Date.UTC(2018, 0, 1); ms <= Date.UTC(2030, 11, 31); ms += 86_400_000) {
            const date = new Date(ms).toISOString().slice(0, 10)
            const ours = periods.periodOf(date, type)
            const expected = oracle.periodOf(date, type)
            if (JSON.stringify(ours) !== JSON.stringify(expected)) {
                mismatches.push(`${date}: ${ours.id} vs ${expected.id}`)
            }
            if (ours.startDate === date && periods.periodById(ours.id)?.endDate !== ours.endDate) {
                mismatches.push(`id ${ours.id} does not round-trip`)
            }
        }
        expect(mismatches).toEqual([])
    })
})

describe('cache', () => {
    it('answers a repeated date with the same object', () => {
        const calculator = createGregorianPeriodCalculator()
        const first = calculator.periodOf('2024-03-05', 'Weekly')
        expect(calculator.periodOf('2024-03-05', 'Weekly')).toBe(first)
    })
})

import { generateFixedPeriods } from '@dhis2/multi-calendar-dates'
import { isIsoCalendarDate } from '../../core/dates'
import type { Period, PeriodCalculator, PeriodType } from '../../core/ports/periods'

/**
 * The PeriodCalculator port over @dhis2/multi-calendar-dates (the library DHIS2's own apps use), in
 * the Gregorian calendar. Weekly types follow DHIS2's WeeklyAbstractPeriodType: week 1 is the week
 * (starting on the type's weekday) that holds 4 January, so 2024-12-30 is 2025W1 and 2020 has a W53.
 *
 * The library builds a whole year of periods with Temporal for every lookup, which is far too slow
 * for millions of events. So each (type, year) is generated once, and each (type, date) answer and
 * each id is kept: a repeated date costs two map lookups.
 */

type LibraryPeriodType = Parameters<typeof generateFixedPeriods>[0]['periodType']

const TYPE_PAIRS: ReadonlyArray<readonly [PeriodType, LibraryPeriodType]> = [
    ['Monthly', 'MONTHLY'],
    ['Weekly', 'WEEKLY'],
    ['WeeklyWednesday', 'WEEKLYWED'],
    ['WeeklyThursday', 'WEEKLYTHU'],
    ['WeeklySaturday', 'WEEKLYSAT'],
    ['WeeklySunday', 'WEEKLYSUN'],
]
const LIBRARY_TYPES = new Map<PeriodType, LibraryPeriodType>(TYPE_PAIRS)

const CALENDAR = 'gregory'

/** Only the id shapes of our types (the library knows many more: quarters, years …). */
const ID_SHAPE = /^(\d{4})(?:(\d{2})|(Wed|Thu|Sat|Sun)?W\d{1,2})$/

const INFIX_TYPES: Record<string, PeriodType> = {
    '': 'Weekly',
    Wed: 'WeeklyWednesday',
    Thu: 'WeeklyThursday',
    Sat: 'WeeklySaturday',
    Sun: 'WeeklySunday',
}

export function createGregorianPeriodCalculator(): PeriodCalculator {
    const years = new Map<string, Period[]>()
    const byDate = new Map<PeriodType, Map<string, Period>>()
    const byId = new Map<string, Period | undefined>()

    function periodsOfYear(periodType: PeriodType, year: number): Period[] {
        const key = `${periodType}:${year}`
        let periods = years.get(key)
        if (!periods) {
            const libraryType = LIBRARY_TYPES.get(periodType)
            if (!libraryType)
                throw new RangeError(`'${periodType}' is not a supported period type.`)
            periods = generateFixedPeriods({
                year,
                periodType: libraryType,
                calendar: CALENDAR,
            }).map((p) => ({ id: p.id, periodType, startDate: p.startDate, endDate: p.endDate }))
            years.set(key, periods)
        }
        return periods
    }

    function lookUp(date: string, periodType: PeriodType): Period {
        const year = Number(date.slice(0, 4))
        const periods = periodsOfYear(periodType, year)
        const first = periods[0]
        const last = periods[periods.length - 1]
        // A week holding 4 January belongs to the next year; the days before this year's week 1
        // belong to last year's last week.
        if (first && date < first.startDate) return lastOf(periodsOfYear(periodType, year - 1))
        if (last && date > last.endDate) return firstOf(periodsOfYear(periodType, year + 1))
        const found = periods.find((p) => date >= p.startDate && date <= p.endDate)
        if (!found) throw new RangeError(`No ${periodType} period holds ${date}.`)
        return found
    }

    return {
        periodOf(date, periodType) {
            let dates = byDate.get(periodType)
            if (!dates) {
                dates = new Map()
                byDate.set(periodType, dates)
            }
            const cached = dates.get(date)
            if (cached) return cached
            if (!isIsoCalendarDate(date))
                throw new RangeError(`'${date}' is not a yyyy-MM-dd date.`)
            const period = lookUp(date, periodType)
            dates.set(date, period)
            return period
        },

        periodById(id) {
            if (byId.has(id)) return byId.get(id)
            const period = parseId(id)
            byId.set(id, period)
            return period
        },
    }

    // createFixedPeriodFromPeriodId regenerates a year per call (tens of ms); the year's list
    // from the same library, kept above, holds every id of that year.
    function parseId(id: string): Period | undefined {
        const shape = ID_SHAPE.exec(id)
        if (!shape) return undefined
        const periodType = shape[2] !== undefined ? 'Monthly' : INFIX_TYPES[shape[3] ?? '']
        if (!periodType) return undefined
        return periodsOfYear(periodType, Number(shape[1])).find((p) => p.id === id)
    }
}

function firstOf(periods: Period[]): Period {
    const first = periods[0]
    if (!first) throw new RangeError('The period list of a year is empty.')
    return first
}

function lastOf(periods: Period[]): Period {
    const last = periods[periods.length - 1]
    if (!last) throw new RangeError('The period list of a year is empty.')
    return last
}

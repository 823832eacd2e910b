import type { Period, PeriodCalculator, PeriodType } from '../../src/core/ports/periods'

/**
 * A PeriodCalculator written from DHIS2's rules with plain date arithmetic, independent of
 * @dhis2/multi-calendar-dates: the core's tests use it (the core may not import the adapter), and
 * the adapter's test uses it as an oracle over every day of many years.
 *
 * Weekly types follow WeeklyAbstractPeriodType.getIsoDate: `WeekFields.of(<first weekday>, 4)`,
 * so a week belongs to the year holding at least four of its days, i.e. the year of its fourth day.
 */

const DAY_MS = 86_400_000

/** ISO weekday the week starts on (1 = Monday) and the id infix. */
const WEEKLY: Record<Exclude<PeriodType, 'Monthly'>, { start: number; infix: string }> = {
    Weekly: { start: 1, infix: '' },
    WeeklyWednesday: { start: 3, infix: 'Wed' },
    WeeklyThursday: { start: 4, infix: 'Thu' },
    WeeklySaturday: { start: 6, infix: 'Sat' },
    WeeklySunday: { start: 7, infix: 'Sun' },
}

const toDay = (date: string): number =>
    Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) /
    DAY_MS
const toDate = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10)
const isoWeekday = (day: number): number => ((new Date(day * DAY_MS).getUTCDay() + 6) % 7) + 1
const yearOf = (day: number): number => new Date(day * DAY_MS).getUTCFullYear()

function weekStartOnOrBefore(day: number, startWeekday: number): number {
    return day - ((isoWeekday(day) - startWeekday + 7) % 7)
}

function firstWeekStart(year: number, startWeekday: number): number {
    return weekStartOnOrBefore(Date.UTC(year, 0, 4) / DAY_MS, startWeekday)
}

function monthly(year: number, month: number): Period {
    const mm = String(month).padStart(2, '0')
    const last = new Date(Date.UTC(year, month, 0)).getUTCDate()
    return {
        id: `${year}${mm}`,
        periodType: 'Monthly',
        startDate: `${year}-${mm}-01`,
        endDate: `${year}-${mm}-${String(last).padStart(2, '0')}`,
    }
}

function weekly(periodType: Exclude<PeriodType, 'Monthly'>, start: number): Period {
    const { start: startWeekday, infix } = WEEKLY[periodType]
    const year = yearOf(start + 3)
    const week = (start - firstWeekStart(year, startWeekday)) / 7 + 1
    return {
        id: `${year}${infix}W${week}`,
        periodType,
        startDate: toDate(start),
        endDate: toDate(start + 6),
    }
}

export function createArithmeticPeriods(): PeriodCalculator {
    return {
        periodOf(date, periodType) {
            if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new RangeError(`bad date ${date}`)
            if (periodType === 'Monthly') {
                return monthly(Number(date.slice(0, 4)), Number(date.slice(5, 7)))
            }
            return weekly(periodType, weekStartOnOrBefore(toDay(date), WEEKLY[periodType].start))
        },
        periodById(id) {
            const month = /^(\d{4})(\d{2})$/.exec(id)
            if (month) {
                const m = Number(month[2])
                return m >= 1 && m <= 12 ? monthly(Number(month[1]), m) : undefined
            }
            const week = /^(\d{4})(Wed|Thu|Sat|Sun)?W(\d{1,2})$/.exec(id)
            if (!week) return undefined
            const periodType = (Object.keys(WEEKLY) as Array<keyof typeof WEEKLY>).find(
                (type) => WEEKLY[type].infix === (week[2] ?? '')
            )
            if (!periodType) return undefined
            const year = Number(week[1])
            const start = firstWeekStart(year, WEEKLY[periodType].start) + (Number(week[3]) - 1) * 7
            const period = weekly(periodType, start)
            return Number(week[3]) >= 1 && period.id === id ? period : undefined
        },
    }
}

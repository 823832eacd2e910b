/** DHIS2 ISO-calendar period identifiers: parse, validate, and match against a period type. */

export interface Period {
    id: string
    type: string
    /** First day, UTC midnight. */
    start: Date
    /** Last day, UTC midnight. */
    end: Date
}

const DAY_MS = 86_400_000

const utc = (year: number, month: number, day: number) => new Date(Date.UTC(year, month - 1, day))
const addDays = (date: Date, days: number) => new Date(date.getTime() + days * DAY_MS)
const lastDayOfMonth = (year: number, month: number) => utc(year, month + 1, 0)

/** Start of week 1: the week (starting on `weekday`, 0 = Sunday) that contains 4 January. */
function firstWeekStart(year: number, weekday: number): Date {
    const jan4 = utc(year, 1, 4)
    return addDays(jan4, -((jan4.getUTCDay() - weekday + 7) % 7))
}

export function weeksInYear(year: number, weekday = 1): number {
    const span =
        firstWeekStart(year + 1, weekday).getTime() - firstWeekStart(year, weekday).getTime()
    return Math.round(span / DAY_MS / 7)
}

const WEEKLY: ReadonlyArray<[string, string, number]> = [
    ['Weekly', '', 1],
    ['WeeklyWednesday', 'Wed', 3],
    ['WeeklyThursday', 'Thu', 4],
    ['WeeklySaturday', 'Sat', 6],
    ['WeeklySunday', 'Sun', 0],
]

const FINANCIAL: ReadonlyArray<[string, string, number]> = [
    ['FinancialApril', 'April', 4],
    ['FinancialJuly', 'July', 7],
    ['FinancialOct', 'Oct', 10],
    ['FinancialNov', 'Nov', 11],
]

function monthSpan(
    type: string,
    id: string,
    year: number,
    firstMonth: number,
    months: number
): Period {
    const startYear = year + Math.floor((firstMonth - 1) / 12)
    const startMonth = ((firstMonth - 1) % 12) + 1
    const endMonthAbs = firstMonth + months - 1
    const endYear = year + Math.floor((endMonthAbs - 1) / 12)
    const endMonth = ((endMonthAbs - 1) % 12) + 1
    return {
        id,
        type,
        start: utc(startYear, startMonth, 1),
        end: lastDayOfMonth(endYear, endMonth),
    }
}

export function parsePeriod(id: string): Period | undefined {
    // DateUnitType: daily `yyyyMMdd` or `yyyy-MM-dd`, monthly `yyyyMM` or `yyyy-MM`; the period
    // is the same (its ISO name without dashes).
    let m = /^(\d{4})-?(\d{2})-?(\d{2})$/.exec(id)
    if (m && (id.length === 8 || id.length === 10)) {
        const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]
        const date = utc(y, mo, d)
        if (date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return undefined
        return { id: `${m[1]}${m[2]}${m[3]}`, type: 'Daily', start: date, end: date }
    }
    m = /^(\d{4})(Wed|Thu|Sat|Sun|)W(\d{1,2})$/.exec(id)
    if (m) {
        const year = Number(m[1])
        const [type, , weekday] = WEEKLY.find(([, prefix]) => prefix === m?.[2]) ??
            WEEKLY[0] ?? ['Weekly', '', 1]
        const week = Number(m[3])
        if (week < 1 || week > weeksInYear(year, weekday)) return undefined
        const start = addDays(firstWeekStart(year, weekday), (week - 1) * 7)
        // `2024W01` is accepted and is the period `2024W1` (DHIS2 stores the ISO name).
        return { id: `${year}${m[2] ?? ''}W${week}`, type, start, end: addDays(start, 6) }
    }
    m = /^(\d{4})BiW(\d{1,2})$/.exec(id)
    if (m) {
        const year = Number(m[1])
        const biWeek = Number(m[2])
        if (biWeek < 1 || biWeek > Math.ceil(weeksInYear(year) / 2)) return undefined
        const start = addDays(firstWeekStart(year, 1), (biWeek - 1) * 14)
        return { id: `${year}BiW${biWeek}`, type: 'BiWeekly', start, end: addDays(start, 13) }
    }
    m = /^(\d{4})-?(\d{2})$/.exec(id)
    if (m) {
        const month = Number(m[2])
        if (month < 1 || month > 12) return undefined
        return monthSpan('Monthly', `${m[1]}${m[2]}`, Number(m[1]), month, 1)
    }
    m = /^(\d{4})(\d{2})B$/.exec(id)
    if (m) {
        const n = Number(m[2])
        if (n < 1 || n > 6) return undefined
        return monthSpan('BiMonthly', id, Number(m[1]), n * 2 - 1, 2)
    }
    m = /^(\d{4})Q([1-4])$/.exec(id)
    if (m) return monthSpan('Quarterly', id, Number(m[1]), Number(m[2]) * 3 - 2, 3)
    m = /^(\d{4})(April|Nov|)S([12])$/.exec(id)
    if (m) {
        const offset = m[2] === 'April' ? 3 : m[2] === 'Nov' ? 10 : 0
        const type =
            m[2] === 'April' ? 'SixMonthlyApril' : m[2] === 'Nov' ? 'SixMonthlyNov' : 'SixMonthly'
        return monthSpan(type, id, Number(m[1]), offset + (Number(m[3]) - 1) * 6 + 1, 6)
    }
    m = /^(\d{4})$/.exec(id)
    if (m) return monthSpan('Yearly', id, Number(m[1]), 1, 12)
    m = /^(\d{4})(April|July|Oct|Nov)$/.exec(id)
    if (m) {
        const [type, , month] = FINANCIAL.find(([, suffix]) => suffix === m?.[2]) ?? [
            'FinancialApril',
            'April',
            4,
        ]
        return monthSpan(type, id, Number(m[1]), month, 12)
    }
    return undefined
}

/** Period type names as DHIS2 stores them on data sets. */
export const PERIOD_TYPES: readonly string[] = [
    'Daily',
    ...WEEKLY.map(([type]) => type),
    'BiWeekly',
    'Monthly',
    'BiMonthly',
    'Quarterly',
    'SixMonthly',
    'SixMonthlyApril',
    'SixMonthlyNov',
    'Yearly',
    ...FINANCIAL.map(([type]) => type),
]

/** True when the two ranges share at least one day. */
export function overlaps(period: Period, start: Date, end: Date): boolean {
    return period.start.getTime() <= end.getTime() && period.end.getTime() >= start.getTime()
}

function pad(n: number, width = 2): string {
    return String(n).padStart(width, '0')
}

/** The period of `type` containing `date`, for the types with a simple id scheme; else undefined. */
export function periodContaining(type: string, date: Date): Period | undefined {
    const year = date.getUTCFullYear()
    const month = date.getUTCMonth() + 1
    switch (type) {
        case 'Daily':
            return parsePeriod(`${year}${pad(month)}${pad(date.getUTCDate())}`)
        case 'Monthly':
            return parsePeriod(`${year}${pad(month)}`)
        case 'BiMonthly':
            return parsePeriod(`${year}${pad(Math.ceil(month / 2))}B`)
        case 'Quarterly':
            return parsePeriod(`${year}Q${Math.ceil(month / 3)}`)
        case 'SixMonthly':
            return parsePeriod(`${year}S${month <= 6 ? 1 : 2}`)
        case 'Yearly':
            return parsePeriod(String(year))
        case 'Weekly': {
            for (const y of [year + 1, year, year - 1]) {
                const start = firstWeekStart(y, 1)
                if (date.getTime() >= start.getTime()) {
                    const week = Math.floor((date.getTime() - start.getTime()) / DAY_MS / 7) + 1
                    return parsePeriod(`${y}W${week}`)
                }
            }
            return undefined
        }
        default:
            return undefined
    }
}

/** The period `count` periods after `period` (same type), when the type is supported. */
export function shiftPeriod(period: Period, count: number): Period | undefined {
    let current: Period | undefined = period
    for (let i = 0; i < count && current; i++) {
        current = periodContaining(current.type, addDays(current.end, 1))
    }
    return current
}

/** The period before `period` (same type), when the type is supported. */
export function previousPeriod(period: Period): Period | undefined {
    return periodContaining(period.type, addDays(period.start, -1))
}

/**
 * DHIS2's `PeriodType.getFrequencyOrder()` (roughly the length in days: Daily 1 … Yearly 365),
 * used to pick the most frequent of several data sets.
 */
export function frequencyOrder(type: string): number {
    if (type === 'Daily') return 1
    if (type.startsWith('Weekly')) return 7
    if (type === 'BiWeekly') return 14
    if (type === 'Monthly') return 30
    if (type === 'BiMonthly') return 61
    if (type === 'Quarterly') return 91
    if (type.startsWith('SixMonthly')) return 182
    return 365
}

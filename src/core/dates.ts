/**
 * OpenSRP date handling (reference/opensrp-api.md §4): Joda ISO text with or without an offset.
 * With an offset the instant is converted to the reporting time zone before taking the date
 * (`2022-12-04T18:00:00.000Z` is 5 December in Dhaka); without one the date is taken as written.
 */

const ISO_DATE_TIME =
    /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?(Z|[+-]\d{2}(?::?\d{2}(?::\d{2})?)?)?$/

export interface ParsedDateTime {
    /** The calendar date as written, `yyyy-MM-dd`. */
    writtenDate: string
    /** Epoch ms when the text carries an offset, else undefined (a floating local time). */
    epochMs?: number
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]

function isValidCalendarDate(year: number, month: number, day: number): boolean {
    if (month < 1 || month > 12 || day < 1) return false
    if (month !== 2) return day <= (DAYS_IN_MONTH[month - 1] ?? 0)
    // As Date.UTC, which this replaced, reads them: years 0–99 are 1900–1999 (so 0000 is no leap year).
    const y = year <= 99 ? 1900 + year : year
    const leap = y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0)
    return day <= (leap ? 29 : 28)
}

function offsetMinutes(offset: string): number {
    if (offset === 'Z') return 0
    const sign = offset.startsWith('-') ? -1 : 1
    const digits = offset.slice(1).replace(/:/g, '')
    const hours = Number(digits.slice(0, 2))
    const minutes = Number(digits.slice(2, 4) || '0')
    const seconds = Number(digits.slice(4, 6) || '0')
    return sign * (hours * 60 + minutes + seconds / 60)
}

/** The match of a real date (and time of day) in ASCII ISO form, else undefined. */
function matchDateTime(text: string): RegExpExecArray | undefined {
    const match = ISO_DATE_TIME.exec(text)
    if (!match) return undefined
    if (!isValidCalendarDate(Number(match[1]), Number(match[2]), Number(match[3]))) return undefined
    if (Number(match[4] ?? 0) > 23 || Number(match[5] ?? 0) > 59 || Number(match[6] ?? 0) > 59)
        return undefined
    return match
}

/** Parses OpenSRP date or date-time text; undefined when it is not a real date in ASCII ISO form. */
export function parseOpenSrpDateTime(text: string): ParsedDateTime | undefined {
    const match = matchDateTime(text)
    if (!match) return undefined
    const [, y, mo, d, h = '0', mi = '0', s = '0', fraction = '0', offset] = match
    const writtenDate = `${y}-${mo}-${d}`
    if (offset === undefined) return { writtenDate }
    const ms = Number(fraction.padEnd(3, '0').slice(0, 3))
    const utc = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s), ms)
    return { writtenDate, epochMs: utc - offsetMinutes(offset) * 60_000 }
}

/** True when parseOpenSrpDateTime reads the text (a check that builds nothing). */
export function isOpenSrpDateTime(text: string): boolean {
    return matchDateTime(text) !== undefined
}

/** True for a strict ASCII `yyyy-MM-dd` calendar date (the form OpenSRP writes in date obs). */
export function isIsoCalendarDate(text: string): boolean {
    const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text)
    if (!match) return false
    return isValidCalendarDate(Number(match[1]), Number(match[2]), Number(match[3]))
}

const dateFormatters = new Map<string, Intl.DateTimeFormat>()

function formatterFor(timeZone: string): Intl.DateTimeFormat {
    let formatter = dateFormatters.get(timeZone)
    if (!formatter) {
        formatter = new Intl.DateTimeFormat('en-CA', {
            timeZone,
            year: 'numeric',
            month: '2-digit',
            day: '2-digit',
        })
        dateFormatters.set(timeZone, formatter)
    }
    return formatter
}

/**
 * Every UTC offset in use is a multiple of 15 minutes, so all instants of one quarter hour share a
 * local date: formatting (slow, and done for every event) is needed once per quarter hour.
 */
const QUARTER_HOUR_MS = 15 * 60 * 1000
const localDates = new Map<string, string>()
const MAX_REMEMBERED = 100_000

/**
 * The answers by text, per time zone: the same texts come back again and again (a child's birth
 * date for each of its vaccinations, the eventDate every vaccination of a day shares). '' stands
 * for text that is not a date.
 */
const byText = new Map<string, Map<string, string>>()
/** Enough for the texts that repeat; a unique one (a dateCreated) must not pile up. */
const MAX_TEXTS = 20_000

function textsOf(timeZone: string): Map<string, string> {
    let texts = byText.get(timeZone)
    if (!texts) {
        texts = new Map()
        byText.set(timeZone, texts)
    }
    return texts
}

/** The calendar date (`yyyy-MM-dd`) of OpenSRP date-time text in the reporting time zone. */
export function localDateOf(text: string, timeZone: string): string | undefined {
    const texts = textsOf(timeZone)
    const answered = texts.get(text)
    if (answered !== undefined) return answered === '' ? undefined : answered
    const date = readLocalDate(text, timeZone)
    if (texts.size >= MAX_TEXTS) texts.clear()
    texts.set(text, date ?? '')
    return date
}

function readLocalDate(text: string, timeZone: string): string | undefined {
    const parsed = parseOpenSrpDateTime(text)
    if (!parsed) return undefined
    if (parsed.epochMs === undefined) return parsed.writtenDate
    const key = `${timeZone}|${Math.floor(parsed.epochMs / QUARTER_HOUR_MS)}`
    const known = localDates.get(key)
    if (known !== undefined) return known
    const parts = formatterFor(timeZone).formatToParts(new Date(parsed.epochMs))
    const part = (type: string) => parts.find((p) => p.type === type)?.value ?? ''
    const date = `${part('year')}-${part('month')}-${part('day')}`
    if (localDates.size >= MAX_REMEMBERED) localDates.clear()
    localDates.set(key, date)
    return date
}

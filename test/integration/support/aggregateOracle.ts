/**
 * What DHIS2 must hold for the BD EPI data sets, worked out here from OpenSRP's raw records and
 * the rules of issue 9 and reference opensrp-api.md §4–5, without the app's code (nothing from
 * src/ is imported): every cell of the monthly and the weekly data set, per facility, period,
 * data element and category option combo.
 *
 * The rules, as a reviewer would apply them by hand:
 * - an unreadable record (no `_id`, an eventDate that is no ISO date-time, obs values that are not
 *   text) counts nothing; nor does a voided event, a Void Event, an "Out of Area Service" event, an
 *   event of a voided client, or the home facility's copy of an out-of-area dose (the dose counts
 *   where it was given);
 * - a dose is (client, antigen, dose) and counts once, at its vaccination date (obs 1410), in the
 *   org unit of the event's location; the antigen comes from the parentCode, else from the field
 *   name; the dose from obs 1418, else from the field name's digits;
 * - a Birth Registration counts once per client at the Asia/Dhaka date of its eventDate, with its
 *   birth weight (< 2.5 kg) and place of birth;
 * - future dates, dates before the client's (exact) birth date, locations without an org unit,
 *   children without a sex for a count split by sex: not counted;
 * - only periods that ended more than 5 days ago (the mapping's closeAfterDays) are posted.
 */

export type Raw = Record<string, unknown>

export const MONTHLY = 'Qnf0P01U3T1'
export const WEEKLY = 'ORjrZOfdUfU'
export const DEFAULT_COC = 'HllvX50cXC0'
export const MALE = 'ocU7V0kuUHq'
export const FEMALE = 'm48aYeV9dEa'
const CLOSE_AFTER_DAYS = 5

const DATE_CONCEPT = '1410AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'
const DOSE_CONCEPT = '1418AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'

/** BD package data elements (bd-epi-metadata.json), by what they count. */
export const DE = {
    bcg: 'B0jp1RrdN32',
    opv0: 'cU8l7fQCLBU',
    opv1: 'xBX4GImVf5Q',
    opv2: 'hanuV68JhNi',
    opv3: 'rXOJpVYwH21',
    penta1: 'XMKRsEUVgIX',
    penta2: 'UHkxKDOKsc0',
    penta3: 'huA3eGM46xq',
    pcv1: 'PEjkRKFEV7U',
    pcv2: 'hEu7ueXznlA',
    pcv3: 'xXljeCVRsGQ',
    ipv1: 'SJqsOnXdgRg',
    ipv2: 'b5eCD9QBQ2w',
    mr1: 's7WGKoRRg1o',
    mr2: 'DnH6vmVvhlo',
    tt1: 'mWhC9DNzwTf',
    tt2: 'OaauJlRbzvE',
    tt3: 'ZzUnxW5F3xi',
    tt4: 'tsomK4hUzbW',
    tt5: 'sunzsJMYGFa',
    registrations: 'ieAFUesw47C',
    lowBirthWeight: 'Q6gnRLUd9EF',
    bornAtHome: 'HlsQYU1Xeok',
    bornInFacility: 'VaQTgvCcLjq',
    weeklyRegistrations: 'kW3nRegWk01',
    weeklyPenta1: 'kW3nPen1Wk2',
} as const

const ANTIGEN_BY_PARENT_CODE: Record<string, string> = {
    '886AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA': 'bcg',
    '783AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA': 'opv',
    '1685AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA': 'penta',
    '162342AAAAAAAAAAAAAAAAAAAAAAAAAAAAAA': 'pcv',
    '1422AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA': 'ipv',
    '162586AAAAAAAAAAAAAAAAAAAAAAAAAAAAAA': 'mr',
    '36AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA': 'mr',
    '84879AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA': 'tt',
}
const ANTIGEN_BY_FIELD: Record<string, string> = {
    bcg: 'bcg',
    opv: 'opv',
    penta: 'penta',
    pcv: 'pcv',
    ipv: 'ipv',
    fipv: 'ipv',
    mr: 'mr',
    measles: 'mr',
    tt: 'tt',
    td: 'tt',
}

/** Monthly data element of a child's dose (split by sex), by `antigen:dose`; BCG at any dose. */
function childDoseElement(antigen: string, dose: number): string | undefined {
    if (antigen === 'bcg') return DE.bcg
    const key = `${antigen}${dose}`
    return key in DE && antigen !== 'tt' ? DE[key as keyof typeof DE] : undefined
}

export interface OracleInput {
    clients: Raw[]
    events: Raw[]
    /** OpenSRP location id → DHIS2 org unit (the org units' OpenSRP location attribute). */
    orgUnitOfLocation: Map<string, string>
    /** yyyy-MM-dd in Asia/Dhaka. */
    today: string
}

/** Cell key as the tests compare them: `dataSet|orgUnit|period|dataElement|coc`. */
export const cellOf = (ds: string, ou: string, period: string, de: string, coc: string) =>
    `${ds}|${ou}|${period}|${de}|${coc}`

/** Every non-empty cell DHIS2 must hold, with its count. */
export function expectedCells(input: OracleInput): Map<string, number> {
    const clients = new Map(input.clients.map((c) => [String(c.baseEntityId), c]))
    const counted = new Set<string>()
    const cells = new Map<string, number>()
    const add = (ds: string, ou: string, date: string, de: string, coc: string) => {
        const period = ds === MONTHLY ? monthOf(date) : isoWeekOf(date)
        if (addDays(period.end, CLOSE_AFTER_DAYS) >= input.today) return
        const key = cellOf(ds, ou, period.id, de, coc)
        cells.set(key, (cells.get(key) ?? 0) + 1)
    }
    const events = [...input.events].sort(
        (a, b) => Number(a.serverVersion) - Number(b.serverVersion)
    )
    for (const event of events) {
        if (!readable(event)) continue
        if (event.voided === true || event.eventType === 'Void Event') continue
        const who = String(event.baseEntityId ?? '')
        const client = clients.get(who)
        if (!client || client.voided === true) continue
        const details = isRecord(event.details) ? event.details : {}
        if (details.out_of_catchment_provider_id !== undefined) continue
        const orgUnit = input.orgUnitOfLocation.get(String(event.locationId ?? ''))
        if (!orgUnit) continue
        const sex =
            client.gender === 'Male' ? MALE : client.gender === 'Female' ? FEMALE : undefined
        const born = exactBirthDate(client)
        const datable = (date: string) => date <= input.today && (!born || date >= born)

        if (event.eventType === 'Vaccination') {
            const dose = doseOf(event)
            if (!dose || !datable(dose.date)) continue
            const key = `dose:${who}:${dose.antigen}:${dose.dose}`
            if (counted.has(key)) continue
            counted.add(key)
            if (dose.antigen === 'tt') {
                const de = DE[`tt${dose.dose}` as keyof typeof DE] as string | undefined
                if (de) add(MONTHLY, orgUnit, dose.date, de, DEFAULT_COC)
                continue
            }
            const de = childDoseElement(dose.antigen, dose.dose)
            if (!sex) continue
            if (de) add(MONTHLY, orgUnit, dose.date, de, sex)
            if (dose.antigen === 'penta' && dose.dose === 1)
                add(WEEKLY, orgUnit, dose.date, DE.weeklyPenta1, sex)
        }
        if (event.eventType === 'Birth Registration') {
            const date = dhakaDate(String(event.eventDate))
            if (!date || !datable(date)) continue
            const key = `reg:${who}`
            if (counted.has(key)) continue
            counted.add(key)
            add(MONTHLY, orgUnit, date, DE.registrations, DEFAULT_COC)
            add(WEEKLY, orgUnit, date, DE.weeklyRegistrations, DEFAULT_COC)
            const weight = obsValues(event, 'Birth_Weight')[0]
            if (weight !== undefined && /^\d+(\.\d+)?$/.test(weight) && Number(weight) < 2.5)
                add(MONTHLY, orgUnit, date, DE.lowBirthWeight, DEFAULT_COC)
            const place = obsValues(event, 'Place_Birth', true).map((v) => v.toLowerCase())
            if (place.includes('home') || place.includes('1536aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa'))
                add(MONTHLY, orgUnit, date, DE.bornAtHome, DEFAULT_COC)
            if (
                place.includes('health facility') ||
                place.includes('1588aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa')
            )
                add(MONTHLY, orgUnit, date, DE.bornInFacility, DEFAULT_COC)
        }
    }
    return cells
}

const isRecord = (value: unknown): value is Raw =>
    typeof value === 'object' && value !== null && !Array.isArray(value)

const obsList = (event: Raw): Raw[] => (Array.isArray(event.obs) ? event.obs.filter(isRecord) : [])

const textValues = (value: unknown): string[] =>
    Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []

function obsValues(event: Raw, field: string, withLabels = false): string[] {
    const obs = obsList(event).find(
        (o) => String(o.formSubmissionField ?? '').toLowerCase() === field.toLowerCase()
    )
    if (!obs) return []
    const values = textValues(obs.values).map((v) => v.trim())
    return withLabels ? [...values, ...textValues(obs.humanReadableValues)] : values
}

const DATE_TIME =
    /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?(Z|[+-]\d{2}:?\d{2})?$/

/** The record can be read at all: it has an id, a real eventDate and text obs values. */
function readable(event: Raw): boolean {
    if (typeof event._id !== 'string' || event._id.trim() === '') return false
    if (typeof event.eventDate !== 'string' || !dhakaDate(event.eventDate)) return false
    return obsList(event).every(
        (o) => Array.isArray(o.values) && o.values.every((v) => v === null || typeof v === 'string')
    )
}

const isCalendarDate = (text: string): boolean => {
    const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text)
    if (!match) return false
    const date = new Date(`${text}T00:00:00Z`)
    return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text
}

/** The Asia/Dhaka (UTC+6, no daylight saving) calendar date of an OpenSRP date-time. */
export function dhakaDate(text: string): string | undefined {
    const match = DATE_TIME.exec(text)
    if (!match) return undefined
    const written = text.slice(0, 10)
    if (!isCalendarDate(written)) return undefined
    const zone = match[8]
    if (!zone) return written
    const epoch = Date.parse(
        zone === 'Z' || zone.includes(':')
            ? text
            : `${text.slice(0, -5)}${zone.slice(0, 3)}:${zone.slice(3)}`
    )
    if (Number.isNaN(epoch)) return undefined
    return new Date(epoch + 6 * 3600_000).toISOString().slice(0, 10)
}

function exactBirthDate(client: Raw): string | undefined {
    if (client.birthdateApprox === true || typeof client.birthdate !== 'string') return undefined
    return dhakaDate(client.birthdate)
}

function doseOf(event: Raw): { antigen: string; dose: number; date: string } | undefined {
    const obs = obsList(event)
    const dateObs = obs.find((o) => o.fieldCode === DATE_CONCEPT)
    if (!dateObs) return undefined
    const field = String(dateObs.formSubmissionField ?? '').toLowerCase()
    const parent = String(dateObs.parentCode ?? '')
    const antigen = ANTIGEN_BY_PARENT_CODE[parent] ?? ANTIGEN_BY_FIELD[field.replace(/_?\d+$/, '')]
    if (!antigen) return undefined
    const date = textValues(dateObs.values)[0]?.trim() ?? ''
    if (!isCalendarDate(date)) return undefined
    const doseObs = obs.find(
        (o) =>
            o.fieldCode === DOSE_CONCEPT &&
            (o.formSubmissionField === `${field}_dose` ||
                (parent !== '' && o.parentCode === parent))
    )
    const doseText = textValues(doseObs?.values)[0] ?? /_(\d+)$/.exec(field)?.[1]
    if (doseText === undefined || !/^\d{1,2}$/.test(doseText.trim())) return undefined
    return { antigen, dose: Number(doseText), date }
}

interface OraclePeriod {
    id: string
    start: string
    end: string
}

export function addDays(date: string, days: number): string {
    const d = new Date(`${date}T00:00:00Z`)
    d.setUTCDate(d.getUTCDate() + days)
    return d.toISOString().slice(0, 10)
}

export function monthOf(date: string): OraclePeriod {
    const [y, m] = [Number(date.slice(0, 4)), Number(date.slice(5, 7))]
    const last = new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10)
    return {
        id: `${date.slice(0, 4)}${date.slice(5, 7)}`,
        start: `${date.slice(0, 8)}01`,
        end: last,
    }
}

/** ISO 8601 week (Monday to Sunday; week 1 holds the year's first Thursday), as DHIS2's Weekly. */
export function isoWeekOf(date: string): OraclePeriod {
    const day = new Date(`${date}T00:00:00Z`)
    const weekday = (day.getUTCDay() + 6) % 7 // Monday 0 … Sunday 6
    const monday = addDays(date, -weekday)
    const thursday = new Date(`${addDays(monday, 3)}T00:00:00Z`)
    const year = thursday.getUTCFullYear()
    const week = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / (7 * 86400_000)) + 1
    return { id: `${year}W${week}`, start: monday, end: addDays(monday, 6) }
}

/**
 * Cells whose count differs between two states (an absent cell and a zero are the same count):
 * what a change of OpenSRP's records must change in DHIS2, and nothing else.
 */
export function changedCells(
    before: Map<string, number>,
    after: Map<string, number>
): Map<string, { from: number; to: number }> {
    const changed = new Map<string, { from: number; to: number }>()
    for (const key of new Set([...before.keys(), ...after.keys()])) {
        const from = before.get(key) ?? 0
        const to = after.get(key) ?? 0
        if (from !== to) changed.set(key, { from, to })
    }
    return changed
}

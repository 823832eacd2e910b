/**
 * Date text in the shapes OpenSRP devices write (reference §4): Joda ISO with `+06:00`, older apps
 * without an offset, some `Z`. Days are Asia/Dhaka calendar day numbers (days since 1970-01-01).
 */

const DAY_MS = 86400000
const DHAKA_OFFSET_MS = 6 * 3600000

export type DateStyle = 'offset' | 'no-offset' | 'zulu'

export const isoDay = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10)

/** Epoch ms of a Dhaka local time. */
export const dhakaEpoch = (day: number, secondOfDay: number, ms = 0): number =>
    day * DAY_MS + secondOfDay * 1000 + ms - DHAKA_OFFSET_MS

export function dateTime(day: number, secondOfDay: number, ms: number, style: DateStyle): string {
    if (style === 'zulu') return new Date(dhakaEpoch(day, secondOfDay, ms)).toISOString()
    const local = new Date(day * DAY_MS + secondOfDay * 1000 + ms).toISOString().slice(0, 23)
    return style === 'offset' ? `${local}+06:00` : local
}

/** Server-side timestamps (dateCreated, dateEdited) are always Joda with the server's offset. */
export const serverTime = (day: number, secondOfDay: number, ms: number): string =>
    dateTime(day, secondOfDay, ms, 'offset')

const BANGLA_DIGITS = '০১২৩৪৫৬৭৮৯'
export const toBanglaDigits = (text: string): string =>
    text.replace(/[0-9]/g, (d) => BANGLA_DIGITS[Number(d)] ?? d)

/** Wall-clock "now" in the server's zone, for records written by POST /rest/event/add. */
export function nowServerTime(): string {
    const now = Date.now()
    return `${new Date(now + DHAKA_OFFSET_MS).toISOString().slice(0, 23)}+06:00`
}

/** DHIS2 writes zone-less ISO timestamps with milliseconds (server-wide facts). */
export function formatDateTime(date: Date): string {
    return date.toISOString().slice(0, 23)
}

export function formatDate(date: Date): string {
    return date.toISOString().slice(0, 10)
}

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/
const DATE_TIME_PATTERN =
    /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})?$/

function validDay(year: number, month: number, day: number): boolean {
    const date = new Date(Date.UTC(year, month - 1, day))
    return (
        date.getUTCFullYear() === year &&
        date.getUTCMonth() === month - 1 &&
        date.getUTCDate() === day
    )
}

/** Parses `2024-02-12` or `2024-02-12T10:00:00.000[Z|+06:00]`; zone-less values are taken as UTC. */
export function parseDateTime(value: string): Date | undefined {
    const day = DATE_PATTERN.exec(value)
    if (day) {
        const [year, month, dayOfMonth] = [Number(day[1]), Number(day[2]), Number(day[3])]
        return validDay(year, month, dayOfMonth)
            ? new Date(Date.UTC(year, month - 1, dayOfMonth))
            : undefined
    }
    const match = DATE_TIME_PATTERN.exec(value)
    if (!match) return undefined
    const [year, month, dayOfMonth] = [Number(match[1]), Number(match[2]), Number(match[3])]
    if (!validDay(year, month, dayOfMonth)) return undefined
    const hours = Number(match[4])
    const minutes = Number(match[5])
    const seconds = Number(match[6] ?? '0')
    if (hours > 23 || minutes > 59 || seconds > 59) return undefined
    const parsed = new Date(match[8] ? value.replace(' ', 'T') : `${value.replace(' ', 'T')}Z`)
    return Number.isNaN(parsed.getTime()) ? undefined : parsed
}

export function isValidDate(value: string): boolean {
    const match = DATE_PATTERN.exec(value)
    return match !== null && validDay(Number(match[1]), Number(match[2]), Number(match[3]))
}

/** Normalises a client date(-time) to DHIS2's output format, `2024-02-12T00:00:00.000`. */
export function normaliseDateTime(value: string): string | undefined {
    const date = parseDateTime(value)
    return date ? formatDateTime(date) : undefined
}

/**
 * Joda's ISO date-time parser as Gson's DateTime adapter applies it on upload: ASCII ISO only.
 * Joda's offset element reads up to hours:minutes:seconds (`appendTimeZoneOffset(…, 2, 4)`), so
 * historic local-mean-time offsets such as `+02:04:12` are accepted.
 */
const ISO =
    /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2})(?::(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?)?)?(Z|[+-]\d{2}(?::?\d{2}(?::?\d{2})?)?)?$/

export function isJodaDateTime(text: string): boolean {
    const match = ISO.exec(text)
    if (!match) return false
    const [, y, m, d, hh = '0', mm = '0', ss = '0'] = match
    const year = Number(y)
    const month = Number(m)
    const day = Number(d)
    const probe = new Date(Date.UTC(year, month - 1, day))
    return (
        probe.getUTCMonth() === month - 1 &&
        probe.getUTCDate() === day &&
        Number(hh) < 24 &&
        Number(mm) < 60 &&
        Number(ss) < 60
    )
}

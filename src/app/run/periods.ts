/** DHIS2 period ids the aggregate sync posts: monthly `202401`, weekly `2024W5` and its variants. */
const PERIOD = /^\d{4}(0[1-9]|1[0-2]|(Wed|Thu|Sat|Sun)?W([1-9]|[1-4]\d|5[0-3]))$/

/** Periods typed as a list (commas or spaces); the ones DHIS2 would not understand are named. */
export function parsePeriods(text: string): { periods: string[]; invalid: string[] } {
    const items = text
        .split(/[\s,;]+/)
        .map((item) => item.trim())
        .filter((item) => item !== '')
    const unique = [...new Set(items)]
    return {
        periods: unique.filter((p) => PERIOD.test(p)),
        invalid: unique.filter((p) => !PERIOD.test(p)),
    }
}

/** DHIS2 stores locales as `bn`, `en_GB` or `uz_UZ_Cyrl`; Intl wants BCP 47 (`en-GB`, `uz-Cyrl-UZ`). */
export function toBcp47(locale: string | undefined): string {
    if (!locale) return 'en'
    const [language, region, script] = locale.split(/[_-]/)
    const tag = [language, script, region].filter(Boolean).join('-')
    try {
        return Intl.DateTimeFormat.supportedLocalesOf([tag]).length > 0 ? tag : 'en'
    } catch {
        return 'en'
    }
}

const asDate = (value: string | number | Date): Date | undefined => {
    const date = value instanceof Date ? value : new Date(value)
    return Number.isNaN(date.getTime()) ? undefined : date
}

/** A date and time in the user's language and the browser's time zone; bad input stays as it came. */
export function formatDateTime(value: string | number | Date, locale: string): string {
    const date = asDate(value)
    if (!date) return String(value)
    return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(date)
}

export function formatNumber(value: number, locale: string): string {
    return new Intl.NumberFormat(locale).format(value)
}

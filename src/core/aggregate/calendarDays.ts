const DAY_MS = 86_400_000

/** `date` (yyyy-MM-dd) moved by `days` calendar days. */
export function addDays(date: string, days: number): string {
    const ms = Date.UTC(
        Number(date.slice(0, 4)),
        Number(date.slice(5, 7)) - 1,
        Number(date.slice(8, 10))
    )
    return new Date(ms + days * DAY_MS).toISOString().slice(0, 10)
}

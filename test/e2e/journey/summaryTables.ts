import type { Frame } from 'playwright-core'
import { numberIn, textsOf } from '../support/check'

/** The rows of a DataTable as texts by column header (visually hidden headers included). */
export async function tableRows(
    app: Frame,
    dataTest: string
): Promise<Array<Record<string, string>>> {
    const table = app.locator(`[data-test="${dataTest}"]`)
    const headers = await textsOf(table.locator('thead th'))
    const rows: Array<Record<string, string>> = []
    for (const line of await table.locator('tbody tr').all()) {
        const cells = await textsOf(line.locator('td'))
        const row: Record<string, string> = {}
        // A repeated header (a hidden one over a button column) keeps its first column.
        headers.forEach((header, i) => (row[header] ??= cells[i] ?? ''))
        rows.push(row)
    }
    return rows
}

/** Conflict groups of a summary: records per code. */
export async function conflictCounts(app: Frame): Promise<Map<string, number>> {
    const rows = await tableRows(app, 'conflict-groups')
    return new Map(rows.map((row) => [row.Code ?? '', numberIn(row.Records ?? '') ?? -1]))
}

/** How many of each value, for comparing what a table shows with what the report holds. */
export function tally(values: Array<string | undefined>): Map<string, number> {
    const counts = new Map<string, number>()
    for (const value of values) counts.set(value ?? '', (counts.get(value ?? '') ?? 0) + 1)
    return counts
}

export const sameTally = (a: Map<string, number>, b: Map<string, number>): boolean =>
    a.size === b.size && [...a].every(([key, n]) => b.get(key) === n)

export const showTally = (counts: Map<string, number>): string =>
    [...counts].map(([key, n]) => `${key || '(none)'}×${n}`).join(', ')

import type { QuarantineEntry } from '../domain/quarantine'
import type { LedgerEventRows } from './ledgerPlan'

function textField(raw: unknown, name: string): string | undefined {
    if (typeof raw !== 'object' || raw === null) return undefined
    const value: unknown = Reflect.get(raw, name)
    return typeof value === 'string' && value.trim() !== '' ? value : undefined
}

/**
 * Unreadable events as ledger changes with no rows (issue 9: bad input is left out of the
 * counts): an event that counted before and was then edited into something unreadable (a Bangla
 * date, a broken obs) gives its count up, as a void does. The event is known by the key the ledger
 * uses (formSubmissionId, else `_id`, see eventKeyOf); one without a key or a serverVersion cannot
 * be placed and changes nothing.
 */
export function quarantinedEventRows(entries: readonly QuarantineEntry[]): LedgerEventRows[] {
    const rows: LedgerEventRows[] = []
    for (const entry of entries) {
        if (entry.recordType !== 'event' || entry.serverVersion === undefined) continue
        const eventKey = textField(entry.raw, 'formSubmissionId') ?? textField(entry.raw, '_id')
        if (eventKey === undefined) continue
        rows.push({ eventKey, serverVersion: entry.serverVersion, rows: [] })
    }
    return rows
}

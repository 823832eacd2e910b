/**
 * CSV for spreadsheets. A cell that starts with = + - @ (or a tab or carriage return) would be read
 * as a formula by Excel and LibreOffice (CSV injection): it is prefixed with ' so it stays text.
 */
export function csvCell(value: string | number | undefined): string {
    const text = value === undefined ? '' : String(value)
    const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text
    return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe
}

export function toCsv(header: string[], rows: Array<Array<string | number | undefined>>): string {
    return [header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n'
}

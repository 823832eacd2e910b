import { JsonRecord } from '../json'

/**
 * `POST /api/dataValueSets` with `Content-Type: application/csv` (DataValueSetController.postCsv →
 * DefaultDataValueSetService.importDataValueSetCsv → CsvDataValueSetReader): columns by position,
 * whatever the header says — dataElement, period, orgUnit, categoryOptionCombo,
 * attributeOptionCombo, value, storedBy, lastUpdated (ignored), comment, followup, deleted. The
 * first row is skipped as a header unless `firstRowIsHeader=false`; the `dataSet` import option
 * becomes the set's data set. Read into the JSON body's shape so the one importer serves all
 * formats; an empty identifier cell reads as absent, an empty value or comment as empty.
 */
const COLUMNS = [
    'dataElement',
    'period',
    'orgUnit',
    'categoryOptionCombo',
    'attributeOptionCombo',
    'value',
    'storedBy',
    undefined, // lastUpdated: DHIS2 sets it itself
    'comment',
] as const

/** Records of a CSV text (javacsv's defaults: `,` delimiter, `"` quotes, `""` an escaped quote). */
export function parseCsv(text: string): string[][] {
    const rows: string[][] = []
    let row: string[] = []
    let cell = ''
    let quoted = false
    let touched = false
    const endCell = () => {
        row.push(cell)
        cell = ''
        touched = false
    }
    const endRow = () => {
        if (touched || cell !== '' || row.length > 0) endCell()
        if (row.length > 0) rows.push(row)
        row = []
    }
    for (let i = 0; i < text.length; i++) {
        const c = text[i]
        if (quoted) {
            if (c === '"' && text[i + 1] === '"') {
                cell += '"'
                i++
            } else if (c === '"') quoted = false
            else cell += c
        } else if (c === '"') {
            quoted = true
            touched = true
        } else if (c === ',') endCell()
        else if (c === '\n') endRow()
        else if (c !== '\r') cell += c
    }
    endRow()
    return rows
}

export function readDataValueSetCsv(
    text: string,
    firstRowIsHeader: boolean,
    dataSet: string | undefined
): JsonRecord {
    const rows = parseCsv(text).slice(firstRowIsHeader ? 1 : 0)
    return {
        ...(dataSet ? { dataSet } : {}),
        dataValues: rows.map((cells) => {
            const value: JsonRecord = {}
            COLUMNS.forEach((key, index) => {
                const cell = cells[index]
                // Identifiers are `trimToNull`ed (createDataValueContext); value and comment are
                // there even when empty or missing (`CsvReader.get` gives "").
                if (key === 'value' || key === 'comment') value[key] = cell ?? ''
                else if (key && cell) value[key] = cell
            })
            // `Boolean.parseBoolean` / `Boolean.valueOf`: "true" in any case, else false.
            value.followup = cells[9]?.toLowerCase() === 'true'
            value.deleted = cells[10]?.toLowerCase() === 'true'
            return value
        }),
    }
}

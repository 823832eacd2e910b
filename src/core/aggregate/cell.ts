/**
 * A ledger cell: one DHIS2 data value's coordinates, written as
 * `dataSet|orgUnit|period|dataElement|categoryOptionCombo|attributeOptionCombo` (LedgerRow.cell).
 * The data set comes first so the store can page one data set's cells by prefix.
 */

export interface CellAddress {
    dataSet: string
    orgUnit: string
    period: string
    dataElement: string
    categoryOptionCombo: string
    attributeOptionCombo: string
}

const SEPARATOR = '|'

export function cellKey(address: CellAddress): string {
    const parts = [
        address.dataSet,
        address.orgUnit,
        address.period,
        address.dataElement,
        address.categoryOptionCombo,
        address.attributeOptionCombo,
    ]
    for (const part of parts) {
        if (part === '' || part.includes(SEPARATOR)) {
            throw new RangeError(`A cell part must be non-empty and without '|': '${part}'.`)
        }
    }
    return parts.join(SEPARATOR)
}

/** The address of a cell key, or undefined when the text is not one. */
export function parseCell(cell: string): CellAddress | undefined {
    const parts = cell.split(SEPARATOR)
    if (parts.length !== 6 || parts.some((part) => part === '')) return undefined
    const [dataSet, orgUnit, period, dataElement, categoryOptionCombo, attributeOptionCombo] = parts
    if (
        dataSet === undefined ||
        orgUnit === undefined ||
        period === undefined ||
        dataElement === undefined ||
        categoryOptionCombo === undefined ||
        attributeOptionCombo === undefined
    ) {
        return undefined
    }
    return { dataSet, orgUnit, period, dataElement, categoryOptionCombo, attributeOptionCombo }
}

/** The first part of a cell key: its data set. */
export function dataSetOfCell(cell: string): string {
    const end = cell.indexOf(SEPARATOR)
    return end < 0 ? cell : cell.slice(0, end)
}

import type { AggregateMapping } from '../config/types'
import type { DataValuePayload } from '../ports/dhis2Target'
import type { CellState } from '../ports/syncStore'
import { parseCell } from './cell'

/**
 * The values of one data set and one period (DESIGN §3.3, issue 9), the unit the period's
 * readiness is decided for (postDirtyCells sends a page's ready batches in one request).
 * `cells[i]` is the ledger cell of `dataValues[i]` and the count it posts: after DHIS2 confirms,
 * SyncStore.markPosted(cells) (leaving out the rejected indexes).
 */
export interface DataValueBatch {
    dataSet: string
    period: string
    dataValues: DataValuePayload[]
    cells: Array<{ cell: string; posted: number }>
}

/** Whether a cell has to be sent: its count differs from what DHIS2 holds from us. */
export function needsPosting(cell: CellState): boolean {
    if (cell.posted === undefined) return cell.count > 0
    return cell.count !== cell.posted
}

/**
 * The data values for changed cells, grouped by data set and period: full counts, never deltas,
 * and '0' for a cell that became empty after a value was posted, so DHIS2 never keeps a stale
 * count. Every value carries its category option combo and attribute option combo. Cells that need
 * no write (unchanged, or empty and never posted) and cells of data sets the mapping no longer
 * has are left out. Batches come in the mapping's data set order, then by period; values by cell.
 * A cell key that does not parse means a corrupt ledger: it throws (rebuild the ledger).
 */
export function dataValuesForCells(
    cells: CellState[],
    mapping: AggregateMapping
): DataValueBatch[] {
    const dataSetOrder = new Map(mapping.dataSets.map((ds, index) => [ds.dataSet, index]))
    const batches = new Map<string, DataValueBatch>()
    const sorted = [...cells].sort((a, b) => (a.cell < b.cell ? -1 : a.cell > b.cell ? 1 : 0))
    for (const state of sorted) {
        if (!needsPosting(state)) continue
        const address = parseCell(state.cell)
        if (!address) throw new RangeError(`The ledger holds a malformed cell: '${state.cell}'.`)
        if (!dataSetOrder.has(address.dataSet)) continue
        const key = `${address.dataSet}|${address.period}`
        let batch = batches.get(key)
        if (!batch) {
            batch = { dataSet: address.dataSet, period: address.period, dataValues: [], cells: [] }
            batches.set(key, batch)
        }
        batch.dataValues.push({
            dataElement: address.dataElement,
            period: address.period,
            orgUnit: address.orgUnit,
            categoryOptionCombo: address.categoryOptionCombo,
            attributeOptionCombo: address.attributeOptionCombo,
            value: String(state.count),
        })
        batch.cells.push({ cell: state.cell, posted: state.count })
    }
    return [...batches.values()].sort(
        (a, b) =>
            (dataSetOrder.get(a.dataSet) ?? 0) - (dataSetOrder.get(b.dataSet) ?? 0) ||
            (a.period < b.period ? -1 : a.period > b.period ? 1 : 0)
    )
}

import type { DataSetMapping } from '../config/types'
import type { AggregateTarget } from '../ports/dhis2Target'
import type { PeriodCalculator } from '../ports/periods'
import type { SyncStore } from '../ports/syncStore'
import { RunFailure } from '../sync/runFailure'
import { cellKey } from './cell'

/** Org units per read: their UIDs travel in the URL. */
const ORG_UNITS_PER_READ = 50

/** `dataElement|categoryOptionCombo` of every value a data set's rules can fill. */
export function cellsFilledBy(dataSet: DataSetMapping): Set<string> {
    const combos = new Set<string>()
    for (const rule of dataSet.indicators) {
        if (rule.disaggregation === 'sex' && dataSet.sexCategoryOptionCombos) {
            combos.add(`${rule.dataElement}|${dataSet.sexCategoryOptionCombos.male}`)
            combos.add(`${rule.dataElement}|${dataSet.sexCategoryOptionCombos.female}`)
        } else {
            const coc = rule.categoryOptionCombo ?? dataSet.defaultCategoryOptionCombo
            combos.add(`${rule.dataElement}|${coc}`)
        }
    }
    return combos
}

export interface CurrentValuesInput {
    store: SyncStore
    target: AggregateTarget
    dataSet: DataSetMapping
    periods: PeriodCalculator
    /** The org units the location mapping can write to. */
    orgUnits: string[]
    startDate: string
    endDate: string
    signal?: AbortSignal
}

/**
 * For a ledger rebuilt from scratch (DESIGN §3.3: DHIS2 never keeps a stale value): records the
 * values DHIS2 holds now in the cells this data set's rules fill as what was posted there. The
 * rebuilt counts then decide: a cell DHIS2 already holds right is not sent again, and a value the
 * rebuilt ledger no longer fills (an event voided while the store was lost) becomes a dirty zero.
 * Values of other data elements, combos, attribute combos or period types are not ours and are
 * left alone; so are values that are not counts. Returns how many cells it recorded.
 */
export async function recordCurrentValues(input: CurrentValuesInput): Promise<number> {
    const { dataSet } = input
    const filled = cellsFilledBy(dataSet)
    let recorded = 0
    for (let i = 0; i < input.orgUnits.length; i += ORG_UNITS_PER_READ) {
        const orgUnits = input.orgUnits.slice(i, i + ORG_UNITS_PER_READ)
        const wanted = new Set(orgUnits)
        const result = await input.target.readDataValues(
            {
                dataSet: dataSet.dataSet,
                orgUnits,
                startDate: input.startDate,
                endDate: input.endDate,
            },
            { signal: input.signal }
        )
        if (!result.ok) {
            throw new RunFailure(
                result.failure.code ?? 'DHIS2_UNREACHABLE',
                `The local ledger had to be rebuilt, and DHIS2's current values of data set ${dataSet.dataSet} could not be read, so no value is posted (stale ones could not be cleared): ${result.failure.message}`,
                result.failure.retryable
            )
        }
        const cells: Array<{ cell: string; posted: number }> = []
        for (const value of result.values) {
            if (!wanted.has(value.orgUnit)) continue
            if (value.attributeOptionCombo !== dataSet.attributeOptionCombo) continue
            if (!filled.has(`${value.dataElement}|${value.categoryOptionCombo}`)) continue
            if (input.periods.periodById(value.period)?.periodType !== dataSet.periodType) continue
            const count = value.value.trim()
            if (!/^\d{1,15}$/.test(count)) continue
            cells.push({
                cell: cellKey({
                    dataSet: dataSet.dataSet,
                    orgUnit: value.orgUnit,
                    period: value.period,
                    dataElement: value.dataElement,
                    categoryOptionCombo: value.categoryOptionCombo,
                    attributeOptionCombo: value.attributeOptionCombo,
                }),
                posted: Number(count),
            })
        }
        if (cells.length > 0) await input.store.markPosted(cells)
        recorded += cells.length
    }
    return recorded
}

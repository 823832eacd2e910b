import { SandboxUser } from '../../contract'
import { ModelContext } from '../context'
import { JsonRecord, asString } from '../json'
import { Period, frequencyOrder, periodContaining, previousPeriod, shiftPeriod } from '../periods'
import { Conflict } from './conflicts'
import { isExpired } from './aocChecks'
import { isApproved, isInputAllowed } from './entryChecks'
import { DataImportOptions } from './parse'
import { isLocked, uidOf } from './resolve'

type Found = Omit<Conflict, 'indexes'>

const periodTypeOf = (dataSet: JsonRecord): string => asString(dataSet.periodType) ?? 'Monthly'
const hasWorkflow = (dataSet: JsonRecord): boolean =>
    dataSet.workflow !== undefined && dataSet.workflow !== null
const nameOf = (dataSet: JsonRecord): string => asString(dataSet.name) ?? ''

/** Most frequent first, then by name (`DataSetFrequencyComparator`). */
function byFrequency(a: JsonRecord, b: JsonRecord): number {
    const order = frequencyOrder(periodTypeOf(a)) - frequencyOrder(periodTypeOf(b))
    return order !== 0 ? order : nameOf(a).localeCompare(nameOf(b))
}

/**
 * `ImportContext.getApprovalDataSet`: the payload's data set, else the data element's
 * `getApprovalDataSet()` (data sets with an approval workflow first, then the most frequent).
 * Locking (E7640) is checked on this ONE data set, not on every data set holding the element.
 */
export function approvalDataSet(
    dataSet: JsonRecord | undefined,
    ownSets: readonly JsonRecord[]
): JsonRecord | undefined {
    if (dataSet) return dataSet
    return [...ownSets].sort((a, b) => {
        const workflow = Number(hasWorkflow(b)) - Number(hasWorkflow(a))
        return workflow !== 0 ? workflow : byFrequency(a, b)
    })[0]
}

/**
 * `DataElement.getLatestOpenFuturePeriod()`: in the period type of the element's most frequent
 * data set, the current period rewound by one ("0 open periods implies current period is
 * locked") and moved on by the largest `openFuturePeriods` of its data sets.
 */
export function latestOpenFuturePeriod(
    ownSets: readonly JsonRecord[],
    now: Date
): Period | undefined {
    const [mostFrequent] = [...ownSets].sort(byFrequency)
    if (!mostFrequent) return undefined
    const open = Math.max(
        0,
        ...ownSets.map((ds) =>
            typeof ds.openFuturePeriods === 'number' ? ds.openFuturePeriods : 0
        )
    )
    const current = periodContaining(periodTypeOf(mostFrequent), now)
    const previous = current && previousPeriod(current)
    return previous && shiftPeriod(previous, open)
}

export interface PeriodCheckInput {
    deId: string
    period: Period
    /** The value's org unit and AOC (resolved UIDs) and its keys as the payload gave them. */
    orgUnitId: string
    aocId: string
    keys: { period: string; orgUnit: string; attributeOptionCombo: string }
    /** The payload's `dataSet`, if any. */
    dataSet: JsonRecord | undefined
    /** Every data set holding the data element. */
    ownSets: readonly JsonRecord[]
}

/**
 * The "can the data be entered now" checks of `DataValueSetImportValidator` (2.38–2.42), in its
 * order: E7640 locked (past expiry), E7641 after the latest open future period, E7642 already
 * approved, E7643 outside the data set's input periods (all on the value's approval data set),
 * E7644 no data set of the element open for the period. `force` (superuser) skips them all.
 */
export function firstPeriodConflict(
    ctx: ModelContext,
    input: PeriodCheckInput,
    options: DataImportOptions,
    user: SandboxUser
): Found | undefined {
    if (options.force && user.authorities.includes('ALL')) return undefined
    const { period, deId } = input
    const target = approvalDataSet(input.dataSet, input.ownSets)
    if (!target) return undefined
    const dsId = uidOf(target)
    if (isLocked(ctx, dsId, period.id) || isExpired(target, period, ctx.now(), user)) {
        return {
            object: period.id,
            objects: { period: period.id, dataSet: dsId },
            value: `Current date is past expiry days for period: \`${period.id}\` and data set: \`${dsId}\``,
            errorCode: 'E7640',
            property: 'period',
        }
    }
    const latest = latestOpenFuturePeriod(input.ownSets, ctx.now())
    if (latest && period.start.getTime() > latest.end.getTime()) {
        return {
            object: period.id,
            objects: { period: period.id, dataElement: deId },
            value: `Period: \`${period.id}\` is after latest open future period for data element: \`${deId}\``,
            errorCode: 'E7641',
            property: 'period',
        }
    }
    const { keys } = input
    if (isApproved(ctx, target, period, input.orgUnitId, input.aocId)) {
        return {
            object: keys.orgUnit,
            objects: {
                organisationUnit: keys.orgUnit,
                period: keys.period,
                categoryOptionCombo: keys.attributeOptionCombo,
                dataSet: dsId,
            },
            value: `Data already approved for data set: \`${dsId}\` period: \`${keys.period}\` org unit: \`${keys.orgUnit}\` attribute option combo: \`${keys.attributeOptionCombo}\``,
            errorCode: 'E7642',
        }
    }
    if (!isInputAllowed(target, period, ctx.now())) {
        return {
            object: keys.period,
            objects: { period: keys.period, dataSet: dsId },
            value: `Period: \`${keys.period}\` is not open for this data set at this time: \`${dsId}\``,
            errorCode: 'E7643',
            property: 'period',
        }
    }
    if (!input.ownSets.some((ds) => isInputAllowed(ds, period, ctx.now()))) {
        return {
            object: keys.period,
            objects: { period: keys.period },
            value: `Period: \`${keys.period}\` does not conform to the open periods of associated data sets`,
            errorCode: 'E7644',
            property: 'period',
        }
    }
    return undefined
}

import { ModelContext } from '../context'
import { parseDateTime } from '../dates'
import { JsonRecord, asString, isRecord, records, refId } from '../json'
import { DEFAULT_COC } from '../metadata/schema'
import { Period, parsePeriod } from '../periods'

/**
 * Data approval and data input periods of a data set, as DHIS2 reads them: `DataSet.workflow`
 * with `DataApprovalService.isApproved`, and `DataSet.isDataInputPeriodAndDateAllowed`.
 */

/**
 * True when the period is approved for the org unit (or an ancestor: approval above counts, as
 * `DataApprovalState.isApproved` does for APPROVED_ABOVE) and AOC in the data set's workflow.
 */
export function isApproved(
    ctx: ModelContext,
    dataSet: JsonRecord,
    period: Period,
    orgUnitId: string,
    aocId: string
): boolean {
    const workflow = refId(dataSet.workflow)
    if (!workflow) return false
    const path = (ctx.store.orgUnitPath(orgUnitId) ?? orgUnitId).split('/')
    return ctx.approvals.some(
        (a) =>
            a.workflow === workflow &&
            a.period === period.id &&
            path.includes(a.orgUnit) &&
            (a.attributeOptionCombo ?? DEFAULT_COC) === aocId
    )
}

/** `DataInputPeriod.isPeriodAndDateValid`: the same period and `now` strictly inside its dates. */
function inputPeriodAllows(dip: JsonRecord, period: Period, now: Date): boolean {
    const dipPeriod = isRecord(dip.period) ? asString(dip.period.id) : asString(dip.period)
    if (!dipPeriod || parsePeriod(dipPeriod)?.id !== period.id) return false
    const opening = asString(dip.openingDate)
    const closing = asString(dip.closingDate)
    const opens = opening ? parseDateTime(opening) : undefined
    const closes = closing ? parseDateTime(closing) : undefined
    return (
        (!opens || now.getTime() > opens.getTime()) && (!closes || now.getTime() < closes.getTime())
    )
}

export const hasInputPeriods = (dataSet: JsonRecord): boolean =>
    records(dataSet.dataInputPeriods).length > 0

/** `DataSet.isDataInputPeriodAndDateAllowed`: no data input periods, or one allows it now. */
export function isInputAllowed(dataSet: JsonRecord, period: Period, now: Date): boolean {
    const periods = records(dataSet.dataInputPeriods)
    return periods.length === 0 || periods.some((dip) => inputPeriodAllows(dip, period, now))
}

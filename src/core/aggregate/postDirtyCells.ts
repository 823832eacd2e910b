import type { AggregateMapping, DataSetMapping } from '../config/types'
import type { AggregateTarget, DataValuePayload } from '../ports/dhis2Target'
import type { PeriodCalculator } from '../ports/periods'
import type { SyncStore } from '../ports/syncStore'
import type { AggregateTotals, HeldBackPeriod } from '../summary/types'
import type { ErrorLog } from '../sync/errorLog'
import { RunFailure } from '../sync/runFailure'
import { dataValuesForCells } from './dataValues'
import { periodReadiness, type DataSetDhis2Facts, type PeriodReadiness } from './readiness'

/** Cells read from the store, and posted, per request: memory stays flat whatever the ledger holds. */
const PAGE_SIZE = 1000

export interface PostingContext {
    store: SyncStore
    target: AggregateTarget
    mapping: AggregateMapping
    periods: PeriodCalculator
    facts: DataSetDhis2Facts
    today: string
    dryRun: boolean
    /** Only these periods are posted (the run's scope); all when undefined. */
    scopePeriods?: string[]
    signal?: AbortSignal
}

/**
 * Posts one data set's dirty cells (full counts, zeros included) page by page in cell order: each
 * page's values of ready periods go in one request; periods that are still open in OpenSRP, not
 * started or refused by DHIS2 are named in `totals.heldBack` and stay dirty; values DHIS2 rejects
 * become per-record errors and stay dirty, so the next run sends them again. Only what DHIS2
 * accepted is recorded as posted. Returns how many of the dirty cells had been posted before.
 */
export async function postDirtyCells(
    ctx: PostingContext,
    dataSet: DataSetMapping,
    totals: AggregateTotals,
    errors: ErrorLog
): Promise<{ dirtyPostedBefore: number }> {
    const readiness = new Map<string, PeriodReadiness>()
    const readinessOf = (periodId: string): PeriodReadiness => {
        let known = readiness.get(periodId)
        if (!known) {
            const period = ctx.periods.periodById(periodId)
            known = period
                ? periodReadiness(
                      period,
                      { dataSet: dataSet.dataSet, ...ctx.facts },
                      ctx.today,
                      ctx.mapping.closeAfterDays
                  )
                : { ready: false, reason: 'future', message: `Unknown period ${periodId}.` }
            readiness.set(periodId, known)
        }
        return known
    }
    let dirtyPostedBefore = 0
    for (let after: string | undefined; ;) {
        const page = await ctx.store.dirtyCells(dataSet.dataSet, after, PAGE_SIZE)
        dirtyPostedBefore += page.filter((cell) => cell.posted !== undefined).length
        const values: DataValuePayload[] = []
        const cells: Array<{ cell: string; posted: number }> = []
        for (const batch of dataValuesForCells(page, ctx.mapping)) {
            if (ctx.scopePeriods && !ctx.scopePeriods.includes(batch.period)) continue
            const ready = readinessOf(batch.period)
            if (!ready.ready) {
                holdBack(totals.heldBack, {
                    dataSet: batch.dataSet,
                    period: batch.period,
                    reason: ready.reason,
                    message: ready.message,
                })
                continue
            }
            values.push(...batch.dataValues)
            cells.push(...batch.cells)
        }
        if (values.length > 0) await post(ctx, dataSet.dataSet, values, cells, totals, errors)
        if (page.length < PAGE_SIZE) break
        after = page[page.length - 1]?.cell
    }
    return { dirtyPostedBefore }
}

async function post(
    ctx: PostingContext,
    dataSet: string,
    values: DataValuePayload[],
    cells: Array<{ cell: string; posted: number }>,
    totals: AggregateTotals,
    errors: ErrorLog
): Promise<void> {
    const result = await ctx.target.importDataValues(dataSet, values, {
        dryRun: ctx.dryRun,
        signal: ctx.signal,
    })
    if (result.failure && result.failure.kind !== 'rejected') {
        throw new RunFailure(
            result.failure.code ?? 'DHIS2_UNREACHABLE',
            result.failure.message,
            result.failure.retryable
        )
    }
    // A request DHIS2 refused as a whole (no import summary) wrote none of its values.
    const rejected = new Set(result.failure ? values.map((_, i) => i) : result.rejectedIndexes)
    values.forEach((value, index) => {
        if (!rejected.has(index)) return
        totals.failed++
        const conflict =
            result.conflicts.find((c) => c.indexes?.includes(index) || c.indexes?.includes(-1)) ??
            result.conflicts[0]
        errors.add({
            sourceId: `${value.orgUnit}/${value.period}/${value.dataElement}/${value.categoryOptionCombo}`,
            recordKind: 'dataValue',
            kind: 'rejected',
            code: conflict?.code ?? result.failure?.code ?? 'E7600',
            message:
                conflict?.message ?? result.failure?.message ?? 'DHIS2 did not accept this value.',
            orgUnit: value.orgUnit,
            period: value.period,
        })
    })
    const accepted = cells.filter((_, index) => !rejected.has(index))
    totals.written += accepted.length
    if (!ctx.dryRun && accepted.length > 0) await ctx.store.markPosted(accepted)
}

function holdBack(list: HeldBackPeriod[], entry: HeldBackPeriod): void {
    if (!list.some((h) => h.dataSet === entry.dataSet && h.period === entry.period))
        list.push(entry)
}

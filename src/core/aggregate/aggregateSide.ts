import type { AggregateMapping } from '../config/types'
import type { Clock } from '../ports/clock'
import type { AggregateTarget } from '../ports/dhis2Target'
import type { KeyValueStore } from '../ports/keyValueStore'
import type { CellState, SyncStore } from '../ports/syncStore'
import type { AggregateTotals, HeldBackPeriod } from '../summary/types'
import type { AggregateSide } from '../sync/aggregateSide'
import { RunFailure } from '../sync/runFailure'
import { eventKeyOf } from '../opensrp/vaccination'
import { dataValuesForCells } from './dataValues'
import type { LedgerContext } from './ledgerContext'
import { planLedgerBatch, type LedgerEventRows } from './ledgerPlan'
import { ledgerRowsForEvent } from './ledgerRows'
import { periodReadiness, type DataSetDhis2Facts } from './readiness'

export interface AggregateSideDeps {
    store: SyncStore
    target: AggregateTarget
    kv: KeyValueStore
    clock: Clock
    scopeKey: string
    context: LedgerContext & { mapping: AggregateMapping }
    facts: Record<string, DataSetDhis2Facts>
    dryRun: boolean
    /** Only these periods are posted (the run's scope); all when undefined. */
    periods?: string[]
    signal?: AbortSignal
}

interface LedgerStamp {
    id: string
}

const stampKey = (scopeKey: string) => `ledger.${scopeKey}`
const readStamp = (value: unknown): LedgerStamp | undefined =>
    typeof value === 'object' && value !== null && 'id' in value && typeof value.id === 'string'
        ? { id: value.id }
        : undefined

/**
 * The aggregate side of a run (DESIGN §3.3, §7): every page of events updates the ledger (one row
 * per counted event → its cell); once all events are read, changed cells are posted as full counts
 * (zeros included) for periods that are closed in OpenSRP and open in DHIS2. A ledger that is not
 * the one the dataStore says was last used (another browser, a wiped store) is rebuilt from a
 * full read before any value is posted, so partial counts never reach DHIS2.
 */
export function createAggregateSide(deps: AggregateSideDeps): AggregateSide {
    const totals: AggregateTotals = {
        written: 0,
        unchanged: 0,
        failed: 0,
        counted: 0,
        heldBack: [],
    }
    let rebuilding: LedgerStamp | undefined

    return {
        totals,
        async prepare() {
            const shared = readStamp(
                await deps.kv.read(stampKey(deps.scopeKey), { signal: deps.signal })
            )
            const local = readStamp(await deps.store.getMeta(stampKey(deps.scopeKey)))
            if (shared && local && shared.id === local.id) return { rebuild: false }
            await deps.store.clearLedger({ keepPosted: local !== undefined })
            rebuilding = {
                id: `${deps.clock.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`,
            }
            return { rebuild: true }
        },
        async consume(events, clientsById, errors) {
            const planned: LedgerEventRows[] = []
            for (const event of events) {
                const result = ledgerRowsForEvent(
                    event,
                    clientsById.get(event.baseEntityId),
                    deps.context
                )
                errors.addAll(result.errors)
                if (result.rows.length > 0) totals.counted++
                planned.push({
                    eventKey: eventKeyOf(event),
                    serverVersion: event.serverVersion,
                    rows: result.rows,
                })
            }
            const previous = await deps.store.ledgerRowsForEvents(planned.map((e) => e.eventKey))
            const existing = await deps.store.ledgerRowsForCountKeys(
                planned.flatMap((e) => e.rows.map((row) => row.countKey))
            )
            const plan = planLedgerBatch(planned, previous, existing)
            await deps.store.applyLedgerChanges({ remove: plan.remove, put: plan.put })
        },
        async finish({ complete }, errors) {
            if (!complete) return
            if (rebuilding) {
                await deps.store.putMeta(stampKey(deps.scopeKey), rebuilding)
                if (!deps.dryRun)
                    await deps.kv.write(stampKey(deps.scopeKey), rebuilding, {
                        signal: deps.signal,
                    })
            }
            const today = deps.context.today
            for (const dataSet of deps.context.mapping.dataSets) {
                const cells: CellState[] = []
                for (let after: string | undefined; ;) {
                    const page = await deps.store.dirtyCells(dataSet.dataSet, after, 1000)
                    cells.push(...page)
                    if (page.length < 1000) break
                    after = page[page.length - 1]?.cell
                }
                const facts = deps.facts[dataSet.dataSet] ?? { openFuturePeriods: 0, expiryDays: 0 }
                for (const batch of dataValuesForCells(cells, deps.context.mapping)) {
                    if (deps.periods && !deps.periods.includes(batch.period)) continue
                    const period = deps.context.periods.periodById(batch.period)
                    const readiness = period
                        ? periodReadiness(
                              period,
                              { dataSet: batch.dataSet, ...facts },
                              today,
                              deps.context.mapping.closeAfterDays
                          )
                        : {
                              ready: false as const,
                              reason: 'future' as const,
                              message: `Unknown period ${batch.period}.`,
                          }
                    if (!readiness.ready) {
                        holdBack(totals.heldBack, {
                            dataSet: batch.dataSet,
                            period: batch.period,
                            reason: readiness.reason,
                            message: readiness.message,
                        })
                        continue
                    }
                    const result = await deps.target.importDataValues(
                        batch.dataSet,
                        batch.dataValues,
                        {
                            dryRun: deps.dryRun,
                            signal: deps.signal,
                        }
                    )
                    if (result.failure && result.failure.kind !== 'rejected') {
                        throw new RunFailure(
                            result.failure.code ?? 'DHIS2_UNREACHABLE',
                            result.failure.message,
                            result.failure.retryable
                        )
                    }
                    const rejected = new Set(result.rejectedIndexes)
                    batch.dataValues.forEach((value, index) => {
                        if (!rejected.has(index)) return
                        totals.failed++
                        const conflict =
                            result.conflicts.find(
                                (c) => c.indexes?.includes(index) || c.indexes?.includes(-1)
                            ) ?? result.conflicts[0]
                        errors.add({
                            sourceId: `${value.orgUnit}/${value.period}/${value.dataElement}`,
                            recordKind: 'dataValue',
                            kind: 'rejected',
                            code: conflict?.code ?? result.failure?.code ?? 'E7600',
                            message:
                                conflict?.message ??
                                result.failure?.message ??
                                'DHIS2 did not accept this value.',
                            orgUnit: value.orgUnit,
                            period: value.period,
                        })
                    })
                    const accepted = batch.cells.filter((_, index) => !rejected.has(index))
                    totals.written += accepted.length
                    if (!deps.dryRun && accepted.length > 0) await deps.store.markPosted(accepted)
                }
            }
        },
    }
}

function holdBack(list: HeldBackPeriod[], entry: HeldBackPeriod): void {
    if (!list.some((h) => h.dataSet === entry.dataSet && h.period === entry.period))
        list.push(entry)
}

import type { AggregateMapping } from '../config/types'
import type { Clock } from '../ports/clock'
import type { AggregateTarget } from '../ports/dhis2Target'
import type { KeyValueStore } from '../ports/keyValueStore'
import type { SyncStore } from '../ports/syncStore'
import type { AggregateTotals } from '../summary/types'
import type { AggregateSide } from '../sync/aggregateSide'
import { eventKeyOf } from '../opensrp/vaccination'
import { recordCurrentValues } from './currentValues'
import type { LedgerContext } from './ledgerContext'
import { planLedgerBatch, type LedgerEventRows } from './ledgerPlan'
import { ledgerRowsForEvent } from './ledgerRows'
import { postDirtyCells } from './postDirtyCells'
import { quarantinedEventRows } from './quarantinedEvents'
import type { DataSetDhis2Facts } from './readiness'

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
    /**
     * Every DHIS2 org unit the location mapping can write to: where a rebuild reads DHIS2's current
     * values, so that values the rebuilt ledger no longer fills are zeroed.
     */
    orgUnits: string[]
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
 * (zeros included) for periods that are closed in OpenSRP and open in DHIS2.
 *
 * A ledger that is not the one the dataStore says was last used (another browser, a wiped store)
 * is rebuilt from a full read before any value is posted, so partial counts never reach DHIS2:
 * - the shared stamp changes as the rebuild starts, because this run's batches move the shared
 *   ledger cursor: another store stamped with the old id would otherwise skip those events;
 * - the cleared ledger learns what DHIS2 holds now (recordCurrentValues), so values it no longer
 *   fills are zeroed and values DHIS2 already holds are not sent again (`totals.unchanged`).
 * Only a rebuild compares cells with DHIS2; an incremental run looks only at the cells its events
 * changed, which are all sent or held back, so its `unchanged` is 0.
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
    let recorded = 0

    return {
        totals,
        async prepare() {
            const key = stampKey(deps.scopeKey)
            const shared = readStamp(await deps.kv.read(key, { signal: deps.signal }))
            const local = readStamp(await deps.store.getMeta(key))
            if (shared && local && shared.id === local.id) return { rebuild: false }
            rebuilding = {
                id: `${deps.clock.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`,
            }
            await deps.store.putMeta(key, undefined)
            if (!deps.dryRun) await deps.kv.write(key, rebuilding, { signal: deps.signal })
            await deps.store.clearLedger()
            const range = readRange(deps.context.today)
            for (const dataSet of deps.context.mapping.dataSets) {
                recorded += await recordCurrentValues({
                    store: deps.store,
                    target: deps.target,
                    dataSet,
                    periods: deps.context.periods,
                    orgUnits: deps.orgUnits,
                    ...range,
                    signal: deps.signal,
                })
            }
            return { rebuild: true }
        },
        async consume(events, clientsById, errors, quarantined = []) {
            const planned: LedgerEventRows[] = quarantinedEventRows(quarantined)
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
            if (rebuilding) await deps.store.putMeta(stampKey(deps.scopeKey), rebuilding)
            let dirtyRecorded = 0
            for (const dataSet of deps.context.mapping.dataSets) {
                const { dirtyPostedBefore } = await postDirtyCells(
                    {
                        store: deps.store,
                        target: deps.target,
                        mapping: deps.context.mapping,
                        periods: deps.context.periods,
                        facts: deps.facts[dataSet.dataSet] ?? {
                            openFuturePeriods: 0,
                            expiryDays: 0,
                        },
                        today: deps.context.today,
                        dryRun: deps.dryRun,
                        scopePeriods: deps.periods,
                        signal: deps.signal,
                    },
                    dataSet,
                    totals,
                    errors
                )
                dirtyRecorded += dirtyPostedBefore
            }
            // After a rebuild every posted value was read from DHIS2 in prepare(): those that are
            // not dirty hold the rebuilt count already.
            if (rebuilding) totals.unchanged = recorded - dirtyRecorded
        },
    }
}

/**
 * The dates whose periods a rebuild reads from DHIS2: all of them up to the end of next year (later
 * periods are never posted), whatever the run's periods: the ledger it rebuilds serves later runs.
 */
function readRange(today: string): { startDate: string; endDate: string } {
    return { startDate: '1900-01-01', endDate: `${Number(today.slice(0, 4)) + 1}-12-31` }
}

import type { ConnectorSettings, Mappings } from '../../core/config/types'
import { localDateOf } from '../../core/dates'
import { createOrgUnitResolver } from '../../core/orgUnits/resolver'
import type { Dhis2OrgUnit } from '../../core/orgUnits/types'
import type { Clock } from '../../core/ports/clock'
import { releaseLock } from '../../core/runs/releaseLock'
import type { CursorStore } from '../../core/ports/cursorStore'
import type { KeyValueStore } from '../../core/ports/keyValueStore'
import type { OpenSrpSource } from '../../core/ports/openSrpSource'
import type { SyncStore } from '../../core/ports/syncStore'
import { fingerprint } from '../../core/runs/fingerprint'
import { acquireRunLock, type RunLockLostError } from '../../core/runs/lock'
import type { HeldRunLock, RunTrigger } from '../../core/runs/lockRecord'
import { saveRunReport } from '../../core/runs/reports'
import { scopeKey, type RunScope } from '../../core/runs/scope'
import { stableHash } from '../../core/hash'
import type { RunSummary } from '../../core/summary/types'
import { createAggregateSide } from '../../core/aggregate/aggregateSide'
import { createDataValueSetsWriter } from '../dhis2/dataValueSetsWriter'
import { createGregorianPeriodCalculator } from '../periods/gregorianPeriods'
import { readDataSetFacts } from './readDataSetFacts'
import { readIdAttributeUnique } from './readIdAttributeUnique'
import { runSync, type SyncProgress } from '../../core/sync/runSync'
import { runFailureOf } from '../../core/sync/runFailure'
import { createTrackerMapper } from '../../core/sync/trackerMapper'
import { createLegacyTrackerWriter } from '../dhis2/legacyTrackerWriter'
import { createTrackerWriter } from '../dhis2/trackerWriter'
import type { Engine, ServerVersion } from '../dhis2/writerEngine'
import { keepLock } from './lockKeeper'
import { partitionFor, scopeWithPaths } from './scopePartition'
import { scopedSource } from './scopedSource'

export interface ConnectorRunInput {
    engine: Engine
    version: ServerVersion
    kv: KeyValueStore
    cursors: CursorStore
    store: SyncStore
    source: OpenSrpSource
    clock: Clock
    settings: ConnectorSettings
    mappings: Mappings
    /** DHIS2 org units the OpenSRP locations are matched against. */
    orgUnits: Dhis2OrgUnit[]
    scope: RunScope
    dryRun: boolean
    user: string
    trigger: RunTrigger
    host?: string
    /** Failed records to retry now, by store key (`client:…`, `event:…`). */
    retryKeys?: string[]
    signal?: AbortSignal
    onProgress?: (progress: SyncProgress) => void
    /** How long a lock lives without a heartbeat; heartbeats go every third of it (30 s at most). */
    lockTtlMs?: number
    maxReports?: number
    maxErrorsPerReport?: number
}

/**
 * One calculator for every run of the process: building a year of periods costs tens of
 * milliseconds (the library's Temporal), and its answers never change.
 */
const GREGORIAN_PERIODS = createGregorianPeriodCalculator()

export type ConnectorRunResult =
    | { outcome: 'ran'; runId: string; summary: RunSummary }
    | { outcome: 'locked'; heldBy: HeldRunLock }

const newRunId = (clock: Clock) =>
    `${clock.now().toString(36)}-${Math.floor(Math.random() * 36 ** 6).toString(36)}`

/** The code of a run stopped because its lock was lost (explainCode falls back to the message). */
export const RUN_LOCK_LOST = 'RUN_LOCK_LOST'

const REPORT_SAVE_ATTEMPTS = 4
const REPORT_SAVE_RETRY_MS = 2_000

/**
 * One connector run, the same for the app and the CLI: takes the scope's lock (and keeps it alive
 * with heartbeats), maps OpenSRP locations to org units, narrows the reads to the scope's subtrees
 * (scopePartition.ts), runs the sync with the tracker writer this DHIS2 supports, saves the run
 * report in the dataStore and releases the lock. A run that cannot get the lock does nothing and
 * says who holds it; a run that loses its lock stops at its next step and ends `failed`
 * (RUN_LOCK_LOST), its cursors where its last confirmed batch left them.
 *
 * Throws RunScopeError for a scope that cannot run (an unknown org unit, a subtree without
 * OpenSRP locations).
 */
export async function runConnector(request: ConnectorRunInput): Promise<ConnectorRunResult> {
    const { clock, settings, mappings } = request
    const scope = scopeWithPaths(request.scope, request.orgUnits)
    const runId = newRunId(clock)
    const startedAt = clock.now()
    const ttlMs = request.lockTtlMs ?? 10 * 60_000
    const acquired = await acquireRunLock(request.kv, clock, {
        scope,
        owner: { user: request.user, runId, trigger: request.trigger, host: request.host },
        ttlMs,
        signal: request.signal,
    })
    if (!acquired.ok) return { outcome: 'locked', heldBy: acquired.heldBy }
    const lock = acquired.lock
    const keeper = keepLock(lock, {
        intervalMs: Math.min(30_000, ttlMs / 3),
        signal: request.signal,
    })
    // From here on everything stops when the caller cancels or the lock is lost.
    const input: ConnectorRunInput = { ...request, signal: keeper.signal }
    let last: SyncProgress | undefined
    let ranToEnd = false
    /** The report is the run's record: a DHIS2 hiccup while saving it is retried, not fatal. */
    const saveReport = async (summary: RunSummary) => {
        const finishedAt = clock.now()
        for (let attempt = 1; ; attempt++) {
            try {
                return await saveRunReport(
                    input.kv,
                    {
                        id: runId,
                        user: input.user,
                        trigger: input.trigger,
                        host: input.host,
                        startedAt: new Date(startedAt).toISOString(),
                        finishedAt: new Date(finishedAt).toISOString(),
                        scope,
                        dryRun: input.dryRun,
                        fingerprint: fingerprint({
                            settings: { ...settings, uidSalt: undefined },
                            mappings,
                        }),
                        summary,
                        counts: {
                            pulled: last?.pulled ?? 0,
                            mapped: 0,
                            written: last?.written ?? 0,
                            unchanged: last?.unchanged ?? 0,
                            skipped: last?.skipped ?? 0,
                            failed: last?.failed ?? 0,
                            batches: last?.batches ?? 0,
                        },
                    },
                    {
                        maxReports: input.maxReports ?? 200,
                        maxErrorsPerReport: input.maxErrorsPerReport ?? 1000,
                    }
                )
            } catch (error) {
                if (attempt >= REPORT_SAVE_ATTEMPTS || !runFailureOf(error)?.retryable) throw error
                await clock.sleep(REPORT_SAVE_RETRY_MS * attempt)
            }
        }
    }
    try {
        const { locations: allLocations } = await input.source.listLocations({
            signal: input.signal,
        })
        const resolver = createOrgUnitResolver(mappings.orgUnits, allLocations, input.orgUnits)
        const partition = partitionFor({
            scope,
            orgUnits: input.orgUnits,
            locations: allLocations,
            resolver,
            events: settings.events,
            tracker: mappings.tracker,
        })
        // A subtree run reads, counts and zeroes aggregate values only at its own locations.
        const locations = partition?.locations ?? allLocations
        const source = partition ? scopedSource(input.source, partition) : input.source
        const today = localDateOf(new Date(startedAt).toISOString(), settings.timeZone) ?? ''
        const wantsTracker = scope.streams !== 'aggregate' && mappings.tracker !== undefined
        const wantsAggregate = scope.streams !== 'tracker' && mappings.aggregate !== undefined
        const trackerMapping = mappings.tracker
        const trackerWriter = wantsTracker ? trackerTarget(input) : undefined
        // Adoption on conflict needs E1064, which only the /api/tracker writer reports.
        const adoptOnConflict =
            trackerWriter?.kind === 'tracker' && trackerMapping
                ? await readIdAttributeUnique(
                      input.engine,
                      trackerMapping.idAttribute,
                      input.signal
                  )
                : false
        const synced = await runSync({
            source,
            cursors: input.cursors,
            clock,
            scopeKey: scopeKey(scope),
            events: partition?.events ?? settings.events,
            dryRun: input.dryRun,
            maxErrors: 5000,
            signal: input.signal,
            tracker:
                trackerWriter && trackerMapping
                    ? {
                          target: trackerWriter,
                          adoptOnConflict,
                          mapper: createTrackerMapper({
                              settings,
                              mappings: { ...mappings, tracker: trackerMapping },
                              resolver,
                              today,
                          }),
                          store: input.store,
                          clock,
                          hash: stableHash,
                          batchSize: settings.trackerBatchSize,
                          now: startedAt,
                          maxAttempts: settings.maxAttempts,
                          retryKeys: input.retryKeys ? new Set(input.retryKeys) : undefined,
                      }
                    : undefined,
            aggregate:
                wantsAggregate && mappings.aggregate
                    ? createAggregateSide({
                          store: input.store,
                          target: createDataValueSetsWriter(input.engine, input.version, { clock }),
                          kv: input.kv,
                          clock,
                          scopeKey: scopeKey(scope),
                          context: {
                              mapping: mappings.aggregate,
                              antigens: mappings.antigens,
                              outOfAreaKeep: mappings.outOfAreaKeep,
                              resolveOrgUnit: (locationId) => {
                                  const found = resolver.resolve(locationId)
                                  return found.ok ? { ok: true, orgUnit: found.orgUnit.id } : found
                              },
                              periods: GREGORIAN_PERIODS,
                              timeZone: settings.timeZone,
                              today,
                          },
                          facts: await readDataSetFacts(
                              input.engine,
                              mappings.aggregate.dataSets.map((ds) => ds.dataSet),
                              input.signal
                          ),
                          dryRun: input.dryRun,
                          periods: scope.periods,
                          orgUnits: mappedOrgUnits(locations, resolver),
                          signal: input.signal,
                      })
                    : undefined,
            onProgress: (progress) => {
                last = progress
                input.onProgress?.(progress)
            },
        }).catch((error: unknown) => {
            const lost = keeper.lost()
            if (lost) return lockLostSummary(input.dryRun, lost)
            throw error
        })
        const lost = keeper.lost()
        const summary = lost ? lockLostSummary(input.dryRun, lost, synced) : synced
        ranToEnd = true
        await saveReport(summary)
        return { outcome: 'ran', runId, summary }
    } catch (error) {
        // OpenSRP or DHIS2 failing before the sync got going (locations, data set facts) ends
        // the run as a failure mid-sync does: with a summary and a report that say why.
        const lost = ranToEnd ? undefined : keeper.lost()
        const failure = ranToEnd || lost ? undefined : runFailureOf(error)
        if (!lost && !failure) throw error
        const summary: RunSummary = lost
            ? lockLostSummary(input.dryRun, lost)
            : {
                  status: input.signal?.aborted ? 'cancelled' : 'failed',
                  dryRun: input.dryRun,
                  errors: [],
                  errorsOmitted: 0,
                  ...(failure ? { failure: { code: failure.code, message: failure.message } } : {}),
              }
        await saveReport(summary)
        return { outcome: 'ran', runId, summary }
    } finally {
        keeper.stop()
        await releaseLock(lock, clock)
    }
}

/** A run stopped by a lost lock is a failure, whatever the sync made of the abort. */
function lockLostSummary(dryRun: boolean, lost: RunLockLostError, sofar?: RunSummary): RunSummary {
    return {
        ...(sofar ?? { dryRun, errors: [], errorsOmitted: 0 }),
        status: 'failed',
        failure: { code: RUN_LOCK_LOST, message: lost.message },
    }
}

/** The org units OpenSRP's locations map to: where the aggregate side may hold values. */
function mappedOrgUnits(
    locations: Array<{ id: string }>,
    resolver: ReturnType<typeof createOrgUnitResolver>
): string[] {
    const ids = new Set<string>()
    for (const location of locations) {
        const found = resolver.resolve(location.id)
        if (found.ok) ids.add(found.orgUnit.id)
    }
    return [...ids].sort()
}

function trackerTarget(input: ConnectorRunInput) {
    const legacy =
        input.settings.trackerWriter === 'legacy' ||
        (input.settings.trackerWriter === 'auto' && input.version.minor < 38)
    return legacy
        ? createLegacyTrackerWriter(input.engine, input.version, { clock: input.clock })
        : createTrackerWriter(input.engine, input.version, { clock: input.clock })
}

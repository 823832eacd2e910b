import { loadConfiguration } from '../../adapters/dhis2/configStore'
import { createKeyValueCursorStore } from '../../adapters/dhis2/cursorStore'
import type { Engine, ServerVersion } from '../../adapters/dhis2/writerEngine'
import { createOpenSrpSource } from '../../adapters/opensrp/source'
import { readOrgUnits } from '../../adapters/runner/readOrgUnits'
import { runConnector } from '../../adapters/runner/runConnector'
import type { Clock } from '../../core/ports/clock'
import type { KeyValueStore } from '../../core/ports/keyValueStore'
import type { SyncStore } from '../../core/ports/syncStore'
import { describeHeldLock } from '../../core/runs/lockMessage'
import { scopeKey } from '../../core/runs/scope'
import {
    startProgress,
    throttleProgress,
    updateProgress,
    type RunProgress,
} from '../../core/runs/progress'
import type { SyncProgress } from '../../core/sync/runSync'
import { openSrpTransportFor } from '../connection/openSrpTransport'
import type { RunOptions, RunOutcome, RunRequest } from './runner'

export interface PipelineDeps {
    engine: Engine
    version: ServerVersion
    kv: KeyValueStore
    clock: Clock
    /** The browser's sync store (Dexie) of a run scope (its scopeKey); closed when the run ends. */
    openStore: (scopeKey: string) => Promise<SyncStore>
    /** DHIS2 username recorded in the report and the lock. */
    user: string
    /** Time zone for the "who holds the lock" message. */
    timeZone?: string
}

/** Thrown when the run cannot start; its message is for the user. */
export class RunNotStarted extends Error {
    override readonly name = 'RunNotStarted'
}

/** Store keys of the retry queue for OpenSRP ids (a client's or an event's: both are asked for). */
export const retryKeysOf = (sourceIds: readonly string[]): string[] =>
    sourceIds.flatMap((id) => [`client:${id}`, `event:${id}`])

/**
 * One run from the browser, wired as the CLI wires it (src/cli/commands/sync.ts): configuration
 * from the dataStore, OpenSRP through the DHIS2 route (by the data engine, with retries) or
 * directly on servers without routes, the browser's sync store, and runConnector for the lock,
 * the sync and the report.
 */
export async function runFromBrowser(
    deps: PipelineDeps,
    request: RunRequest,
    { signal, onProgress }: RunOptions
): Promise<RunOutcome> {
    let progress: RunProgress = startProgress(deps.clock.now())
    const throttle = throttleProgress(deps.clock, 250, onProgress)
    const emit = (next: RunProgress) => {
        progress = next
        throttle.report(next)
    }
    emit(updateProgress(progress, { phase: 'reading-configuration' }))
    const loaded = await loadConfiguration(deps.kv, { signal })
    if (!loaded.ok) throw new RunNotStarted(loaded.error.message)
    const { settings, mappings } = loaded
    const source = createOpenSrpSource(await openSrpTransportFor(settings, deps, { signal }), {
        pageSize: settings.pageSize,
    })
    const orgUnits = await readOrgUnits(deps.engine, signal)
    const store = await deps.openStore(scopeKey(request.scope))
    try {
        emit(updateProgress(progress, { phase: 'checking-lock' }))
        const base = progress
        const result = await runConnector({
            engine: deps.engine,
            version: deps.version,
            kv: deps.kv,
            cursors: createKeyValueCursorStore(deps.kv),
            store,
            source,
            clock: deps.clock,
            settings,
            mappings,
            orgUnits,
            scope: request.scope,
            dryRun: request.dryRun,
            user: deps.user,
            trigger: 'manual',
            ...(request.retry ? { retryKeys: retryKeysOf(request.retry) } : {}),
            signal,
            onProgress: (sync: SyncProgress) =>
                emit({
                    ...base,
                    phase: sync.phase,
                    pulled: sync.pulled,
                    written: sync.written,
                    unchanged: sync.unchanged,
                    skipped: sync.skipped,
                    failed: sync.failed,
                    batches: sync.batches,
                }),
        })
        throttle.flush()
        if (result.outcome === 'locked') {
            throw new RunNotStarted(
                describeHeldLock(result.heldBy, deps.clock.now(), {
                    ...(deps.timeZone ? { timeZone: deps.timeZone } : {}),
                })
            )
        }
        return { runId: result.runId, summary: result.summary, progress }
    } finally {
        await store.close()
    }
}

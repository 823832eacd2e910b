import { loadConfiguration } from '../../adapters/dhis2/configStore'
import { createKeyValueCursorStore } from '../../adapters/dhis2/cursorStore'
import { createOpenSrpSource } from '../../adapters/opensrp/source'
import { createTransport } from '../../adapters/opensrp/transport'
import { readOrgUnits } from '../../adapters/runner/readOrgUnits'
import { runConnector } from '../../adapters/runner/runConnector'
import { systemClock } from '../../adapters/runner/systemClock'
import type { Mappings } from '../../core/config/types'
import { describeDuration, describeHeldLock } from '../../core/runs/lockMessage'
import { scopeKey, type RunScope } from '../../core/runs/scope'
import { connect, openLocalStore, thisHost, whoAmI } from '../connect'
import { openSrpConnection } from '../openSrpConnection'
import { connectionFrom, parseCommand, UsageError } from '../options'
import { createProgressPrinter } from '../progressPrinter'
import { jsonSummary, textSummary } from '../summaryOutput'
import { runWaitingForLock } from '../waitForLock'

export { jsonSummary } from '../summaryOutput'

/** 0: all went well; 1: finished, with per-record errors; 2: did not finish, or could not start. */
const EXIT = { succeeded: 0, 'completed-with-errors': 1, failed: 2, cancelled: 2 } as const

const list = (value: string | undefined) =>
    value
        ?.split(',')
        .map((s) => s.trim())
        .filter((s) => s !== '')

function seconds(flag: string, value: string | undefined, fallback: number, min = 0): number {
    if (value === undefined) return fallback
    const parsed = Number(value)
    if (!Number.isFinite(parsed) || parsed < min)
        throw new UsageError(
            `--${flag} takes a number of seconds (at least ${min}), not '${value}'.`
        )
    return parsed
}

/** The phases the progress bar steps through for this scope. */
function phasesOf(streams: RunScope['streams'], mappings: Mappings): string[] {
    const tracker = streams !== 'aggregate' && mappings.tracker !== undefined
    const aggregate = streams !== 'tracker' && mappings.aggregate !== undefined
    return [
        ...(tracker ? ['syncing-clients'] : []),
        'syncing-events',
        ...(aggregate ? ['posting-aggregates'] : []),
    ]
}

export async function syncCommand(args: string[], env: NodeJS.ProcessEnv): Promise<number> {
    const { values } = parseCommand(args, {
        only: { type: 'string' },
        'dry-run': { type: 'boolean', default: false },
        periods: { type: 'string' },
        'org-units': { type: 'string' },
        retry: { type: 'string' },
        scheduled: { type: 'boolean', default: false },
        wait: { type: 'string' },
        'lock-ttl': { type: 'string' },
        'opensrp-url': { type: 'string' },
        'opensrp-user': { type: 'string' },
        'opensrp-password': { type: 'string' },
    })
    const only = values.only
    if (only !== undefined && only !== 'tracker' && only !== 'aggregate')
        throw new UsageError(`--only takes tracker or aggregate, not '${only}'.`)
    const waitMs = seconds('wait', values.wait, 0) * 1000
    // A run killed outright keeps its scope locked until this passes (heartbeats renew it).
    const lockTtlMs = seconds('lock-ttl', values['lock-ttl'], 600, 3) * 1000
    const orgUnitRoots = list(values['org-units'])
    const periods = list(values.periods)
    const scope: RunScope = {
        streams: only ?? 'both',
        ...(orgUnitRoots?.length ? { orgUnits: orgUnitRoots } : {}),
        ...(periods?.length ? { periods } : {}),
    }
    const connection = connectionFrom(values, env)
    const { engine, version, kv } = await connect(connection)
    const loaded = await loadConfiguration(kv)
    if (!loaded.ok) {
        process.stderr.write(`${loaded.error.message}\n`)
        return 2
    }
    const { settings, mappings } = loaded
    const source = createOpenSrpSource(
        createTransport(
            openSrpConnection(settings, connection, {
                url: values['opensrp-url'] ?? env.OPENSRP_URL,
                user: values['opensrp-user'] ?? env.OPENSRP_USER,
                password: values['opensrp-password'] ?? env.OPENSRP_PASSWORD,
            })
        ),
        { pageSize: settings.pageSize }
    )
    const user = await whoAmI(engine, connection)
    const { store } = await openLocalStore(connection.url, values.store, scopeKey(scope))
    const abort = new AbortController()
    const stop = () => abort.abort()
    process.once('SIGINT', stop)
    process.once('SIGTERM', stop)
    const progress = createProgressPrinter(process.stderr, {
        phases: phasesOf(scope.streams, mappings),
    })
    try {
        const orgUnits = await readOrgUnits(engine, abort.signal)
        const result = await runWaitingForLock(
            () =>
                runConnector({
                    engine,
                    version,
                    kv,
                    cursors: createKeyValueCursorStore(kv),
                    store,
                    source,
                    clock: systemClock,
                    settings,
                    mappings,
                    orgUnits,
                    scope,
                    dryRun: values['dry-run'],
                    user,
                    trigger: values.scheduled ? 'scheduled' : 'manual',
                    host: thisHost(),
                    retryKeys: list(values.retry),
                    signal: abort.signal,
                    onProgress: (p) => progress.update(p),
                    lockTtlMs,
                }),
            {
                waitMs,
                clock: systemClock,
                signal: abort.signal,
                onWaiting: (heldBy, remaining) =>
                    progress.note(
                        `${describeHeldLock(heldBy, Date.now())} Waiting up to ${describeDuration(remaining)} (--wait).`
                    ),
            }
        )
        progress.end()
        if (result.outcome === 'locked') {
            const theirs = result.heldBy.scopeKey
            const overlap =
                theirs === scopeKey(scope) ? '' : `It holds the overlapping scope '${theirs}'. `
            process.stderr.write(
                `${describeHeldLock(result.heldBy, Date.now())} ${overlap}${waitMs > 0 ? 'Gave up waiting (--wait).' : 'Add --wait SECONDS to wait for it.'}\n`
            )
            return 2
        }
        process.stdout.write(
            values.json
                ? `${JSON.stringify(jsonSummary(result.summary, result.runId))}\n`
                : textSummary(result.summary, result.runId)
        )
        return EXIT[result.summary.status]
    } finally {
        progress.end()
        process.off('SIGINT', stop)
        process.off('SIGTERM', stop)
        await store.close()
    }
}

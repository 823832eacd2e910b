import { loadConfiguration } from '../../adapters/dhis2/configStore'
import { createKeyValueCursorStore } from '../../adapters/dhis2/cursorStore'
import { createOpenSrpSource } from '../../adapters/opensrp/source'
import { createTransport } from '../../adapters/opensrp/transport'
import type { OpenSrpConnection } from '../../adapters/opensrp/connection'
import { readOrgUnits } from '../../adapters/runner/readOrgUnits'
import { runConnector } from '../../adapters/runner/runConnector'
import { systemClock } from '../../adapters/runner/systemClock'
import type { ConnectorSettings } from '../../core/config/types'
import { describeHeldLock } from '../../core/runs/lockMessage'
import type { RunSummary } from '../../core/summary/types'
import { connect, openLocalStore, thisHost } from '../connect'
import { connectionFrom, parseCommand, UsageError, type ConnectionOptions } from '../options'
import { createProgressPrinter } from '../progressPrinter'

const EXIT = { succeeded: 0, 'completed-with-errors': 1, failed: 2, cancelled: 2 } as const

function openSrpConnection(
    settings: ConnectorSettings,
    dhis2: ConnectionOptions,
    direct: { url?: string; user?: string; password?: string }
): OpenSrpConnection {
    if (direct.url) {
        if (!direct.user || !direct.password)
            throw new UsageError(
                '--opensrp-url needs --opensrp-user and --opensrp-password (or OPENSRP_USER, OPENSRP_PASSWORD).'
            )
        return {
            mode: 'direct',
            baseUrl: direct.url,
            auth: { type: 'basic', username: direct.user, password: direct.password },
        }
    }
    if (settings.opensrp.mode === 'direct') {
        throw new UsageError(
            `The settings read OpenSRP directly at ${settings.opensrp.baseUrl}; give --opensrp-url, --opensrp-user and --opensrp-password.`
        )
    }
    return {
        mode: 'route',
        dhis2BaseUrl: dhis2.url,
        routeCode: settings.opensrp.routeCode,
        ...(dhis2.auth.type === 'token'
            ? { dhis2ApiToken: dhis2.auth.token }
            : { dhis2Basic: { username: dhis2.auth.username, password: dhis2.auth.password } }),
    }
}

/** The JSON the issue promises on stdout: status, totals and per-record errors. */
export function jsonSummary(summary: RunSummary, runId: string) {
    return {
        status: summary.status,
        runId,
        dryRun: summary.dryRun,
        tracker: summary.tracker ?? null,
        aggregate: summary.aggregate ?? null,
        errors: summary.errors.map(({ sourceId, kind, code, message }) => ({
            sourceId,
            kind,
            code,
            message,
        })),
        errorsOmitted: summary.errorsOmitted,
        ...(summary.failure ? { failure: summary.failure } : {}),
    }
}

function textSummary(summary: RunSummary): string {
    const lines = [
        `Run ${summary.status}${summary.dryRun ? ' (dry run: DHIS2 was not changed)' : ''}.`,
    ]
    const t = summary.tracker
    if (t) {
        lines.push(
            `Tracker: ${t.created} created, ${t.updated} updated, ${t.deleted} deleted in DHIS2; ${t.unchanged} unchanged, ${t.skipped} skipped, ${t.failed} failed, ${t.waiting} waiting to be retried.`
        )
    }
    const a = summary.aggregate
    if (a) {
        lines.push(
            `Aggregate: ${a.written} values written, ${a.unchanged} unchanged, ${a.failed} failed, ${a.counted} events counted.`
        )
        for (const held of a.heldBack)
            lines.push(`  held back ${held.dataSet} ${held.period}: ${held.message}`)
    }
    for (const error of summary.errors.slice(0, 50))
        lines.push(`  ${error.sourceId} [${error.code}] ${error.message}`)
    const more = summary.errors.length - 50 + summary.errorsOmitted
    if (more > 0) lines.push(`  … and ${more} more errors (see the run report, or --json).`)
    if (summary.failure) lines.push(`Stopped: ${summary.failure.message}`)
    return `${lines.join('\n')}\n`
}

export async function syncCommand(args: string[], env: NodeJS.ProcessEnv): Promise<number> {
    const { values } = parseCommand(args, {
        only: { type: 'string' },
        'dry-run': { type: 'boolean', default: false },
        periods: { type: 'string' },
        'org-units': { type: 'string' },
        retry: { type: 'string' },
        scheduled: { type: 'boolean', default: false },
        'opensrp-url': { type: 'string' },
        'opensrp-user': { type: 'string' },
        'opensrp-password': { type: 'string' },
    })
    const only = values.only
    if (only !== undefined && only !== 'tracker' && only !== 'aggregate')
        throw new UsageError(`--only takes tracker or aggregate, not '${only}'.`)
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
    const store = await openLocalStore(connection.url, values.store)
    const abort = new AbortController()
    const stop = () => abort.abort()
    process.once('SIGINT', stop)
    process.once('SIGTERM', stop)
    const progress = createProgressPrinter(process.stderr)
    try {
        const result = await runConnector({
            engine,
            version,
            kv,
            cursors: createKeyValueCursorStore(kv),
            store,
            source,
            clock: systemClock,
            settings,
            mappings,
            orgUnits: await readOrgUnits(engine, abort.signal),
            scope: {
                streams: only ?? 'both',
                ...(values['org-units'] ? { orgUnits: values['org-units'].split(',') } : {}),
                ...(values.periods ? { periods: values.periods.split(',') } : {}),
            },
            dryRun: values['dry-run'],
            user: connection.auth.type === 'basic' ? connection.auth.username : 'token',
            trigger: values.scheduled ? 'scheduled' : 'manual',
            host: thisHost(),
            retryKeys: values.retry?.split(','),
            signal: abort.signal,
            onProgress: (p) => progress.update(p),
        })
        progress.end()
        if (result.outcome === 'locked') {
            process.stderr.write(`${describeHeldLock(result.heldBy, Date.now())}\n`)
            return 2
        }
        process.stdout.write(
            values.json
                ? `${JSON.stringify(jsonSummary(result.summary, result.runId))}\n`
                : textSummary(result.summary)
        )
        return EXIT[result.summary.status]
    } finally {
        process.off('SIGINT', stop)
        process.off('SIGTERM', stop)
        await store.close()
    }
}

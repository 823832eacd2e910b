import { listRunLocks } from '../../core/runs/lock'
import { describeHeldLock } from '../../core/runs/lockMessage'
import { heldBy, isExpired } from '../../core/runs/lockRecord'
import { listRunReports, readRunReport } from '../../core/runs/reports'
import { connect } from '../connect'
import { connectionFrom, parseCommand, UsageError } from '../options'
import { describeScope, formatRunList, formatRunReport, groupByCode } from '../runsText'

function limitOf(value: string | undefined): number | undefined {
    if (value === undefined) return 20
    const limit = Number(value)
    if (!Number.isInteger(limit) || limit < 1)
        throw new UsageError(`--limit takes a whole number of runs, not '${value}'.`)
    return limit
}

/**
 * `runs list [--limit N]`, `runs show ID` and `runs locks`: the run history and the locks held,
 * read from the dataStore as the app's History page reads them (every run, no facility filter:
 * the token's user sees what the dataStore shares with it).
 */
export async function runsCommand(args: string[], env: NodeJS.ProcessEnv): Promise<number> {
    const { values, positionals } = parseCommand(args, { limit: { type: 'string' } })
    const [action, id] = positionals
    if (action !== 'list' && action !== 'show' && action !== 'locks')
        throw new UsageError('runs takes list, show ID or locks.')
    if (action === 'show' && !id)
        throw new UsageError('runs show needs a run id (runs list shows them).')
    const limit = limitOf(values.limit)
    const { kv } = await connect(connectionFrom(values, env))
    const out = (text: string) => process.stdout.write(text)

    if (action === 'list') {
        const entries = await listRunReports(kv, { limit })
        out(values.json ? `${JSON.stringify({ runs: entries })}\n` : formatRunList(entries))
        return 0
    }
    if (action === 'show') {
        const report = await readRunReport(kv, id ?? '')
        if (!report) {
            process.stderr.write(
                `No run report '${id}' in DHIS2 (older reports are removed by retention; runs list shows those kept).\n`
            )
            return 2
        }
        const explanations = Object.fromEntries(
            groupByCode(report.summary.errors).map((g) => [g.code, g.explanation])
        )
        out(
            values.json
                ? `${JSON.stringify({ ...report, explanations })}\n`
                : formatRunReport(report)
        )
        return 0
    }
    const now = Date.now()
    const locks = await listRunLocks(kv)
    if (values.json) {
        out(
            `${JSON.stringify({ locks: locks.map((lock) => ({ ...lock, expired: isExpired(lock, now) })) })}\n`
        )
        return 0
    }
    if (locks.length === 0) out('No run holds a lock.\n')
    for (const lock of locks) {
        out(
            `${lock.scopeKey} (${describeScope(lock.scope)}): ${describeHeldLock(heldBy(lock), now)}\n`
        )
    }
    return 0
}

import type { RunSummary } from '../core/summary/types'

/**
 * The run's summary on stdout: one JSON object with --json, a few readable lines otherwise.
 * Per-record errors carry the OpenSRP id (sourceId) a reviewer looks up, never personal data.
 */

/** `{status, runId, dryRun, tracker, aggregate, errors: [{sourceId, kind, code, message}], …}`. */
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

const SHOWN_ERRORS = 50

export function textSummary(summary: RunSummary, runId?: string): string {
    const lines = [
        `Run ${summary.status}${summary.dryRun ? ' (dry run: DHIS2 was not changed)' : ''}${runId ? ` (run ${runId})` : ''}.`,
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
    for (const error of summary.errors.slice(0, SHOWN_ERRORS))
        lines.push(`  ${error.sourceId} [${error.code}] ${error.message}`)
    const more = summary.errors.length - SHOWN_ERRORS + summary.errorsOmitted
    if (more > 0)
        lines.push(`  … and ${more} more errors (see \`runs show ${runId ?? 'ID'}\`, or --json).`)
    if (summary.failure) lines.push(`Stopped: ${summary.failure.message}`)
    return `${lines.join('\n')}\n`
}

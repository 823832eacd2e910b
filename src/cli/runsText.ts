import type { RunIndexEntry, RunReport } from '../core/runs/reportRecord'
import type { RunScope } from '../core/runs/scope'
import { orgUnitIdOf } from '../core/runs/scope'
import { explainCode, type Explanation } from '../core/summary/explain'
import type { RecordError } from '../core/summary/types'
import { formatElapsed } from './progressPrinter'

/** `runs list` and `runs show` as text: what an operator reads in a terminal or a cron mail. */

/** `2024-03-01 10:02` (UTC). */
const when = (iso: string) => `${iso.slice(0, 10)} ${iso.slice(11, 16)}`

export function describeScope(scope: RunScope): string {
    const roots = (scope.orgUnits ?? []).map((entry) => orgUnitIdOf(entry) ?? entry)
    return [
        scope.streams,
        roots.length > 0 ? roots.join('+') : 'whole country',
        ...(scope.periods?.length ? [`periods ${scope.periods.join(',')}`] : []),
    ].join(' · ')
}

function table(rows: string[][]): string[] {
    const widths = rows[0]?.map((_, column) =>
        Math.max(...rows.map((row) => (row[column] ?? '').length))
    )
    return rows.map((row) =>
        row
            .map((cell, column) => cell.padEnd(widths?.[column] ?? 0))
            .join('  ')
            .trimEnd()
    )
}

export function formatRunList(entries: RunIndexEntry[]): string {
    if (entries.length === 0) return 'No run reports yet.\n'
    const rows = [
        ['STARTED (UTC)', 'ID', 'STATUS', 'TRIGGER', 'USER', 'SCOPE', 'READ', 'WRITTEN', 'ERRORS'],
        ...entries.map((e) => [
            when(e.startedAt),
            e.id,
            `${e.status}${e.dryRun ? ' (dry run)' : ''}`,
            e.trigger,
            e.user,
            describeScope(e.scope),
            String(e.counts.pulled),
            String(e.counts.written),
            String(e.errorCount),
        ]),
    ]
    return `${table(rows).join('\n')}\n`
}

export interface CodeGroup {
    code: string
    explanation: Explanation
    count: number
    sourceIds: string[]
}

/** The report's errors grouped by code, biggest group first, each with what it means and what to do. */
export function groupByCode(errors: RecordError[]): CodeGroup[] {
    const groups = new Map<string, CodeGroup>()
    for (const error of errors) {
        const group = groups.get(error.code) ?? {
            code: error.code,
            explanation: explainCode(error.code),
            count: 0,
            sourceIds: [],
        }
        group.count++
        if (!group.sourceIds.includes(error.sourceId)) group.sourceIds.push(error.sourceId)
        groups.set(error.code, group)
    }
    return [...groups.values()].sort((a, b) => b.count - a.count || a.code.localeCompare(b.code))
}

const IDS_SHOWN = 10

function errorLine(e: RecordError): string {
    const where = [e.orgUnit && `org unit ${e.orgUnit}`, e.period && `period ${e.period}`]
        .filter(Boolean)
        .join(', ')
    return `  ${e.sourceId} [${e.code}] ${e.kind} ${e.recordKind}${where ? ` (${where})` : ''}: ${e.message}`
}

export function formatRunReport(report: RunReport, { errorsShown = 100 } = {}): string {
    const { summary, counts } = report
    const took = Date.parse(report.finishedAt) - Date.parse(report.startedAt)
    const lines = [
        `Run ${report.id}: ${summary.status}${report.dryRun ? ' (dry run: DHIS2 was not changed)' : ''}`,
        `  by ${report.user} (${report.trigger})${report.host ? ` on ${report.host}` : ''}`,
        `  started ${report.startedAt}, finished ${report.finishedAt} (${formatElapsed(took)})`,
        `  scope: ${describeScope(report.scope)}`,
        `  settings and mappings fingerprint: ${report.fingerprint}`,
        `Counts: ${counts.pulled} read, ${counts.written} written, ${counts.unchanged} unchanged, ${counts.skipped} skipped, ${counts.failed} failed, ${counts.batches} batches`,
    ]
    const t = summary.tracker
    if (t)
        lines.push(
            `Tracker: ${t.created} created, ${t.updated} updated, ${t.deleted} deleted; ${t.unchanged} unchanged, ${t.skipped} skipped, ${t.failed} failed, ${t.waiting} waiting`
        )
    const a = summary.aggregate
    if (a) {
        lines.push(
            `Aggregate: ${a.written} values written, ${a.unchanged} unchanged, ${a.failed} failed, ${a.counted} events counted`
        )
        for (const held of a.heldBack)
            lines.push(`  held back ${held.dataSet} ${held.period}: ${held.message}`)
    }
    if (summary.failure) lines.push(`Stopped [${summary.failure.code}]: ${summary.failure.message}`)
    const total = summary.errors.length + summary.errorsOmitted
    if (total === 0) {
        lines.push('No per-record errors.')
        return `${lines.join('\n')}\n`
    }
    const groups = groupByCode(summary.errors)
    lines.push(`Problems by code (${groups.length} codes, ${summary.errors.length} records kept):`)
    for (const group of groups) {
        const more = group.sourceIds.length - IDS_SHOWN
        lines.push(
            `  ${group.code} × ${group.count}: ${group.explanation.title}`,
            `      What to do: ${group.explanation.action}`,
            `      OpenSRP ids: ${group.sourceIds.slice(0, IDS_SHOWN).join(', ')}${more > 0 ? ` … and ${more} more` : ''}`
        )
    }
    lines.push('Per-record errors:')
    lines.push(...summary.errors.slice(0, errorsShown).map(errorLine))
    const notShown = summary.errors.length - errorsShown
    if (notShown > 0) lines.push(`  … ${notShown} more kept in the report (--json shows all)`)
    if (summary.errorsOmitted > 0)
        lines.push(
            `  ${summary.errorsOmitted} more errors were counted but not kept (the report keeps a limited number per run).`
        )
    return `${lines.join('\n')}\n`
}

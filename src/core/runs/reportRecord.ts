import type { RunStatus, RunSummary } from '../summary/types'
import { booleanAt, isObject, isoAt, numberAt, oneOf, stringAt, stringsAt } from './guards'
import type { JsonObject } from './guards'
import { parseRunScope, RUN_TRIGGERS } from './lockRecord'
import type { RunTrigger } from './lockRecord'
import type { RunCounts } from './progress'
import type { RunScope } from './scope'
import { parseRunSummary, RUN_STATUSES } from './summaryRecord'

/**
 * Run reports in the dataStore: one key per run, `run.<startedAt compact>.<id>`, so the key order
 * is the time order, and `runs.index` listing them newest first for the history page.
 */

export interface RunReport {
    version: 1
    id: string
    /** DHIS2 username that started the run (the token's owner for scheduled runs). */
    user: string
    trigger: RunTrigger
    host?: string
    startedAt: string
    finishedAt: string
    scope: RunScope
    dryRun: boolean
    /** fingerprint() of settings and mappings. */
    fingerprint: string
    /** Redacted; errors capped at maxErrorsPerReport, the rest counted in errorsOmitted. */
    summary: RunSummary
    counts: RunCounts
    /** Every org unit named by the run's errors (also those left out), sorted: facility filtering. */
    orgUnits: string[]
    /** Errors left out, per org unit, so a facility's reader is told how many of theirs are missing. */
    errorsOmittedByOrgUnit: Record<string, number>
}

export interface RunIndexEntry {
    id: string
    /** The report's dataStore key. */
    key: string
    startedAt: string
    finishedAt: string
    status: RunStatus
    user: string
    trigger: RunTrigger
    dryRun: boolean
    scope: RunScope
    /**
     * The report's org units; left out when there are more than INDEX_ORG_UNIT_LIMIT (then a
     * filtered listing reads that report), so the index stays small for national runs.
     */
    orgUnits?: string[]
    orgUnitCount: number
    counts: RunCounts
    /** Errors kept plus errors omitted. */
    errorCount: number
}

export const RUN_KEY_PREFIX = 'run.'
export const RUN_INDEX_KEY = 'runs.index'
export const INDEX_ORG_UNIT_LIMIT = 100

const RUN_ID = /^[A-Za-z0-9_-]{1,64}$/
const RUN_KEY = /^run\.(\d{8}T\d{9}Z)\.([A-Za-z0-9_-]{1,64})$/

/** `run.20240301T100200000Z.<id>`; throws for an id or a time that cannot make a safe key. */
export function runReportKey(startedAt: string, id: string): string {
    if (!RUN_ID.test(id)) throw new Error(`A run id must be 1–64 letters, digits, - or _: ${id}`)
    const ms = Date.parse(startedAt)
    if (!Number.isFinite(ms)) throw new Error(`Not a time: ${startedAt}`)
    const iso = new Date(ms).toISOString()
    if (!/^\d{4}-/.test(iso)) throw new Error(`Year out of range: ${startedAt}`)
    return `${RUN_KEY_PREFIX}${iso.replace(/[-:.]/g, '')}.${id}`
}

export const isRunReportKey = (key: string): boolean => RUN_KEY.test(key)

export const runIdOfKey = (key: string): string | undefined => RUN_KEY.exec(key)?.[2]

function parseCounts(value: unknown): RunCounts | undefined {
    if (!isObject(value)) return undefined
    const pulled = numberAt(value, 'pulled')
    const mapped = numberAt(value, 'mapped')
    const written = numberAt(value, 'written')
    const unchanged = numberAt(value, 'unchanged')
    const skipped = numberAt(value, 'skipped')
    const failed = numberAt(value, 'failed')
    const batches = numberAt(value, 'batches')
    if (
        pulled === undefined ||
        mapped === undefined ||
        written === undefined ||
        unchanged === undefined ||
        skipped === undefined ||
        failed === undefined ||
        batches === undefined
    )
        return undefined
    return { pulled, mapped, written, unchanged, skipped, failed, batches }
}

function parseOmitted(value: unknown): Record<string, number> {
    const result: Record<string, number> = {}
    if (!isObject(value)) return result
    for (const [orgUnit, count] of Object.entries(value)) {
        if (typeof count === 'number' && Number.isFinite(count)) result[orgUnit] = count
    }
    return result
}

/** What every run record shares (report and index entry). */
function parseRunHeader(o: JsonObject) {
    const id = stringAt(o, 'id')
    const user = stringAt(o, 'user')
    const trigger = oneOf(o.trigger, RUN_TRIGGERS)
    const startedAt = isoAt(o, 'startedAt')
    const finishedAt = isoAt(o, 'finishedAt')
    const scope = parseRunScope(o.scope)
    const dryRun = booleanAt(o, 'dryRun')
    const counts = parseCounts(o.counts)
    if (!id || user === undefined || !trigger || !startedAt || !finishedAt || !scope)
        return undefined
    if (dryRun === undefined || !counts) return undefined
    return { id, user, trigger, startedAt, finishedAt, scope, dryRun, counts }
}

export function parseRunReport(value: unknown): RunReport | undefined {
    if (!isObject(value) || value.version !== 1) return undefined
    const header = parseRunHeader(value)
    const fingerprint = stringAt(value, 'fingerprint')
    const summary = parseRunSummary(value.summary)
    const orgUnits = stringsAt(value, 'orgUnits')
    const host = stringAt(value, 'host')
    if (!header || fingerprint === undefined || !summary || !orgUnits) return undefined
    return {
        version: 1,
        ...header,
        ...(host !== undefined ? { host } : {}),
        fingerprint,
        summary,
        orgUnits,
        errorsOmittedByOrgUnit: parseOmitted(value.errorsOmittedByOrgUnit),
    }
}

function parseIndexEntry(value: unknown): RunIndexEntry | undefined {
    if (!isObject(value)) return undefined
    const header = parseRunHeader(value)
    const key = stringAt(value, 'key')
    const status = oneOf(value.status, RUN_STATUSES)
    const orgUnits = value.orgUnits === undefined ? undefined : stringsAt(value, 'orgUnits')
    const orgUnitCount = numberAt(value, 'orgUnitCount')
    const errorCount = numberAt(value, 'errorCount')
    if (!header || !key || !isRunReportKey(key) || !status) return undefined
    if (value.orgUnits !== undefined && !orgUnits) return undefined
    return {
        ...header,
        key,
        status,
        ...(orgUnits ? { orgUnits } : {}),
        orgUnitCount: orgUnitCount ?? orgUnits?.length ?? 0,
        errorCount: errorCount ?? 0,
    }
}

/** The index's entries; unreadable ones are left out (the reports themselves fill the gap). */
export function parseRunIndex(value: unknown): RunIndexEntry[] {
    if (!isObject(value) || !Array.isArray(value.runs)) return []
    return value.runs.map(parseIndexEntry).filter((e) => e !== undefined)
}

export function indexEntryOf(report: RunReport, key: string): RunIndexEntry {
    const { id, user, trigger, startedAt, finishedAt, scope, dryRun, counts, orgUnits } = report
    return {
        id,
        key,
        startedAt,
        finishedAt,
        status: report.summary.status,
        user,
        trigger,
        dryRun,
        scope,
        ...(orgUnits.length <= INDEX_ORG_UNIT_LIMIT ? { orgUnits } : {}),
        orgUnitCount: orgUnits.length,
        counts,
        errorCount: report.summary.errors.length + report.summary.errorsOmitted,
    }
}

import type { RunCounts } from '../../core/runs/progress'
import type { RunScope } from '../../core/runs/scope'
import type { RunStatus } from '../../core/summary/types'

/**
 * One line of the run history (dataStore key `runs.index`). Provisional reader: it accepts what
 * the runs core writes and skips entries it cannot read instead of failing the whole list.
 */
export interface RunIndexEntry {
    id: string
    startedAt: string
    finishedAt?: string
    status: RunStatus | 'running'
    dryRun: boolean
    trigger: string
    /** Who started it (username or display name). */
    user: string
    scope: RunScope
    counts: Partial<RunCounts>
    /** The org units the run touched: facility staff see runs that touched theirs. */
    orgUnits?: string[]
}

const STATUSES: ReadonlyArray<RunIndexEntry['status']> = [
    'succeeded',
    'completed-with-errors',
    'failed',
    'cancelled',
    'running',
]
const STREAMS: ReadonlyArray<RunScope['streams']> = ['tracker', 'aggregate', 'both']
const COUNT_NAMES: ReadonlyArray<keyof RunCounts> = [
    'pulled',
    'mapped',
    'written',
    'unchanged',
    'skipped',
    'failed',
    'batches',
]

type Json = Record<string, unknown>
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v)
const str = (o: Json, k: string): string | undefined => {
    const v = o[k]
    return typeof v === 'string' ? v : undefined
}
function strings(v: unknown): string[] | undefined {
    if (!Array.isArray(v)) return undefined
    const list = v.filter((s): s is string => typeof s === 'string')
    return list.length === v.length ? list : undefined
}

function scopeOf(value: unknown): RunScope {
    if (!isObject(value)) return { streams: 'both' }
    const streams = STREAMS.find((s) => s === value.streams) ?? 'both'
    const orgUnits = strings(value.orgUnits)
    const periods = strings(value.periods)
    return {
        streams,
        ...(orgUnits ? { orgUnits } : {}),
        ...(periods ? { periods } : {}),
    }
}

function countsOf(value: unknown): Partial<RunCounts> {
    if (!isObject(value)) return {}
    const counts: Partial<RunCounts> = {}
    for (const name of COUNT_NAMES) {
        const n = value[name]
        if (typeof n === 'number' && Number.isFinite(n)) counts[name] = n
    }
    return counts
}

function userOf(value: unknown): string {
    if (typeof value === 'string') return value
    if (isObject(value)) return str(value, 'displayName') ?? str(value, 'username') ?? '?'
    return '?'
}

export function readRunIndexEntry(value: unknown): RunIndexEntry | undefined {
    if (!isObject(value)) return undefined
    const id = str(value, 'id') ?? str(value, 'runId')
    const startedAt = str(value, 'startedAt')
    const status = STATUSES.find((s) => s === value.status)
    if (!id || !startedAt || !status) return undefined
    const finishedAt = str(value, 'finishedAt')
    const orgUnits = strings(value.orgUnits)
    return {
        id,
        startedAt,
        ...(finishedAt ? { finishedAt } : {}),
        status,
        dryRun: value.dryRun === true,
        trigger: str(value, 'trigger') ?? 'manual',
        user: userOf(value.user ?? value.startedBy),
        scope: scopeOf(value.scope),
        counts: countsOf(value.counts),
        ...(orgUnits ? { orgUnits } : {}),
    }
}

/** The index, newest first; unreadable entries are left out. */
export function readRunIndex(value: unknown): RunIndexEntry[] {
    const list = Array.isArray(value) ? value : isObject(value) ? value.runs : undefined
    if (!Array.isArray(list)) return []
    return list
        .map(readRunIndexEntry)
        .filter((e): e is RunIndexEntry => e !== undefined)
        .sort((a, b) => b.startedAt.localeCompare(a.startedAt))
}

import type { KeyValueStore } from '../ports/keyValueStore'
import { prepareRunReport } from './prepareReport'
import type { PrepareReportOptions, RunReportInput } from './prepareReport'
import {
    indexEntryOf,
    isRunReportKey,
    parseRunIndex,
    parseRunReport,
    RUN_INDEX_KEY,
    runIdOfKey,
    runReportKey,
} from './reportRecord'
import type { RunIndexEntry, RunReport } from './reportRecord'
import { asViewer, isRunVisible, reportVisibleTo } from './visibility'
import type { OrgUnitVisibility, RunViewer } from './visibility'

/**
 * Run reports in the dataStore with retention, and the history index beside them.
 *
 * The index is a convenience, not the truth: the report keys are. Two runs finishing at once can
 * each write the index without the other's entry (no compare-and-swap), so every save and every
 * listing reconciles the index with the keys: a report missing from the index is read and added, an
 * entry whose report is gone is dropped. Normally a listing reads just the index and the key list.
 */

export interface SaveRunReportOptions extends PrepareReportOptions {
    /** Reports kept; older ones are deleted. */
    maxReports: number
    signal?: AbortSignal
}

export interface SavedRunReport {
    key: string
    /** What was stored (redacted and capped). */
    report: RunReport
    /** Keys of the older reports deleted by retention. */
    removed: string[]
}

async function readIndex(kv: KeyValueStore, signal?: AbortSignal): Promise<RunIndexEntry[]> {
    return parseRunIndex(await kv.read(RUN_INDEX_KEY, { signal }))
}

/** Report keys, newest first. */
async function reportKeys(kv: KeyValueStore, signal?: AbortSignal): Promise<string[]> {
    return (await kv.keys({ signal })).filter(isRunReportKey).sort().reverse()
}

/** One entry per key, from the index where it has one, else from the report itself. */
async function entriesFor(
    kv: KeyValueStore,
    keys: string[],
    indexed: RunIndexEntry[],
    signal?: AbortSignal
): Promise<RunIndexEntry[]> {
    const byKey = new Map(indexed.map((e) => [e.key, e]))
    const entries: RunIndexEntry[] = []
    for (const key of keys) {
        const known = byKey.get(key)
        if (known) {
            entries.push(known)
            continue
        }
        const report = parseRunReport(await kv.read(key, { signal }))
        if (report) entries.push(indexEntryOf(report, key))
    }
    return entries
}

/** Redacts and writes the report, updates the index, and deletes reports beyond maxReports. */
export async function saveRunReport(
    kv: KeyValueStore,
    input: RunReportInput,
    options: SaveRunReportOptions
): Promise<SavedRunReport> {
    const { maxReports, signal } = options
    if (!Number.isInteger(maxReports) || maxReports < 1)
        throw new Error(`maxReports must be a whole number of at least 1: ${maxReports}`)
    const key = runReportKey(input.startedAt, input.id)
    const report = prepareRunReport(input, options)
    await kv.write(key, report, { signal })

    const indexed = (await readIndex(kv, signal)).filter((e) => e.key !== key)
    const keys = [...new Set([key, ...(await reportKeys(kv, signal))])].sort().reverse()
    const kept = keys.slice(0, maxReports)
    const removed = keys.slice(maxReports)
    const entries = await entriesFor(
        kv,
        kept,
        kept.includes(key) ? [indexEntryOf(report, key), ...indexed] : indexed,
        signal
    )
    // The index first: a crash before the deletions leaves old reports that the next save removes,
    // never index entries pointing at nothing.
    await kv.write(RUN_INDEX_KEY, { version: 1, runs: entries }, { signal })
    for (const old of removed) await kv.remove(old, { signal })
    return { key, report, removed }
}

export interface ListRunReportsOptions {
    /** Only runs this user may see; everything when absent. */
    viewer?: OrgUnitVisibility | RunViewer
    /** At most this many entries (after filtering); all when absent. */
    limit?: number
    /** Entries to skip (after filtering), for paging. */
    offset?: number
    signal?: AbortSignal
}

/** The run history, newest first, without reading every report. */
export async function listRunReports(
    kv: KeyValueStore,
    { viewer, limit, offset = 0, signal }: ListRunReportsOptions = {}
): Promise<RunIndexEntry[]> {
    const keys = await reportKeys(kv, signal)
    const entries = await entriesFor(kv, keys, await readIndex(kv, signal), signal)
    if (!viewer) return entries.slice(offset, limit === undefined ? undefined : offset + limit)
    const who = asViewer(viewer)
    const visible: RunIndexEntry[] = []
    for (const entry of entries) {
        if (limit !== undefined && visible.length >= offset + limit) break
        // A national run names too many org units for the index: its report tells.
        const orgUnits =
            entry.orgUnits ?? parseRunReport(await kv.read(entry.key, { signal }))?.orgUnits ?? []
        if (isRunVisible({ scope: entry.scope, orgUnits }, who)) visible.push(entry)
    }
    return visible.slice(offset, limit === undefined ? undefined : offset + limit)
}

async function findReportKey(
    kv: KeyValueStore,
    id: string,
    signal?: AbortSignal
): Promise<string | undefined> {
    const keys = await reportKeys(kv, signal)
    const indexed = (await readIndex(kv, signal)).find((e) => e.id === id)?.key
    if (indexed && keys.includes(indexed)) return indexed
    return keys.find((k) => runIdOfKey(k) === id)
}

/**
 * One run's report; with a viewer, undefined when the run is not theirs to see, and otherwise
 * only the errors of org units they may see.
 */
export async function readRunReport(
    kv: KeyValueStore,
    id: string,
    viewer?: OrgUnitVisibility | RunViewer,
    { signal }: { signal?: AbortSignal } = {}
): Promise<RunReport | undefined> {
    const key = await findReportKey(kv, id, signal)
    const report = key === undefined ? undefined : parseRunReport(await kv.read(key, { signal }))
    if (!report || !viewer) return report
    const who = asViewer(viewer)
    return isRunVisible(report, who) ? reportVisibleTo(report, who) : undefined
}

import { z } from 'zod'
import type { Clock } from '../../core/ports/clock'
import type { ClassifiedError } from './failures'
import { classifyEngineError, throwIfAborted } from './failures'
import type { Engine } from './writerEngine'

/**
 * Async DHIS2 jobs (reference §3.1 async, §3.2): poll with backoff, each time the report first and,
 * while there is none, the job's notifications, until one says `completed`; then read its report.
 * Notifications and reports live in DHIS2's memory only, so a restart loses them: a job that vanishes, or never finishes within `maxPollMs`,
 * ends as a retryable failure, never as a hang.
 */

export interface PollOptions {
    clock: Clock
    /** First wait; doubles up to `maxIntervalMs`. */
    pollIntervalMs: number
    maxIntervalMs?: number
    /** The longest the whole wait may take. */
    maxPollMs: number
    signal?: AbortSignal
}

export type JobOutcome =
    | { kind: 'done'; report: unknown }
    | { kind: 'lost'; message: string }
    | { kind: 'timeout'; message: string }
    | { kind: 'failed'; error: ClassifiedError & { kind: 'failure' } }

type JobQuery = { data: { resource: string; id: (variables: Record<string, unknown>) => string } }

const jobId = (variables: Record<string, unknown>) => String(variables.id)

export interface JobEndpoints {
    /** The job's notifications, newest first. */
    notifications: JobQuery
    /** The finished job's report. */
    report: JobQuery
}

export const TRACKER_JOB: JobEndpoints = {
    notifications: { data: { resource: 'tracker/jobs', id: jobId } },
    report: { data: { resource: 'tracker/jobs', id: (v) => `${jobId(v)}/report` } },
}

export const DATA_VALUE_JOB: JobEndpoints = {
    notifications: { data: { resource: 'system/tasks/DATAVALUE_IMPORT', id: jobId } },
    report: { data: { resource: 'system/taskSummaries/DATAVALUE_IMPORT', id: jobId } },
}

const notifications = z.array(z.object({ completed: z.boolean().optional() }).loose())

/** How many polls a finished job may go without its report before we call it lost. */
const REPORT_MISSING_POLLS = 3
/** A job with no notification at all is given this long to show one. */
const NO_NOTIFICATION_GRACE_MS = 30_000

type Read =
    { kind: 'ok'; data: unknown } | { kind: 'missing' } | { kind: 'error'; error: ClassifiedError }

async function read(
    engine: Engine,
    query: JobQuery,
    id: string,
    signal: AbortSignal | undefined
): Promise<Read> {
    try {
        const result = await engine.query(query, { variables: { id }, signal })
        return { kind: 'ok', data: result.data }
    } catch (error) {
        const classified = classifyEngineError(error, signal)
        return classified.status === 404
            ? { kind: 'missing' }
            : { kind: 'error', error: classified }
    }
}

/** An access refusal ends the wait; any other failed read is a blip that does not lose the job. */
function refusal(read: Read): (ClassifiedError & { kind: 'failure' }) | undefined {
    if (read.kind !== 'error' || read.error.kind !== 'failure') return undefined
    return read.error.failure.kind === 'access' ? read.error : undefined
}

/** A report read as JSON; dataValueSets task summaries answer 200 with an empty body until ready. */
function reportOf(read: Read): unknown {
    if (read.kind !== 'ok' || typeof read.data !== 'object' || read.data === null) return undefined
    if (typeof Blob !== 'undefined' && read.data instanceof Blob) return undefined
    return read.data
}

const lost = (id: string): JobOutcome => ({
    kind: 'lost',
    message: `DHIS2 no longer knows import job ${id}; it was probably restarted. Whether the data was written is unknown: it is sent again in the next run, which is safe because every record keeps its ID.`,
})

/** Polls a job to its report. */
export async function awaitJobReport(
    engine: Engine,
    endpoints: JobEndpoints,
    id: string,
    options: PollOptions
): Promise<JobOutcome> {
    const { clock, signal } = options
    const maxInterval = options.maxIntervalMs ?? 5_000
    const started = clock.now()
    let interval = options.pollIntervalMs
    let seenNotifications = false
    let completedPolls = 0
    for (;;) {
        const waited = clock.now() - started
        if (waited + interval > options.maxPollMs) {
            return {
                kind: 'timeout',
                message: `DHIS2 did not finish import job ${id} within ${Math.round(options.maxPollMs / 1000)} s. The records are sent again in the next run.`,
            }
        }
        throwIfAborted(signal)
        try {
            await clock.sleep(interval, signal)
        } catch (error) {
            throwIfAborted(signal)
            throw error
        }
        throwIfAborted(signal)
        interval = Math.min(interval * 2, maxInterval)

        // The report first: most jobs are done by the first poll, and one request then does.
        // Until a job is done its report is a 404 (tracker: TrackerImportController.getJobReport,
        // 2.38–2.43) or an empty body (dataValueSets task summaries); the notifications then say
        // whether it is still running or was lost.
        const early = await read(engine, endpoints.report, id, signal)
        const earlyReport = reportOf(early)
        if (earlyReport !== undefined) return { kind: 'done', report: earlyReport }
        const earlyRefusal = refusal(early)
        if (earlyRefusal) return { kind: 'failed', error: earlyRefusal }

        const list = await read(engine, endpoints.notifications, id, signal)
        if (list.kind === 'missing') return lost(id)
        const listRefusal = refusal(list)
        if (listRefusal) return { kind: 'failed', error: listRefusal }
        if (list.kind === 'error') continue
        const parsed = notifications.safeParse(list.data)
        if (!parsed.success) continue
        if (parsed.data.length === 0) {
            if (seenNotifications || clock.now() - started > NO_NOTIFICATION_GRACE_MS)
                return lost(id)
            continue
        }
        seenNotifications = true
        if (!parsed.data.some((n) => n.completed === true)) continue

        const report = await read(engine, endpoints.report, id, signal)
        const done = reportOf(report)
        if (done !== undefined) return { kind: 'done', report: done }
        const reportRefusal = refusal(report)
        if (reportRefusal) return { kind: 'failed', error: reportRefusal }
        completedPolls++
        if (completedPolls >= REPORT_MISSING_POLLS) return lost(id)
    }
}

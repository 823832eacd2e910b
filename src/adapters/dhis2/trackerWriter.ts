import { z } from 'zod'
import type { Clock } from '../../core/ports/clock'
import type {
    TrackerImportOptions,
    TrackerImportResult,
    TrackerTarget,
} from '../../core/ports/dhis2Target'
import type { TrackerPayload } from '../../core/tracker/payload'
import { ZERO_COUNTS } from '../../core/summary/types'
import type { RequestFailure } from './failures'
import { classifyEngineError } from './failures'
import { trackerImportResult } from './importReport'
import type { JobOutcome } from './jobs'
import { TRACKER_JOB, awaitJobReport } from './jobs'
import { findTrackedEntitiesByAttribute } from './trackedEntityLookup'
import type { Engine, ServerVersion } from './writerEngine'

export interface TrackerWriterOptions {
    clock: Clock
    /** First wait between polls of an async job (doubles up to 5 s). Default 500 ms. */
    pollIntervalMs?: number
    /** The longest wait for a job's report. Default 10 minutes. */
    maxPollMs?: number
    /** `async=false`: for small batches; DHIS2 answers with the report at once. Default false. */
    sync?: boolean
}

/**
 * POST /api/tracker (reference §3.2). `atomicMode=OBJECT` so one bad object never holds back
 * the others; async by default, because a job survives batches that outlast a request's timeout.
 */
const importTracker = {
    type: 'create',
    resource: 'tracker',
    params: (v: Record<string, unknown>) => ({
        async: v.async === true,
        atomicMode: 'OBJECT',
        importMode: v.dryRun === true ? 'VALIDATE' : 'COMMIT',
        importStrategy: v.strategy === 'DELETE' ? 'DELETE' : 'CREATE_AND_UPDATE',
        reportMode: 'ERRORS',
    }),
    data: (v: Record<string, unknown>) => v.payload,
} as const

const jobAccepted = z.object({ response: z.object({ id: z.string().min(1) }) })

export function failedTrackerResult(failure: RequestFailure): TrackerImportResult {
    return { status: 'ERROR', counts: { ...ZERO_COUNTS }, conflicts: [], rejected: [], failure }
}

const unexpected = (what: string): TrackerImportResult =>
    failedTrackerResult({
        kind: 'transport',
        message: `DHIS2 answered the tracker import with ${what}. The records are sent again in the next run.`,
        retryable: true,
        code: 'DHIS2_UNEXPECTED_ANSWER',
    })

function jobFailure(outcome: Exclude<JobOutcome, { kind: 'done' }>): TrackerImportResult {
    if (outcome.kind === 'failed') return failedTrackerResult(outcome.error.failure)
    return failedTrackerResult({
        kind: 'transport',
        message: outcome.message,
        retryable: true,
        code: outcome.kind === 'lost' ? 'DHIS2_IMPORT_REPORT_LOST' : 'DHIS2_IMPORT_TIMEOUT',
    })
}

/** The `/api/tracker` writer (2.38–2.43). */
export function createTrackerWriter(
    engine: Engine,
    version: ServerVersion,
    options: TrackerWriterOptions
): TrackerTarget {
    const poll = {
        clock: options.clock,
        pollIntervalMs: options.pollIntervalMs ?? 100,
        maxPollMs: options.maxPollMs ?? 600_000,
    }
    const async = options.sync !== true

    async function send(
        payload: TrackerPayload | { events: Array<{ event: string }> },
        { dryRun, strategy, signal }: TrackerImportOptions
    ): Promise<TrackerImportResult> {
        if (isEmpty(payload))
            return { status: 'OK', counts: { ...ZERO_COUNTS }, conflicts: [], rejected: [] }
        let answer: unknown
        try {
            answer = await engine.mutate(importTracker, {
                variables: { payload, async, dryRun, strategy },
                signal,
            })
        } catch (error) {
            const classified = classifyEngineError(error, signal)
            if (classified.kind === 'failure') return failedTrackerResult(classified.failure)
            // A sync 409 carries the ImportReport itself; any other WebMessage is a refusal.
            return (
                trackerImportResult(classified.body) ??
                trackerImportResult(Reflect.get(Object(classified.body), 'response')) ??
                failedTrackerResult({
                    kind: 'rejected',
                    message: `DHIS2 refused the tracker import${messageOf(classified.body)}.`,
                    retryable: false,
                    code: 'DHIS2_REQUEST_REFUSED',
                })
            )
        }
        const immediate = trackerImportResult(answer)
        if (immediate) return immediate
        const accepted = jobAccepted.safeParse(answer)
        if (!accepted.success) return unexpected('neither a report nor a job')
        const outcome = await awaitJobReport(engine, TRACKER_JOB, accepted.data.response.id, {
            ...poll,
            signal,
        })
        if (outcome.kind !== 'done') return jobFailure(outcome)
        return trackerImportResult(outcome.report) ?? unexpected('a job report it could not read')
    }

    return {
        kind: 'tracker',
        importTracker: send,
        deleteEvents: (uids, deleteOptions) =>
            send(
                { events: uids.map((event) => ({ event })) },
                { ...deleteOptions, strategy: 'DELETE' }
            ),
        findTrackedEntitiesByAttribute: (query, lookupOptions) =>
            findTrackedEntitiesByAttribute(engine, version, query, lookupOptions?.signal),
    }
}

const isEmpty = (payload: TrackerPayload | { events: unknown[] }) =>
    Object.values(payload).every((list) => Array.isArray(list) && list.length === 0)

function messageOf(body: unknown): string {
    const message: unknown = Reflect.get(Object(body), 'message')
    return typeof message === 'string' ? `: ${message}` : ''
}

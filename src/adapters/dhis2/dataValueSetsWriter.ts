import { z } from 'zod'
import type { Clock } from '../../core/ports/clock'
import type {
    AggregateTarget,
    DataValuePayload,
    DataValueSetImportOptions,
    DataValueSetImportResult,
} from '../../core/ports/dhis2Target'
import { ZERO_COUNTS } from '../../core/summary/types'
import { dataValueSetImportResult } from './dataValueImportSummary'
import type { RequestFailure } from './failures'
import { classifyEngineError } from './failures'
import { DATA_VALUE_JOB, awaitJobReport } from './jobs'
import { mergeSliceResults, slicesByOrgUnitAndPeriod } from './dataValueSlices'
import { readDataValues } from './dataValueSetsReader'
import type { Engine, ServerVersion } from './writerEngine'

export interface DataValueSetsWriterOptions {
    clock: Clock
    /** Payloads with more values than this are imported as an async job. Default 5000. */
    asyncThreshold?: number
    /** First wait between polls of an async job (doubles up to 5 s). Default 500 ms. */
    pollIntervalMs?: number
    /** The longest wait for an async job's summary. Default 10 minutes. */
    maxPollMs?: number
}

/** POST /api/dataValueSets (reference §3.1): the data set at the root, full values, upserts. */
const importDataValues = {
    type: 'create',
    resource: 'dataValueSets',
    params: (v: Record<string, unknown>) => ({
        dryRun: v.dryRun === true,
        async: v.async === true,
        importStrategy: 'CREATE_AND_UPDATE',
    }),
    data: (v: Record<string, unknown>) => ({ dataSet: v.dataSet, dataValues: v.dataValues }),
} as const

const jobAccepted = z.object({ response: z.object({ id: z.string().min(1) }) })

/** 2.43 checks these per data set group and rejects the whole group (reference §7). */
const GROUP_CODE = /^E80[0-3]\d$/

function failed(failure: RequestFailure): DataValueSetImportResult {
    return {
        status: 'ERROR',
        counts: { ...ZERO_COUNTS },
        conflicts: [],
        rejectedIndexes: [],
        failure,
    }
}

const written = (r: DataValueSetImportResult) =>
    r.counts.created + r.counts.updated + r.counts.deleted

/** True when 2.43 threw away a whole group that other org units or periods shared. */
function rejectedAsGroup(result: DataValueSetImportResult): boolean {
    return (
        result.status === 'ERROR' &&
        !result.failure &&
        written(result) === 0 &&
        result.conflicts.some((c) => GROUP_CODE.test(c.code) && !c.indexes?.includes(-1))
    )
}

/** The dataValueSets writer (2.38–2.43), and the read of what DHIS2 holds. */
export function createDataValueSetsWriter(
    engine: Engine,
    version: ServerVersion,
    options: DataValueSetsWriterOptions
): AggregateTarget {
    const asyncThreshold = options.asyncThreshold ?? 5000
    const poll = {
        clock: options.clock,
        pollIntervalMs: options.pollIntervalMs ?? 500,
        maxPollMs: options.maxPollMs ?? 600_000,
    }

    async function post(
        dataSet: string,
        dataValues: DataValuePayload[],
        { dryRun, signal }: DataValueSetImportOptions
    ): Promise<DataValueSetImportResult> {
        const async = dataValues.length > asyncThreshold
        let answer: unknown
        try {
            answer = await engine.mutate(importDataValues, {
                variables: { dataSet, dataValues, dryRun, async },
                signal,
            })
        } catch (error) {
            const classified = classifyEngineError(error, signal)
            if (classified.kind === 'failure') return failed(classified.failure)
            // 409: conflicts (2.38–2.42) or an aborted import (ERROR), the summary in `response`.
            return (
                dataValueSetImportResult(classified.body, dataValues.length) ??
                failed({
                    kind: 'rejected',
                    message: 'DHIS2 refused the data values without an import summary.',
                    retryable: false,
                    code: 'DHIS2_REQUEST_REFUSED',
                })
            )
        }
        const accepted = async ? jobAccepted.safeParse(answer) : undefined
        if (accepted?.success) {
            const outcome = await awaitJobReport(
                engine,
                DATA_VALUE_JOB,
                accepted.data.response.id,
                {
                    ...poll,
                    signal,
                }
            )
            if (outcome.kind === 'failed') return failed(outcome.error.failure)
            if (outcome.kind !== 'done') {
                return failed({
                    kind: 'transport',
                    message: outcome.message,
                    retryable: true,
                    code:
                        outcome.kind === 'lost'
                            ? 'DHIS2_IMPORT_REPORT_LOST'
                            : 'DHIS2_IMPORT_TIMEOUT',
                })
            }
            answer = outcome.report
        }
        return (
            dataValueSetImportResult(answer, dataValues.length) ??
            failed({
                kind: 'transport',
                message:
                    'DHIS2 answered the data value import without a summary. The values are sent again in the next run.',
                retryable: true,
                code: 'DHIS2_UNEXPECTED_ANSWER',
            })
        )
    }

    return {
        async importDataValues(dataSet, dataValues, importOptions) {
            const result = await post(dataSet, dataValues, importOptions)
            if (version.minor < 43 || !rejectedAsGroup(result)) return result
            // One locked period or unassigned org unit must not hold back the others: post
            // each org unit and period on its own, as a data entry form would.
            const slices = slicesByOrgUnitAndPeriod(dataValues)
            if (slices.length < 2) return result
            const results: DataValueSetImportResult[] = []
            for (const slice of slices) {
                const values = slice.map((i) => dataValues[i]).filter((v) => v !== undefined)
                results.push(await post(dataSet, values, importOptions))
            }
            return mergeSliceResults(slices, results)
        },
        readDataValues: (query, readOptions) => readDataValues(engine, query, readOptions?.signal),
    }
}

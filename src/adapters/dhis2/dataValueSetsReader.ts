import { z } from 'zod'
import type { DataValueReadQuery, DataValueReadResult } from '../../core/ports/dhis2Target'
import { classifyEngineError } from './failures'
import type { Engine } from './writerEngine'

/**
 * GET /api/dataValueSets (reference §3.1) for one data set, some org units (comma list) and the
 * periods between two dates: the values DHIS2 holds now, so a rebuilt ledger knows what is there
 * (a value it no longer fills is then posted as zero instead of staying stale).
 */
const dataValuesQuery = {
    values: {
        resource: 'dataValueSets',
        params: (v: Record<string, unknown>) => ({
            dataSet: String(v.dataSet),
            orgUnit: Array.isArray(v.orgUnits) ? v.orgUnits.map(String) : [],
            startDate: String(v.startDate),
            endDate: String(v.endDate),
        }),
    },
} as const

const answer = z.object({
    values: z.object({
        dataValues: z
            .array(
                z.object({
                    dataElement: z.string(),
                    period: z.string(),
                    orgUnit: z.string(),
                    categoryOptionCombo: z.string(),
                    attributeOptionCombo: z.string(),
                    value: z.string().optional(),
                })
            )
            .optional(),
    }),
})

export async function readDataValues(
    engine: Engine,
    query: DataValueReadQuery,
    signal?: AbortSignal
): Promise<DataValueReadResult> {
    if (query.orgUnits.length === 0) return { ok: true, values: [] }
    let body: unknown
    try {
        body = await engine.query(dataValuesQuery, {
            variables: { ...query },
            signal,
        })
    } catch (error) {
        const classified = classifyEngineError(error, signal)
        if (classified.kind === 'failure') return { ok: false, failure: classified.failure }
        return {
            ok: false,
            failure: {
                kind: 'rejected',
                message: 'DHIS2 refused to read the data set’s current values.',
                retryable: false,
                code: 'DHIS2_REQUEST_REFUSED',
            },
        }
    }
    const parsed = answer.safeParse(body)
    if (!parsed.success) {
        return {
            ok: false,
            failure: {
                kind: 'transport',
                message:
                    'DHIS2 answered the read of current data values with something unexpected. Try again later.',
                retryable: true,
                code: 'DHIS2_UNEXPECTED_ANSWER',
            },
        }
    }
    const values = (parsed.data.values.dataValues ?? []).flatMap((v) =>
        v.value === undefined ? [] : [{ ...v, value: v.value }]
    )
    return { ok: true, values }
}

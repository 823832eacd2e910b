import { z } from 'zod'
import type { DataSetDhis2Facts } from '../../core/aggregate/readiness'
import { toRequestError } from '../dhis2/failures'
import type { Engine } from '../dhis2/writerEngine'

const DATA_SETS = {
    dataSets: {
        resource: 'dataSets',
        params: ({ ids }: Record<string, unknown>) => ({
            paging: false,
            fields: 'id,openFuturePeriods,expiryDays',
            filter: `id:in:[${String(ids)}]`,
        }),
    },
} as const

const answer = z.object({
    dataSets: z.object({
        dataSets: z.array(
            z.object({
                id: z.string(),
                openFuturePeriods: z.number().default(0),
                expiryDays: z.number().default(0),
            })
        ),
    }),
})

/** What decides whether DHIS2 takes a period's values (E7640 expiry, E7641 open future periods). */
export async function readDataSetFacts(
    engine: Engine,
    ids: string[],
    signal?: AbortSignal
): Promise<Record<string, DataSetDhis2Facts>> {
    if (ids.length === 0) return {}
    const parsed = answer.parse(
        await engine
            .query(DATA_SETS, { variables: { ids: ids.join(',') }, signal })
            .catch((error: unknown) => {
                throw toRequestError(error, signal)
            })
    )
    return Object.fromEntries(
        parsed.dataSets.dataSets.map((ds) => [
            ds.id,
            { openFuturePeriods: ds.openFuturePeriods, expiryDays: ds.expiryDays },
        ])
    )
}

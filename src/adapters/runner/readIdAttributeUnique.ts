import { z } from 'zod'
import { toRequestError } from '../dhis2/failures'
import type { Engine } from '../dhis2/writerEngine'

const ATTRIBUTE = {
    attribute: {
        resource: 'trackedEntityAttributes',
        id: ({ id }: Record<string, unknown>) => String(id),
        params: { fields: 'id,unique' },
    },
} as const

const answer = z.object({
    attribute: z.object({ id: z.string(), unique: z.boolean().default(false) }),
})

/**
 * Whether the OpenSRP ID attribute is unique in DHIS2: only then does DHIS2 refuse a second
 * tracked entity with the same OpenSRP ID (E1064), which adoption on conflict relies on. Anything
 * else keeps the look-up before sending.
 */
export async function readIdAttributeUnique(
    engine: Engine,
    id: string,
    signal?: AbortSignal
): Promise<boolean> {
    let body: unknown
    try {
        body = await engine.query(ATTRIBUTE, { variables: { id }, signal })
    } catch (error) {
        const failure = toRequestError(error, signal)
        // A missing attribute is the mapping's problem, reported per record; look-ups stay safe.
        if (failure.status === 404) return false
        throw failure
    }
    return answer.parse(body).attribute.unique
}

import { Dhis2Minor } from '../../contract'
import { JsonRecord, isRecord } from '../json'
import { fixedClock } from '../testing/clock'
import { bdModel, body, buildRequest, call } from '../testing/request'

/**
 * POST /api/dataValueSets as the user EPI_IMPORTER; `summary` is the import summary, wrapped or
 * plain (test helper).
 */
export async function postDataValueSet(
    minor: Dhis2Minor,
    b: unknown,
    query: Record<string, string> = {},
    pathVersion?: number,
    model = bdModel(minor, { clock: fixedClock })
) {
    const res = await call(
        model,
        buildRequest(minor, 'POST', 'dataValueSets', {
            body: b,
            query,
            ...(pathVersion ? { pathVersion } : {}),
        })
    )
    return {
        res,
        model,
        summary: isRecord(body(res).response) ? (body(res).response as JsonRecord) : body(res),
    }
}

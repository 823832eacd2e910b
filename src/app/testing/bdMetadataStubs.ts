import { FetchError } from '@dhis2/app-runtime'
import type { Dhis2Minor } from '../../../sandbox/dhis2/contract'
import { ADMIN, bdModel, buildRequest, call } from '../../../sandbox/dhis2/model/testing/request'

const COLLECTIONS = [
    'organisationUnits',
    'dataSets',
    'programs',
    'trackedEntityTypes',
    'relationshipTypes',
    'attributes',
] as const

type Query = { id?: string; params?: Record<string, unknown> }

/** Query parameters the way the data engine sends them: arrays comma-joined, except `filter`. */
function queryOf(params: Record<string, unknown> = {}): Record<string, string | string[]> {
    const query: Record<string, string | string[]> = {}
    for (const [key, value] of Object.entries(params)) {
        if (value === undefined || value === null) continue
        if (Array.isArray(value))
            query[key] = key === 'filter' ? value.map(String) : value.join(',')
        else query[key] = String(value)
    }
    return query
}

/**
 * Stubs for the metadata collections, answered by the DHIS2 sandbox's own model holding the BD EPI
 * package: the screens' metadata reads meet the same fields, filters and shapes as on a server.
 */
export function bdMetadataStubs(minor: Dhis2Minor = 41) {
    const model = bdModel(minor)
    const stub = (collection: string) => async (type: string, query: Query) => {
        if (type !== 'read') throw new Error(`unexpected ${type} on ${collection}`)
        const path = query.id ? `${collection}/${query.id}` : collection
        const response = await call(
            model,
            buildRequest(minor, 'GET', path, { query: queryOf(query.params), user: ADMIN })
        )
        if (response.status >= 400) {
            throw new FetchError({
                type: 'unknown',
                message: `An unknown error occurred - (${response.status})`,
                details: response.body ?? {},
            })
        }
        return response.body
    }
    return Object.fromEntries(COLLECTIONS.map((c) => [c, stub(c)]))
}

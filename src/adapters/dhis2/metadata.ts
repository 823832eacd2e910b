import type { DataEngine } from '@dhis2/data-engine'
import { z } from 'zod'
import type { MetadataReader } from '../../core/ports/metadata'
import { httpStatusOf, webMessageOf } from './engineErrors'
import { Dhis2RequestError } from './failures'
import {
    FIELDS,
    attributeSchema,
    dataSetSchema,
    orgUnitSchema,
    programSchema,
    relationshipTypeSchema,
    trackedEntityTypeSchema,
} from './metadataSchemas'

/**
 * Metadata reads (reference/dhis2-api.md §3.8): always narrow `fields`; UIDs asked for in groups
 * with `filter=id:in:[…]` and `paging=false` (objects that do not exist are simply not in the
 * answer), open-ended lists paged through in a stable order.
 */

export type MetadataEngine = Pick<DataEngine, 'query'>

const DEFAULT_PAGE_SIZE = 1000
/** UIDs per `id:in:[…]` filter: ~1.2 KB of URL, well below what proxies allow. */
const IDS_PER_REQUEST = 100
const MAX_PAGES = 10_000

type Collection =
    | 'organisationUnits'
    | 'dataSets'
    | 'programs'
    | 'trackedEntityTypes'
    | 'relationshipTypes'
    | 'attributes'

const listQuery = (resource: Collection) =>
    ({
        list: {
            resource,
            params: (v: Record<string, unknown>) => ({
                fields: String(v.fields),
                ...(Array.isArray(v.filter) ? { filter: v.filter.map(String) } : {}),
                ...(typeof v.page === 'number'
                    ? { page: v.page, pageSize: Number(v.pageSize), order: 'id:asc' }
                    : { paging: false }),
            }),
        },
    }) as const

const QUERIES: Readonly<Record<Collection, ReturnType<typeof listQuery>>> = {
    organisationUnits: listQuery('organisationUnits'),
    dataSets: listQuery('dataSets'),
    programs: listQuery('programs'),
    trackedEntityTypes: listQuery('trackedEntityTypes'),
    relationshipTypes: listQuery('relationshipTypes'),
    attributes: listQuery('attributes'),
}

const WHAT: Readonly<Record<Collection, string>> = {
    organisationUnits: 'org units',
    dataSets: 'data sets',
    programs: 'programs',
    trackedEntityTypes: 'tracked entity types',
    relationshipTypes: 'relationship types',
    attributes: 'attributes',
}

const pagerSchema = z.looseObject({
    pager: z.object({ page: z.number(), pageCount: z.number().optional() }).optional(),
})

function readFailure(error: unknown, collection: Collection, signal?: AbortSignal): unknown {
    if (signal?.aborted) return signal.reason ?? error
    if (error instanceof Dhis2RequestError) return error
    const status = httpStatusOf(error)
    const what = WHAT[collection]
    const said = webMessageOf(error)
    const detail = said ? `: ${said}` : ''
    if (status === 401)
        return new Dhis2RequestError(
            'DHIS2_ACCESS_DENIED',
            `DHIS2 did not accept the login while reading ${what} (401). Log in again, or check the token or password.`,
            false,
            status
        )
    if (status === 403)
        return new Dhis2RequestError(
            'DHIS2_ACCESS_DENIED',
            `This DHIS2 user may not read ${what} (403)${detail}.`,
            false,
            status
        )
    if (status === undefined || status === 408 || status === 429 || status >= 500)
        return new Dhis2RequestError(
            'DHIS2_UNREACHABLE',
            `DHIS2 could not be read (${what}, ${status ?? 'network error'}). Try again in a moment.`,
            true,
            status
        )
    return new Dhis2RequestError(
        'DHIS2_REQUEST_REFUSED',
        `DHIS2 refused to list ${what} (${status})${detail}.`,
        false,
        status
    )
}

const chunks = (ids: readonly string[]): string[][] => {
    const unique = [...new Set(ids)]
    const groups: string[][] = []
    for (let i = 0; i < unique.length; i += IDS_PER_REQUEST)
        groups.push(unique.slice(i, i + IDS_PER_REQUEST))
    return groups
}

export function createMetadataReader(
    engine: MetadataEngine,
    options: { pageSize?: number } = {}
): MetadataReader {
    const pageSize = options.pageSize ?? DEFAULT_PAGE_SIZE

    async function page<T>(
        collection: Collection,
        item: z.ZodType<T>,
        variables: Record<string, unknown>,
        signal: AbortSignal | undefined
    ): Promise<{ items: T[]; pageCount?: number }> {
        let body: unknown
        try {
            ;({ list: body } = await engine.query(QUERIES[collection], { variables, signal }))
        } catch (error) {
            throw readFailure(error, collection, signal)
        }
        const envelope = pagerSchema.safeParse(body)
        const items = z
            .array(item)
            .safeParse(envelope.success ? envelope.data[collection] : undefined)
        if (!envelope.success || !items.success) {
            const issue = items.success ? undefined : items.error.issues[0]
            throw new Dhis2RequestError(
                'DHIS2_UNEXPECTED_ANSWER',
                `DHIS2 answered the list of ${WHAT[collection]} in an unexpected shape${issue ? ` (${issue.path.join('.')}: ${issue.message})` : ''}.`,
                false
            )
        }
        const pageCount = envelope.data.pager?.pageCount
        return pageCount === undefined ? { items: items.data } : { items: items.data, pageCount }
    }

    async function byIds<T>(
        collection: Collection,
        item: z.ZodType<T>,
        ids: readonly string[],
        signal: AbortSignal | undefined
    ): Promise<T[]> {
        const found: T[] = []
        for (const group of chunks(ids)) {
            const filter = [`id:in:[${group.join(',')}]`]
            const { items } = await page(
                collection,
                item,
                { fields: FIELDS[fieldsKey(collection)], filter },
                signal
            )
            found.push(...items)
        }
        return found
    }

    async function all<T>(
        collection: Collection,
        item: z.ZodType<T>,
        filter: string[] | undefined,
        signal: AbortSignal | undefined
    ): Promise<T[]> {
        const found: T[] = []
        for (let number = 1; number <= MAX_PAGES; number++) {
            const variables = {
                fields: FIELDS[fieldsKey(collection)],
                page: number,
                pageSize,
                ...(filter ? { filter } : {}),
            }
            const { items, pageCount } = await page(collection, item, variables, signal)
            found.push(...items)
            if (pageCount === undefined ? items.length < pageSize : number >= pageCount) break
        }
        return found
    }

    return {
        async listOrgUnits(options = {}) {
            const { ids, roots, signal } = options
            if (ids) return byIds('organisationUnits', orgUnitSchema, ids, signal)
            if (!roots) return all('organisationUnits', orgUnitSchema, undefined, signal)
            const seen = new Map<
                string,
                Awaited<ReturnType<MetadataReader['listOrgUnits']>>[number]
            >()
            for (const root of new Set(roots)) {
                const units = await all(
                    'organisationUnits',
                    orgUnitSchema,
                    [`path:like:${root}`],
                    signal
                )
                for (const unit of units)
                    if (unit.path.split('/').includes(root)) seen.set(unit.id, unit)
            }
            return [...seen.values()]
        },
        dataSetFacts: (ids, options = {}) => byIds('dataSets', dataSetSchema, ids, options.signal),
        programFacts: (ids, options = {}) => byIds('programs', programSchema, ids, options.signal),
        async trackedEntityTypeFacts(id, options = {}) {
            const [type] = await byIds(
                'trackedEntityTypes',
                trackedEntityTypeSchema,
                [id],
                options.signal
            )
            return type
        },
        relationshipTypes: (options = {}) =>
            all('relationshipTypes', relationshipTypeSchema, undefined, options.signal),
        attributeFacts: (ids, options = {}) =>
            byIds('attributes', attributeSchema, ids, options.signal),
    }
}

function fieldsKey(collection: Collection): keyof typeof FIELDS {
    switch (collection) {
        case 'organisationUnits':
            return 'orgUnit'
        case 'dataSets':
            return 'dataSet'
        case 'programs':
            return 'program'
        case 'trackedEntityTypes':
            return 'trackedEntityType'
        case 'relationshipTypes':
            return 'relationshipType'
        case 'attributes':
            return 'attribute'
    }
}

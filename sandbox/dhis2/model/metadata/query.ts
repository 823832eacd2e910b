import { ApiRequest, ApiResponse, Dhis2Minor } from '../../contract'
import { Resolve, applyFields, parseFields } from '../fields'
import { MetadataFilter, isKnownOperator, matchesFilter, parseFilter } from '../filters'
import { JsonRecord, asString } from '../json'
import { notFound, respond, webMessage } from '../webMessage'
import { resolveFilterPath, rewriteFilter } from './filterPath'
import { READABLE_TYPES, REFERENCE_TARGET, simpleKlass } from './schema'
import { MetadataStore } from './store'

export function referenceResolver(store: MetadataStore): Resolve {
    return (property, item) => {
        const target = REFERENCE_TARGET[property]
        const object = target ? store.get(target, asString(item.id)) : undefined
        return object && target ? store.view(target, object) : item
    }
}

/**
 * A `QueryParserException`: 409 through `CrudControllerAdvice` in older releases, 400 where
 * `AbstractFullReadOnlyController` wraps it in a `feedback.BadRequestException`, whose WebMessage
 * carries that exception's default code E1003 (seen on 2.42.4, dhis2/dhis2-docs#1777). Where the
 * switch happened is not known; the sandbox assumes 2.41, with the other E-codes (§3.0).
 */
function queryError(message: string, minor: Dhis2Minor): ApiResponse {
    return minor >= 41
        ? respond(400, webMessage(400, 'ERROR', message, { errorCode: 'E1003' }))
        : respond(409, webMessage(409, 'ERROR', message))
}

const DEFAULT_CLASSES: ReadonlySet<string> = new Set([
    'categories',
    'categoryOptions',
    'categoryCombos',
    'categoryOptionCombos',
])

function positiveInt(value: string | null, fallback: number): number {
    const parsed = Number(value)
    return Number.isInteger(parsed) && parsed > 0 ? parsed : fallback
}

function sortBy(objects: JsonRecord[], order: string | null): JsonRecord[] {
    const [property = 'name', direction = 'asc'] =
        (order ?? 'name:asc').split(',')[0]?.split(':') ?? []
    const sign = direction.toLowerCase().startsWith('desc') ? -1 : 1
    return [...objects].sort((a, b) => {
        const left = String(a[property] ?? '')
        const right = String(b[property] ?? '')
        return sign * left.localeCompare(right)
    })
}

/** `GET /api/{collection}` and `GET /api/{collection}/{id}` (§3.8). */
export function queryMetadata(store: MetadataStore, request: ApiRequest): ApiResponse | undefined {
    if (request.method !== 'GET') return undefined
    const [collection, id, ...rest] = request.path.split('/')
    if (!collection || !READABLE_TYPES.has(collection) || rest.length > 0) return undefined
    const resolve = referenceResolver(store)
    const query = request.query
    if (id) {
        const object = store.get(collection, id)
        if (!object) {
            return notFound(
                `${simpleKlass(collection)} with id ${id} could not be found.`,
                request.minor
            )
        }
        const spec = parseFields(query.getAll('fields').join(',') || '*')
        return respond(200, applyFields(store.view(collection, object), spec, resolve))
    }
    const filters: MetadataFilter[] = []
    for (const given of query.getAll('filter')) {
        const text = rewriteFilter(given, request.minor)
        const filter = parseFilter(text)
        if (!filter) return queryError(`Invalid filter => ${given}`, request.minor)
        // DHIS2 resolves the path before it looks at the operator.
        const path = resolveFilterPath(collection, filter.path.join('.'), request.minor)
        if (path.kind === 'unknown') return queryError(path.message, request.minor)
        if (!isKnownOperator(filter.operator))
            return queryError(`\`${filter.operator}\` is not a valid operator.`, request.minor)
        filters.push(path.kind === 'attribute' ? { ...filter, attribute: true } : filter)
    }
    const anyOf = query.get('rootJunction')?.toUpperCase() === 'OR'
    // DefaultQueryService.clearDefaults: `defaults=EXCLUDE` drops the category objects named
    // `default` (Preheat.isDefaultClass); the controllers' default is INCLUDE.
    const excludeDefaults =
        query.get('defaults')?.toUpperCase() === 'EXCLUDE' && DEFAULT_CLASSES.has(collection)
    const views = store
        .list(collection)
        .filter((object) => !(excludeDefaults && object.name === 'default'))
        .map((object) => store.view(collection, object))
    const matching = sortBy(
        views.filter((view) => {
            if (filters.length === 0) return true
            const hits = filters.map((filter) => matchesFilter(view, filter, resolve))
            return anyOf ? hits.some(Boolean) : hits.every(Boolean)
        }),
        query.get('order')
    )
    const spec = parseFields(query.getAll('fields').join(',') || 'id,displayName')
    const paging = query.get('paging') !== 'false' && query.get('skipPaging') !== 'true'
    if (!paging) {
        return respond(200, { [collection]: matching.map((v) => applyFields(v, spec, resolve)) })
    }
    const pageSize = positiveInt(query.get('pageSize'), 50)
    const total = matching.length
    const pageCount = Math.max(1, Math.ceil(total / pageSize))
    const page = positiveInt(query.get('page'), 1)
    const pageItems = matching.slice((page - 1) * pageSize, page * pageSize)
    const link = (target: number) => {
        const params = new URLSearchParams(query)
        params.set('page', String(target))
        return `${request.baseUrl}/api/${collection}?${params.toString()}`
    }
    const pager: JsonRecord = { page, pageCount, total, pageSize }
    if (page > 1) pager.prevPage = link(page - 1)
    if (page < pageCount) pager.nextPage = link(page + 1)
    return respond(200, {
        pager,
        [collection]: pageItems.map((v) => applyFields(v, spec, resolve)),
    })
}

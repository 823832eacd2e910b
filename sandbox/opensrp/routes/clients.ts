import { effectiveLimit, type Route, type ServerContext } from '../context'
import {
    containerError,
    jsonReply,
    methodNotAllowed,
    missingParam,
    param,
    type Reply,
} from '../http'
import { getAllParams, isReply, requestNumber } from './springParams'
import { obj, str, type JsonObject } from '../json'

/** ClientResource (reference §2.3). */

/** Search has no paging on the real server; the sandbox stops here so a broad search on a
 * million-child dataset cannot exhaust the heap. */
export const SEARCH_RESULT_CAP = 10000

/** `@RequestParam(required = false, defaultValue = "25") int limit`: missing or empty is 25. */
function getAll(context: ServerContext, query: URLSearchParams): Reply {
    const params = getAllParams(query)
    if ('status' in params) return params
    const { serverVersion, limit } = params
    const size = limit === 0 ? 0 : effectiveLimit(limit, context.pageSizeCap)
    // `>=`, with no +1: pass last + 1 or de-duplicate (§2.3).
    const clients = size === 0 ? [] : context.store.clients.query(serverVersion - 1, size)
    context.store.served(
        'client',
        clients.map((c) => (typeof c.serverVersion === 'number' ? c.serverVersion : 0)),
        size
    )
    return jsonReply(200, clients)
}

function countAll(context: ServerContext, query: URLSearchParams): Reply {
    const serverVersion = requestNumber(query, 'serverVersion', 'long', true)
    if (isReply(serverVersion)) return serverVersion
    return jsonReply(200, { count: context.store.clients.count(Number(serverVersion ?? 0n) - 1) })
}

type Predicate = (client: JsonObject) => boolean

function datePart(text: string | undefined): string | undefined {
    return text?.slice(0, 10)
}

function searchPredicates(query: URLSearchParams): Predicate[] | Reply {
    const predicates: Predicate[] = []
    const name = param(query, 'name')?.toLowerCase()
    if (name !== undefined) {
        predicates.push(
            (c) =>
                ['firstName', 'middleName', 'lastName'].some((k) =>
                    str(c, k)?.toLowerCase().includes(name)
                ) ||
                `${str(c, 'firstName') ?? ''} ${str(c, 'lastName') ?? ''}`
                    .toLowerCase()
                    .includes(name)
        )
    }
    const gender = param(query, 'gender')
    if (gender !== undefined)
        predicates.push((c) => str(c, 'gender')?.toLowerCase() === gender.toLowerCase())
    const locationIds = param(query, 'locationIds')?.split(',')
    if (locationIds) predicates.push((c) => locationIds.includes(str(c, 'locationId') ?? ''))
    const attribute = param(query, 'attribute')
    if (attribute !== undefined) {
        const [type = '', value = ''] = attribute.split(':', 2)
        predicates.push((c) => {
            const attributes = obj(c, 'attributes') ?? {}
            return Object.entries(attributes).some(
                ([k, v]) => k.toLowerCase() === type.toLowerCase() && String(v) === value
            )
        })
    }
    const birthdate = param(query, 'birthdate')
    if (birthdate !== undefined) {
        const [from = '', to = ''] = birthdate.split(':', 2)
        if (!/^\d{4}-\d{2}-\d{2}$/.test(from) || !/^\d{4}-\d{2}-\d{2}$/.test(to))
            return containerError(400, 'birthdate must be yyyy-MM-dd:yyyy-MM-dd')
        predicates.push((c) => {
            const day = datePart(str(c, 'birthdate'))
            return day !== undefined && day >= from && day <= to
        })
    }
    return predicates
}

/** An identifier search: any identifier value or the baseEntityId, plus the relatives (§2.3). */
function searchByIdentifier(
    context: ServerContext,
    identifier: string,
    predicates: Predicate[]
): JsonObject[] {
    const { store } = context
    const results: JsonObject[] = []
    const add = (client: JsonObject | undefined): void => {
        const id = client ? str(client, 'baseEntityId') : undefined
        if (client && id && !results.some((c) => str(c, 'baseEntityId') === id))
            results.push(client)
    }
    const candidates: Array<JsonObject | undefined> = [store.clients.get(identifier)]
    for (const type of ['ZEIR_ID', 'OPENMRS_UUID'])
        candidates.push(...store.clients.byIdentifier(type, identifier))
    const motherOf = /^(.+)_mother$/.exec(identifier)
    if (motherOf?.[1]) {
        // Generated mothers are found through their child's ZEIR_ID (M_ZEIR_ID = ZEIR_ID + "_mother").
        for (const child of store.clients.byIdentifier('ZEIR_ID', motherOf[1])) {
            const mother = firstRelative(child, 'mother')
            candidates.push(mother ? store.clients.get(mother) : undefined)
        }
    }
    for (const client of store.clients.uploaded()) {
        if (Object.values(obj(client, 'identifiers') ?? {}).includes(identifier))
            candidates.push(client)
    }
    for (const client of candidates) {
        if (!client) continue
        const matchesId =
            str(client, 'baseEntityId') === identifier ||
            Object.values(obj(client, 'identifiers') ?? {}).includes(identifier)
        if (matchesId && predicates.every((p) => p(client))) add(client)
    }
    for (const client of [...results]) {
        for (const ids of Object.values(obj(client, 'relationships') ?? {})) {
            if (!Array.isArray(ids)) continue
            for (const id of ids) if (typeof id === 'string') add(store.clients.get(id))
        }
    }
    return results.slice(0, SEARCH_RESULT_CAP)
}

function firstRelative(client: JsonObject, type: string): string | undefined {
    const ids = obj(client, 'relationships')?.[type]
    const first = Array.isArray(ids) ? ids[0] : undefined
    return typeof first === 'string' ? first : undefined
}

function search(context: ServerContext, query: URLSearchParams): Reply {
    const predicates = searchPredicates(query)
    if (!Array.isArray(predicates)) return predicates
    const identifier = param(query, 'identifier')
    if (identifier !== undefined)
        return jsonReply(200, searchByIdentifier(context, identifier, predicates))
    const results: JsonObject[] = []
    for (const client of context.store.clients.all()) {
        if (!predicates.every((p) => p(client))) continue
        results.push(client)
        if (results.length >= SEARCH_RESULT_CAP) break
    }
    return jsonReply(200, results)
}

/** One client by baseEntityId; `null` when there is none (§2.3). The `id` param is required. */
function findById(context: ServerContext, id: string | null): Reply {
    if (id === null) return missingParam('id', 'String')
    return jsonReply(200, context.store.clients.get(id) ?? null)
}

export const clientRoutes: Route = (request, context) => {
    const { method, path, query } = request
    if (!path.startsWith('/rest/client/')) return undefined
    const sub = path.slice('/rest/client/'.length).replace(/\/$/, '')
    const get = (handler: () => Reply): Reply =>
        method === 'GET' ? handler() : methodNotAllowed(method, ['GET'])
    switch (sub) {
        case 'getAll':
            return get(() => getAll(context, query))
        case 'countAll':
            return get(() => countAll(context, query))
        case 'search':
            return get(() => search(context, query))
        case 'findById':
            return get(() => findById(context, query.get('id')))
        default:
            if (/^[^/]+$/.test(sub)) return get(() => findById(context, decodeURIComponent(sub)))
            return undefined
    }
}

import { effectiveLimit, type Route, type ServerContext } from '../context'
import {
    containerError,
    jsonReply,
    methodNotAllowed,
    missingParam,
    param,
    parseLong,
    type Reply,
} from '../http'
import { isObject, type Json, type JsonObject } from '../json'
import { withoutGeometry, type SandboxLocation } from '../locations'

/**
 * LocationResource (reference §2.4). serverVersion filters here are `>=` (the location
 * repository's GreaterThanOrEqualTo; verify against your server version).
 */

const flag = (query: URLSearchParams, name: string, fallback: boolean): boolean => {
    const value = param(query, name)
    return value === undefined ? fallback : value.toLowerCase() === 'true'
}

const shape = (location: SandboxLocation, geometry: boolean): JsonObject =>
    geometry ? location.json : withoutGeometry(location.json)

function byId(context: ServerContext, id: string, query: URLSearchParams): Reply {
    const location = context.locations.find((l) => l.id === id)
    const includeInactive = flag(query, 'includeInactive', false)
    if (!location || (!includeInactive && location.status !== 'Active')) return jsonReply(200, null)
    return jsonReply(200, shape(location, flag(query, 'return_geometry', true)))
}

function asList(value: Json | undefined): string[] | undefined {
    if (value === undefined || value === null) return undefined
    if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string')
    return typeof value === 'string' && value.trim() !== '' ? value.split(',') : undefined
}

function sync(
    context: ServerContext,
    serverVersion: number,
    parentIds: string[] | undefined,
    names: string[] | undefined,
    geometry: boolean
): Reply {
    const found = context.locations.filter(
        (l) =>
            l.serverVersion >= serverVersion &&
            l.status === 'Active' &&
            (parentIds === undefined ||
                (l.parentId !== undefined && parentIds.includes(l.parentId))) &&
            (names === undefined || names.includes(l.name))
    )
    return jsonReply(
        200,
        found.map((l) => shape(l, geometry))
    )
}

/** GET takes serverVersion as a required String and reads anything unparseable as 0. */
function syncGet(context: ServerContext, query: URLSearchParams): Reply {
    const text = query.get('serverVersion')
    if (text === null) return missingParam('serverVersion', 'String')
    return sync(
        context,
        parseLong(text) ?? 0,
        asList(param(query, 'parent_id')),
        asList(param(query, 'location_names')),
        flag(query, 'return_geometry', false)
    )
}

function syncPost(context: ServerContext, raw: Buffer): Reply {
    let body: unknown
    try {
        body = JSON.parse(raw.toString('utf8'))
    } catch {
        return containerError(400, 'Required request body is missing or not readable')
    }
    if (!isObject(body)) return containerError(400, 'JSON parse error')
    const sv = body.serverVersion
    const serverVersion = typeof sv === 'number' ? sv : typeof sv === 'string' ? parseLong(sv) : 0
    if (serverVersion === undefined) return containerError(400, 'JSON parse error')
    return sync(
        context,
        serverVersion,
        asList(body.parent_id),
        asList(body.location_names),
        body.return_geometry === true
    )
}

function getAll(context: ServerContext, query: URLSearchParams): Reply {
    const text = query.get('serverVersion')
    const serverVersion = text === null ? undefined : parseLong(text)
    if (serverVersion === undefined)
        return containerError(
            400,
            `Required request parameter 'serverVersion' is not present or not a number`
        )
    const limitText = param(query, 'limit')
    const limit = limitText === undefined ? undefined : parseLong(limitText)
    if (limitText !== undefined && limit === undefined)
        return containerError(400, 'Failed to convert limit')
    const includeInactive = flag(query, 'includeInactive', false)
    const geometry = flag(query, 'return_geometry', false)
    const found = context.locations
        .filter(
            (l) => l.serverVersion >= serverVersion && (includeInactive || l.status === 'Active')
        )
        .slice(0, effectiveLimit(limit, context.pageSizeCap))
    return jsonReply(
        200,
        found.map((l) => shape(l, geometry))
    )
}

function findByProperties(context: ServerContext, query: URLSearchParams): Reply {
    const filterText = param(query, 'properties_filter')
    const filters = (filterText ?? '')
        .split(',')
        .filter((pair) => pair.includes(':'))
        .map((pair) => {
            const colon = pair.indexOf(':')
            return [pair.slice(0, colon).trim(), pair.slice(colon + 1).trim()] as const
        })
    const geometry = flag(query, 'return_geometry', false)
    const found = context.locations.filter((l) => {
        const properties = isObject(l.json.properties) ? l.json.properties : {}
        return filters.every(([key, value]) => {
            const actual = properties[key]
            return actual !== undefined && actual !== null && String(actual) === value
        })
    })
    return jsonReply(
        200,
        found.map((l) => shape(l, geometry))
    )
}

export const locationRoutes: Route = (request, context) => {
    const { method, path, query } = request
    if (!path.startsWith('/rest/location/')) return undefined
    const sub = path.slice('/rest/location/'.length).replace(/\/$/, '')
    const get = (handler: () => Reply): Reply =>
        method === 'GET' ? handler() : methodNotAllowed(method, ['GET'])
    switch (sub) {
        case 'sync':
            if (method === 'GET') return syncGet(context, query)
            if (method === 'POST') return syncPost(context, request.body)
            return methodNotAllowed(method, ['GET', 'POST'])
        case 'getAll':
            return get(() => getAll(context, query))
        case 'findByProperties':
            return get(() => findByProperties(context, query))
        default:
            if (/^[^/]+$/.test(sub)) return get(() => byId(context, decodeURIComponent(sub), query))
            return undefined
    }
}

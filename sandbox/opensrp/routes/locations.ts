import { effectiveLimit, type Route, type ServerContext } from '../context'
import { jsonReply, methodNotAllowed, missingParam, param, type Reply } from '../http'
import { asNumber, readObject } from '../jacksonBody'
import { javaParse } from '../javaNumbers'
import { isObject, type Json, type JsonObject } from '../json'
import { listedAsActive, withoutGeometry, type SandboxLocation } from '../locations'
import { unreadableBody } from '../springErrors'
import { getAllParams } from './springParams'

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

/**
 * GET takes serverVersion as a required String and reads it with `Long.parseLong`, catching the
 * NumberFormatException: anything Java would not parse (" 5", "5.0") reads as 0.
 */
function syncGet(context: ServerContext, query: URLSearchParams): Reply {
    const text = query.get('serverVersion')
    if (text === null) return missingParam('serverVersion', 'String')
    const serverVersion = javaParse(text, 'long')
    return sync(
        context,
        serverVersion === undefined ? 0 : Number(serverVersion),
        asList(param(query, 'parent_id')),
        asList(param(query, 'location_names')),
        flag(query, 'return_geometry', false)
    )
}

function syncPost(context: ServerContext, raw: Buffer): Reply {
    const members = readObject(raw)
    const body: unknown = members === undefined ? undefined : JSON.parse(raw.toString('utf8'))
    if (members === undefined || !isObject(body)) return unreadableBody()
    // LocationSyncRequestWrapper's `long serverVersion`, bound by Jackson (null or absent: 0).
    const serverVersion = asNumber(members.get('serverVersion'), 'long')
    if (!serverVersion.ok) return unreadableBody()
    return sync(
        context,
        serverVersion.value ?? 0,
        asList(body.parent_id),
        asList(body.location_names),
        body.return_geometry === true
    )
}

/**
 * `@RequestParam long serverVersion`, `@RequestParam(required = false) Integer limit` (null: 25),
 * both converted by Spring (springParams.ts). The limit reaches the database as it is: 0 gives
 * nothing, a negative one a PostgreSQL error no handler catches.
 */
function getAll(context: ServerContext, query: URLSearchParams): Reply {
    const params = getAllParams(query)
    if ('status' in params) return params
    const { serverVersion: from, limit } = params
    const includeInactive = flag(query, 'includeInactive', false)
    const geometry = flag(query, 'return_geometry', false)
    const found = context.locations
        .filter((l) => l.serverVersion >= from && (includeInactive || listedAsActive(l.status)))
        .slice(0, limit === 0 ? 0 : effectiveLimit(limit, context.pageSizeCap))
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

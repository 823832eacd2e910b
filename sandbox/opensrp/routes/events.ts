import { effectiveLimit, type Route, type ServerContext } from '../context'
import { addEvents } from '../eventAdd'
import type { Facility } from '../geography'
import { ClientSlot } from '../generator/layout'
import { EVENT_TYPES, type PlannedEvent } from '../generator/plan'
import {
    containerError,
    jsonReply,
    methodNotAllowed,
    missingParam,
    param,
    parseLong,
    type Reply,
} from '../http'
import { isObject, str, type Json, type JsonObject } from '../json'
import type { EventQuery } from '../eventStore'

/** EventResource (reference §2.1, §2.2). */

/** Every filter is a list: EventsRepositoryImpl turns a value with a comma into SQL `IN`. */
interface SyncFilter {
    teams?: string[]
    teamIds?: string[]
    providerIds?: string[]
    locationIds?: string[]
    baseEntityIds?: string[]
}

/**
 * commons-lang `StringUtils.split(value, ",")`: empty tokens are dropped but nothing is trimmed,
 * so `a, b` asks for " b" and finds nothing there (a connector must not join with ", ").
 */
const list = (value: string | undefined): string[] | undefined =>
    value === undefined ? undefined : value.split(',').filter((v) => v !== '')

class SyncError extends Error {}

const GENERATED_TYPES: string[] = Object.values(EVENT_TYPES)

function syncQuery(
    context: ServerContext,
    filter: SyncFilter,
    after: number,
    limit: number
): EventQuery {
    const inList = (values: string[] | undefined, value: string | undefined): boolean =>
        values === undefined || (value !== undefined && values.includes(value))
    const matchFacility = (f: Facility): boolean =>
        inList(filter.locationIds, f.locationId) &&
        inList(filter.providerIds, f.providerId) &&
        inList(filter.teamIds, f.teamId) &&
        inList(filter.teams, f.team)
    const facilityOk = context.geography.facilities.map(matchFacility)
    const byTeam = filter.teams !== undefined || filter.teamIds !== undefined
    // A generated client is one (block, kind) pair: its events are in that block, of that kind.
    const kindsByBlock = new Map<number, Set<PlannedEvent['entity']>>()
    for (const id of filter.baseEntityIds ?? []) {
        const entity = context.store.dataset.clientByEntityId(id)
        if (!entity) continue
        const kind =
            entity.slot === ClientSlot.Mother
                ? 'mother'
                : entity.slot === ClientSlot.Duplicate
                  ? 'duplicate'
                  : 'child'
        const kinds = kindsByBlock.get(entity.plan.index) ?? new Set()
        kinds.add(kind)
        kindsByBlock.set(entity.plan.index, kinds)
    }
    const anyFacility = facilityOk.includes(true)
    return {
        after,
        limit,
        // A filter no facility satisfies needs no scan of the generated range.
        ...(filter.baseEntityIds !== undefined || !anyFacility
            ? { blocks: anyFacility ? [...kindsByBlock.keys()].sort((a, b) => a - b) : [] }
            : {}),
        prefilter: (planned: PlannedEvent, block: number) =>
            (facilityOk[planned.facility] ?? false) &&
            // Void Events carry no team (as in the fixtures), so team filters miss them.
            !(byTeam && planned.kind === 'void') &&
            (filter.baseEntityIds === undefined ||
                (kindsByBlock.get(block)?.has(planned.entity) ?? false)),
        match: (event: JsonObject) =>
            inList(filter.locationIds, str(event, 'locationId')) &&
            inList(filter.providerIds, str(event, 'providerId')) &&
            inList(filter.teamIds, str(event, 'teamId')) &&
            inList(filter.teams, str(event, 'team')) &&
            inList(filter.baseEntityIds, str(event, 'baseEntityId')),
    }
}

/** `clients` = the distinct clients the page's events reference, in order of first use. */
function envelope(context: ServerContext, events: JsonObject[], limit: number): JsonObject {
    const seen = new Set<string>()
    const clients: JsonObject[] = []
    for (const event of events) {
        const id = str(event, 'baseEntityId')
        if (!id || seen.has(id)) continue
        seen.add(id)
        const client = context.store.clients.get(id)
        if (client) clients.push(client)
    }
    context.store.served(
        'event',
        events.map((e) => (typeof e.serverVersion === 'number' ? e.serverVersion : 0)),
        limit
    )
    return { events, clients, no_of_events: events.length }
}

const syncFailed = (): Reply => jsonReply(500, { msg: 'Error occurred' })

function runSync(
    context: ServerContext,
    filter: SyncFilter,
    serverVersion: number | undefined,
    limit: number | undefined,
    returnCount: boolean
): Reply {
    if (
        filter.teams === undefined &&
        filter.teamIds === undefined &&
        filter.providerIds === undefined &&
        filter.locationIds === undefined &&
        filter.baseEntityIds === undefined
    ) {
        return jsonReply(400, { msg: 'specify atleast one filter' })
    }
    const size = effectiveLimit(limit, context.pageSizeCap)
    if (size < 0) return syncFailed()
    // The resource adds 1 and applies >=: strictly greater than the value sent (§2.1).
    const after = serverVersion === undefined ? -1 : serverVersion
    const query = syncQuery(context, filter, after, size)
    const body = envelope(context, context.store.events.query(query), size)
    if (!returnCount) return jsonReply(200, body)
    const total = context.store.events.countMatching({ ...query, limit: Number.MAX_SAFE_INTEGER })
    body.total_records = total
    return jsonReply(200, body, { total_records: String(total) })
}

/** The five filters, read as the resource reads them (a blank value counts as absent). */
function syncFilter(read: (key: string) => string | undefined): SyncFilter {
    const filter: SyncFilter = {}
    const teams = list(read('team'))
    const teamIds = list(read('teamId'))
    const providerIds = list(read('providerId'))
    const locationIds = list(read('locationId'))
    const baseEntityIds = list(read('baseEntityId'))
    if (teams) filter.teams = teams
    if (teamIds) filter.teamIds = teamIds
    if (providerIds) filter.providerIds = providerIds
    if (locationIds) filter.locationIds = locationIds
    if (baseEntityIds) filter.baseEntityIds = baseEntityIds
    return filter
}

function syncGet(context: ServerContext, query: URLSearchParams): Reply {
    const sv = param(query, 'serverVersion')
    const limitText = param(query, 'limit')
    const serverVersion = sv === undefined ? undefined : parseLong(sv)
    const limit = limitText === undefined ? undefined : parseLong(limitText)
    if (
        (sv !== undefined && serverVersion === undefined) ||
        (limitText !== undefined && limit === undefined)
    )
        return syncFailed()
    const filter = syncFilter((key) => param(query, key))
    // return_count is read with Boolean.getBoolean (a JVM property) on GET: always false (§2.1).
    return runSync(context, filter, serverVersion, limit, false)
}

function bodyString(body: JsonObject, key: string): string | undefined {
    const value: Json | undefined = body[key]
    if (value === undefined || value === null) return undefined
    const text =
        typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined
    if (text === undefined) throw new SyncError(key)
    return text.trim() === '' ? undefined : text
}

function syncPost(context: ServerContext, raw: Buffer): Reply {
    let body: unknown
    try {
        body = JSON.parse(raw.toString('utf8'))
    } catch {
        return containerError(400, 'Required request body is missing or not readable')
    }
    if (!isObject(body)) return containerError(400, 'JSON parse error')
    const fields = body
    try {
        const filter = syncFilter((key) => bodyString(fields, key))
        const svText = bodyString(body, 'serverVersion')
        const serverVersion = svText === undefined ? undefined : parseLong(svText)
        if (svText !== undefined && serverVersion === undefined) return syncFailed()
        const limitValue = body.limit
        if (limitValue !== undefined && limitValue !== null && typeof limitValue !== 'number')
            return containerError(400, 'JSON parse error')
        const returnCount = body.return_count === true
        return runSync(
            context,
            filter,
            serverVersion,
            typeof limitValue === 'number' ? limitValue : undefined,
            returnCount
        )
    } catch (error) {
        if (error instanceof SyncError) return containerError(400, 'JSON parse error')
        throw error
    }
}

/** Spring's `@RequestParam long`: missing or not a number is a 400 from the container. */
function requiredLong(query: URLSearchParams, name: string): number | Reply {
    const text = query.get(name)
    if (text === null) return missingParam(name, 'long')
    const value = parseLong(text)
    return (
        value ??
        containerError(
            400,
            `Failed to convert value of type 'java.lang.String' to required type 'long'`
        )
    )
}

function optionalInt(query: URLSearchParams, name: string): number | undefined | Reply {
    const text = param(query, name)
    if (text === undefined) return undefined
    return (
        parseLong(text) ??
        containerError(
            400,
            `Failed to convert value of type 'java.lang.String' to required type 'java.lang.Integer'`
        )
    )
}

/** getAll/countAll: `serverVersion > 0` is strict, 0 means >= 0 (§2.2). */
const allAfter = (serverVersion: number): number => (serverVersion > 0 ? serverVersion : -1)

function getAll(context: ServerContext, query: URLSearchParams): Reply {
    const serverVersion = requiredLong(query, 'serverVersion')
    if (typeof serverVersion !== 'number') return serverVersion
    const limit = optionalInt(query, 'limit')
    if (typeof limit === 'object') return limit
    const size = effectiveLimit(limit, context.pageSizeCap)
    if (size < 0) return containerError(500)
    const eventType = param(query, 'eventType')
    const events = context.store.events.query({
        after: allAfter(serverVersion),
        limit: size,
        ...(eventType !== undefined
            ? { prefilter: (planned: PlannedEvent) => planned.eventType === eventType }
            : {}),
        ...(eventType !== undefined && !GENERATED_TYPES.includes(eventType) ? { blocks: [] } : {}),
        match: (event) => eventType === undefined || str(event, 'eventType') === eventType,
    })
    return jsonReply(200, envelope(context, events, size))
}

function countAll(context: ServerContext, query: URLSearchParams): Reply {
    const serverVersion = requiredLong(query, 'serverVersion')
    if (typeof serverVersion !== 'number') return serverVersion
    return jsonReply(200, {
        count: context.store.events.count(allAfter(serverVersion), param(query, 'eventType')),
    })
}

/** findById's `@RequestParam("id")` is required; a blank id is passed on and finds nothing. */
function findById(context: ServerContext, id: string | null): Reply {
    if (id === null) return missingParam('id', 'String')
    const found = id ? context.store.events.find(id, undefined) : undefined
    if (!found) return jsonReply(200, null)
    const event =
        'overlay' in found
            ? found.overlay
            : context.store.dataset.event(found.generated.plan, found.generated.planned)
    return jsonReply(200, event)
}

export const eventRoutes: Route = (request, context) => {
    const { method, path, query } = request
    if (!path.startsWith('/rest/event/')) return undefined
    const sub = path.slice('/rest/event/'.length).replace(/\/$/, '')
    switch (sub) {
        case 'sync':
            if (method === 'GET') return syncGet(context, query)
            if (method === 'POST') return syncPost(context, request.body)
            return methodNotAllowed(method, ['GET', 'POST'])
        case 'getAll':
            return method === 'GET' ? getAll(context, query) : methodNotAllowed(method, ['GET'])
        case 'countAll':
            return method === 'GET' ? countAll(context, query) : methodNotAllowed(method, ['GET'])
        case 'add':
            return method === 'POST'
                ? addEvents(context.store, request.body)
                : methodNotAllowed(method, ['POST'])
        case 'findById':
            return method === 'GET'
                ? findById(context, query.get('id'))
                : methodNotAllowed(method, ['GET'])
        default:
            if (method === 'GET' && /^[^/]+$/.test(sub))
                return findById(context, decodeURIComponent(sub))
            return undefined
    }
}

import { effectiveLimit, type Route, type ServerContext } from '../context'
import { addEvents } from '../eventAdd'
import type { Facility } from '../geography'
import { ClientSlot } from '../generator/layout'
import { EVENT_TYPES, type PlannedEvent } from '../generator/plan'
import { jsonReply, methodNotAllowed, missingParam, param, type Reply } from '../http'
import { LONG_MAX } from '../javaNumbers'
import { str, type JsonObject } from '../json'
import type { EventQuery } from '../eventStore'
import { isReply, requestNumber } from './springParams'
import {
    readSyncGet,
    readSyncPost,
    syncFailed,
    type SyncFilter,
    type SyncRequest,
} from './syncParams'

/** EventResource (reference §2.1, §2.2). */

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

function runSync(context: ServerContext, request: SyncRequest | Reply): Reply {
    if ('status' in request) return request
    const size = effectiveLimit(request.limit, context.pageSizeCap)
    // A negative LIMIT is a PostgreSQL error, caught by the handler.
    if (size < 0) return syncFailed()
    const query = syncQuery(context, request.filter, request.after ?? -1, size)
    const body = envelope(context, context.store.events.query(query), size)
    if (!request.returnCount) return jsonReply(200, body)
    const total = context.store.events.countMatching({ ...query, limit: Number.MAX_SAFE_INTEGER })
    body.total_records = total
    return jsonReply(200, body, { total_records: String(total) })
}

/** getAll/countAll: `serverVersion > 0` is strict, 0 means >= 0 (§2.2). */
const allAfter = (serverVersion: bigint | undefined): number =>
    // serverVersion + 1 overflows at Long.MAX_VALUE to Long.MIN_VALUE: no bound.
    serverVersion !== undefined && serverVersion > 0n && serverVersion !== LONG_MAX
        ? Number(serverVersion)
        : -1

function getAll(context: ServerContext, query: URLSearchParams): Reply {
    const serverVersion = requestNumber(query, 'serverVersion', 'long', true)
    if (isReply(serverVersion)) return serverVersion
    const limitValue = requestNumber(query, 'limit', 'int', false)
    if (isReply(limitValue)) return limitValue
    const limit = limitValue === undefined ? undefined : Number(limitValue)
    // `limit == null ? 25 : limit`: 0 is sent to the database as LIMIT 0 (an empty page).
    const size = limit === 0 ? 0 : effectiveLimit(limit, context.pageSizeCap)
    // A negative LIMIT is a PostgreSQL error, caught by the handler.
    if (size < 0) return syncFailed()
    const eventType = param(query, 'eventType')
    const events =
        size === 0
            ? []
            : context.store.events.query({
                  after: allAfter(serverVersion),
                  limit: size,
                  ...(eventType !== undefined
                      ? { prefilter: (planned: PlannedEvent) => planned.eventType === eventType }
                      : {}),
                  ...(eventType !== undefined && !GENERATED_TYPES.includes(eventType)
                      ? { blocks: [] }
                      : {}),
                  match: (event) =>
                      eventType === undefined || str(event, 'eventType') === eventType,
              })
    return jsonReply(200, envelope(context, events, size))
}

function countAll(context: ServerContext, query: URLSearchParams): Reply {
    const serverVersion = requestNumber(query, 'serverVersion', 'long', true)
    if (isReply(serverVersion)) return serverVersion
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
            if (method === 'GET') return runSync(context, readSyncGet(query))
            if (method === 'POST') return runSync(context, readSyncPost(request.body))
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

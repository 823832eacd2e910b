import { randomUUID } from 'crypto'
import { isJodaDateTime } from './dateText'
import { nowServerTime } from './generator/dates'
import { emptyReply, jsonReply, type Reply } from './http'
import { identifierOf, isObject, obj, str, type Json, type JsonObject } from './json'
import type { RecordStore } from './store'

/**
 * POST /rest/event/add (reference §2.2): clients upserted by baseEntityId, then each event through
 * processOutOfArea (§5.3) and addorUpdateEvent (replace by `_id` or formSubmissionId).
 */

const OUT_OF_AREA = 'Out of Area Service'
const CLIENT_DATES = ['birthdate', 'deathdate', 'dateCreated', 'dateEdited', 'dateVoided']
const EVENT_DATES = ['eventDate', 'dateCreated', 'dateEdited', 'dateVoided']

class ParseError extends Error {}

export function addEvents(store: RecordStore, body: Buffer): Reply {
    let parsed: unknown
    try {
        parsed = JSON.parse(body.toString('utf8'))
    } catch {
        return emptyReply(500)
    }
    if (!isObject(parsed)) return emptyReply(500)
    if (!('clients' in parsed) && !('events' in parsed)) return emptyReply(400)
    let clients: JsonObject[]
    let events: JsonObject[]
    try {
        // Gson maps the whole body before anything is stored: one bad value fails the request.
        clients = records(parsed.clients, CLIENT_DATES)
        events = records(parsed.events, EVENT_DATES)
    } catch (error) {
        if (error instanceof ParseError) return emptyReply(500)
        throw error
    }

    const failedClients: Json[] = []
    for (const client of clients) {
        const baseEntityId = str(client, 'baseEntityId')?.trim()
        if (!baseEntityId) {
            failedClients.push(str(client, 'baseEntityId') ?? null)
            continue
        }
        upsertClient(store, baseEntityId, client)
    }
    const failedEvents: Json[] = []
    for (const event of events) {
        if (!str(event, 'eventType')?.trim()) {
            failedEvents.push(str(event, 'formSubmissionId') ?? null)
            continue
        }
        for (const extra of processOutOfArea(store, event)) addOrUpdateEvent(store, extra)
        if (event.baseEntityId === undefined || event.baseEntityId === null) {
            // EventsRepositoryImpl: add() returns without storing an event whose baseEntityId is
            // null, and update() throws on one. An empty string is stored like any other value.
            const fsid = str(event, 'formSubmissionId')
            if (store.events.find(str(event, '_id'), fsid)) failedEvents.push(fsid ?? null)
            continue
        }
        addOrUpdateEvent(store, event)
    }
    if (failedClients.length === 0 && failedEvents.length === 0) return emptyReply(201)
    return jsonReply(201, {
        ...(failedEvents.length > 0 ? { failed_events: failedEvents } : {}),
        ...(failedClients.length > 0 ? { failed_clients: failedClients } : {}),
    })
}

function records(value: Json | undefined, dateFields: string[]): JsonObject[] {
    if (value === undefined || value === null) return []
    if (!Array.isArray(value)) throw new ParseError('not an array')
    return value.map((item) => {
        if (!isObject(item)) throw new ParseError('not an object')
        for (const field of dateFields) {
            const date = item[field]
            if (date === undefined || date === null) continue
            if (typeof date !== 'string' || !isJodaDateTime(date))
                throw new ParseError(`bad ${field}`)
        }
        const version = item.serverVersion
        if (
            version !== undefined &&
            version !== null &&
            typeof version !== 'number' &&
            !/^\d+$/.test(String(version))
        )
            throw new ParseError('bad serverVersion')
        if (item.obs !== undefined && item.obs !== null && !Array.isArray(item.obs))
            throw new ParseError('bad obs')
        return structuredClone(item)
    })
}

const nextRevision = (rev: Json | undefined): string => {
    const match = typeof rev === 'string' ? /^v(\d+)$/.exec(rev) : null
    return match ? `v${Number(match[1]) + 1}` : 'v2'
}

function upsertClient(store: RecordStore, baseEntityId: string, incoming: JsonObject): void {
    const existing = store.clients.get(baseEntityId)
    const client: JsonObject = { ...incoming, type: 'Client', baseEntityId }
    if (existing) {
        client._id = existing._id ?? randomUUID()
        client._rev = nextRevision(existing._rev)
        if (client.dateCreated === undefined && existing.dateCreated !== undefined)
            client.dateCreated = existing.dateCreated
        client.dateEdited = nowServerTime()
    } else {
        client._id = str(incoming, '_id') ?? randomUUID()
        client._rev = 'v1'
        client.dateCreated = nowServerTime()
    }
    store.clients.put(baseEntityId, client)
}

function addOrUpdateEvent(store: RecordStore, incoming: JsonObject): void {
    const found = store.events.find(str(incoming, '_id'), str(incoming, 'formSubmissionId'))
    const event: JsonObject = { ...incoming, type: 'Event' }
    if (found) {
        const stored =
            'overlay' in found
                ? found.overlay
                : store.dataset.event(found.generated.plan, found.generated.planned)
        event._id = str(stored, '_id') ?? str(incoming, '_id') ?? randomUUID()
        event._rev = nextRevision(stored._rev)
        event.dateEdited = nowServerTime()
        store.events.put(event._id, event, 'generated' in found ? found.generated : undefined)
        return
    }
    event._id = str(incoming, '_id') ?? randomUUID()
    event._rev = 'v1'
    event.dateCreated = nowServerTime()
    store.events.put(event._id, event)
}

/**
 * EventService.processOutOfArea: attach an event that has no baseEntityId to the client holding
 * its ZEIR_ID (or OPENSRP_ID), if that client has a Birth Registration; for an out-of-area
 * vaccination also create the home facility's copy. Returns the extra events to store first.
 */
function processOutOfArea(store: RecordStore, event: JsonObject): JsonObject[] {
    if (str(event, 'baseEntityId')?.trim()) return []
    const type = identifierOf(event, 'ZEIR_ID') ? 'ZEIR_ID' : 'OPENSRP_ID'
    const identifier = identifierOf(event, type)
    if (!identifier) return []
    const client =
        store.clients.byIdentifier('ZEIR_ID', identifier)[0] ??
        store.clients.byIdentifier(type, identifier)[0]
    const baseEntityId = client ? str(client, 'baseEntityId') : undefined
    if (!baseEntityId) return []
    const birth = store.events.birthRegistrationOf(baseEntityId)
    if (!birth) return []
    event.baseEntityId = baseEntityId
    const eventType = str(event, 'eventType') ?? ''
    if (!eventType.startsWith(OUT_OF_AREA)) return []
    const identifiers = obj(event, 'identifiers')
    if (identifiers) {
        for (const key of Object.keys(identifiers))
            if (key.toLowerCase() === type.toLowerCase()) delete identifiers[key]
    }
    if (!eventType.includes('Vaccination')) return []
    const {
        _id: _dropId,
        _rev: _dropRev,
        childLocationId: _dropChild,
        clientApplicationVersion: _dropApp,
        clientDatabaseVersion: _dropDb,
        dateCreated: _dropCreated,
        serverVersion: _dropVersion,
        ...copy
    } = structuredClone(event)
    const home: JsonObject = {
        ...copy,
        eventType: 'Vaccination',
        identifiers: {},
        details: { out_of_catchment_provider_id: str(event, 'providerId') ?? '' },
        formSubmissionId: randomUUID(),
    }
    for (const key of ['locationId', 'providerId', 'team', 'teamId']) {
        const value = birth[key]
        if (value === undefined) delete home[key]
        else home[key] = value
    }
    return [home]
}

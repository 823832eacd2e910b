import type { OpenSrpClient, OpenSrpEvent } from '../domain/opensrp'
import { eventKeyOf, VACCINATION_EVENT, VOID_EVENT } from '../opensrp/vaccination'
import type { SyncedRecord } from '../ports/syncStore'
import type { EventPayload } from '../tracker/payload'
import {
    applyToClient,
    applyToEvent,
    clientKey,
    enrollmentKey,
    findAdoptions,
    overridesFromStore,
} from './adoption'
import { decideSend } from './shouldSend'
import type { ClientPayload } from './mappers'
import type { TrackerContext } from './trackerContext'
import { holdBackForClient } from './holdBack'
import type { PendingRequests } from './pendingRequests'
import type { TrackerItem } from './trackerItems'

export const eventRecordKey = (eventKey: string) => `event:${eventKey}`

const isVoid = (event: OpenSrpEvent) => event.voided || event.eventType === VOID_EVENT

/**
 * One page of OpenSRP events → program-stage events. A vaccination becomes (or updates) one DHIS2
 * event whose UID comes from its formSubmissionId; a void deletes that event. A client that the
 * store does not know as synced travels in the same request (from the page's envelope), so an
 * event never waits for its tracked entity and a lost store still converges. Events join the
 * pending requests (creations, deletions), each sent when full (or before anything that must not
 * overtake it).
 */
export async function syncVaccinations(
    events: OpenSrpEvent[],
    clientsById: Map<string, OpenSrpClient>,
    ctx: TrackerContext,
    pending: PendingRequests
): Promise<void> {
    const relevant = events.filter((e) => isVoid(e) || e.eventType === VACCINATION_EVENT)
    if (relevant.length === 0) return
    const baseIds = [...new Set(relevant.map((e) => e.baseEntityId).filter((id) => id !== ''))]
    const eventAndClientKeys = [
        ...relevant.map((e) => eventRecordKey(eventKeyOf(e))),
        ...baseIds.map(clientKey),
    ]
    const previous = await ctx.store.getRecords(eventAndClientKeys)
    // A payload is built only where it can be used: a client the store does not know as synced
    // (bundled, looked up for adoption, or refused), or a synced one whose stored UID is not our
    // deterministic one (adopted: its override comes from the payload's programs).
    const needsPayload = (id: string, client: OpenSrpClient) => {
        const record = previous.get(clientKey(id))
        const uidOf = ctx.mapper.trackedEntityUidOf
        if (record?.status !== 'synced' || !uidOf) return true
        return record.uid !== uidOf.call(ctx.mapper, client)
    }
    const clientPayloads = new Map<string, ClientPayload>()
    const refusedClients = new Set<string>()
    for (const id of baseIds) {
        const client = clientsById.get(id)
        if (!client || !needsPayload(id, client)) continue
        const mapped = ctx.mapper.mapClient(client)
        if (mapped.ok === true) clientPayloads.set(id, mapped.value)
        else if (mapped.ok === false) refusedClients.add(id)
    }
    const enrollmentKeys = [...clientPayloads].flatMap(([id, p]) =>
        p.enrollments.map((e) => enrollmentKey(id, e.program))
    )
    if (enrollmentKeys.length > 0) {
        for (const [key, record] of await ctx.store.getRecords(enrollmentKeys)) {
            previous.set(key, record)
        }
    }
    const overrides = overridesFromStore(
        [...clientPayloads].map(([id, p]) => ({
            baseEntityId: id,
            deterministicUid: p.trackedEntity.trackedEntity,
            programs: p.enrollments.map((e) => e.program),
        })),
        previous
    )
    const clientSynced = (id: string) => previous.get(clientKey(id))?.status === 'synced'
    const unknownClients = [...clientPayloads]
        .filter(([id]) => !ctx.adoptOnConflict && !clientSynced(id))
        .flatMap(([id, p]) => {
            const client = clientsById.get(id)
            return client ? [{ client, deterministicUid: p.trackedEntity.trackedEntity }] : []
        })
    for (const [id, override] of await findAdoptions(
        ctx.target,
        ctx.mapper,
        unknownClients,
        ctx.signal
    )) {
        overrides.set(id, override)
    }

    const held: Parameters<typeof holdBackForClient>[0] = []
    await deleteVoided(relevant.filter(isVoid), previous, ctx, pending)

    for (const event of relevant) {
        if (isVoid(event)) continue
        const key = eventRecordKey(eventKeyOf(event))
        const result = ctx.mapper.mapVaccination(event, clientsById.get(event.baseEntityId))
        if (result.ok === 'skip') {
            ctx.totals.skipped++
            continue
        }
        if (result.ok === false) {
            ctx.totals.failed++
            ctx.errors.addAll(result.errors)
            continue
        }
        const override = overrides.get(event.baseEntityId)
        const payload = override ? applyToEvent(result.value, override) : result.value
        const hash = ctx.hash(payload)
        const before = previous.get(key)
        const decision = decideSend(before, hash, ctx)
        if (decision !== 'send') {
            if (decision === 'unchanged') ctx.totals.unchanged++
            else ctx.totals.waiting++
            continue
        }
        if (refusedClients.has(event.baseEntityId) && !clientSynced(event.baseEntityId)) {
            held.push({ item: eventItem(event, key, hash, payload), before })
            continue
        }
        // An older version (or the deletion) of this event still waiting goes first.
        await pending.makeWayFor(payload.event)
        const builder = pending.payloadBuilder
        const objectUids = [payload.event]
        const clientPayload = clientPayloads.get(event.baseEntityId)
        if (clientPayload && !clientSynced(event.baseEntityId)) {
            objectUids.push(
                ...builder.addClient(
                    override ? applyToClient(clientPayload, override) : clientPayload,
                    clientsById.get(event.baseEntityId)
                )
            )
        }
        builder.addEvent(payload)
        pending.track({ ...eventItem(event, key, hash, payload), objectUids }, before)
        await pending.flushIfFull()
    }
    await holdBackForClient(held, ctx)
}

const eventItem = (
    event: OpenSrpEvent,
    key: string,
    hash: string,
    payload: EventPayload
): TrackerItem => ({
    key,
    sourceId: eventKeyOf(event),
    recordKind: 'event',
    serverVersion: event.serverVersion,
    hash,
    uid: payload.event,
    orgUnit: payload.orgUnit,
    objectUids: [payload.event],
})

/** The DHIS2 event a void deletes: the UID it was sent under, else its deterministic one. */
const voidedUidOf = (
    event: OpenSrpEvent,
    previous: Map<string, SyncedRecord>,
    ctx: TrackerContext
): string =>
    previous.get(eventRecordKey(eventKeyOf(event)))?.uid ?? ctx.mapper.eventUidOf(eventKeyOf(event))

/**
 * Voided vaccinations: their DHIS2 events are deleted (by the UID they were sent under). The
 * deletions join the DELETE request being filled across pages.
 */
async function deleteVoided(
    voids: OpenSrpEvent[],
    previous: Map<string, SyncedRecord>,
    ctx: TrackerContext,
    pending: PendingRequests
): Promise<void> {
    for (const event of voids) {
        const key = eventRecordKey(eventKeyOf(event))
        const before = previous.get(key)
        if (before?.status === 'deleted') {
            ctx.totals.unchanged++
            continue
        }
        const uid = voidedUidOf(event, previous, ctx)
        const item: TrackerItem = {
            key,
            sourceId: eventKeyOf(event),
            recordKind: 'event',
            serverVersion: event.serverVersion,
            hash: 'deleted',
            uid,
            orgUnit: before?.orgUnit ?? '',
            objectUids: [uid],
            deletion: true,
        }
        if (!(await pending.delete(item, before))) ctx.totals.unchanged++
    }
}

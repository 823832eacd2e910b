import type { OpenSrpClient } from '../domain/opensrp'
import {
    applyToClient,
    clientKey,
    enrollmentKey,
    findAdoptions,
    motherNamedBy,
    overridesFromStore,
    withMother,
} from './adoption'
import { motherIdOf } from '../tracker/readValue'
import { decideSend } from './shouldSend'
import type { ClientPayload } from './mappers'
import type { PendingRequests } from './pendingRequests'
import type { TrackerContext } from './trackerContext'

/**
 * One page of OpenSRP clients → tracked entities and enrollments, added to the tracker request
 * being filled (`pending`: it spans pages, and one request is in flight while the next pages are
 * read). Unchanged clients (same hash as last sent) are not sent; clients the store does not know
 * are first looked up in DHIS2 by the OpenSRP ID attribute and adopted if they exist under another
 * UID (or, with `adoptOnConflict`, only when DHIS2 rejects them because that ID is taken).
 */
export async function syncClients(
    clients: OpenSrpClient[],
    ctx: TrackerContext,
    pending: PendingRequests
): Promise<void> {
    const mapped: Array<{ client: OpenSrpClient; payload: ClientPayload }> = []
    for (const client of clients) {
        const result = ctx.mapper.mapClient(client)
        if (result.ok === true) mapped.push({ client, payload: result.value })
        else if (result.ok === 'skip') ctx.totals.skipped++
        else {
            ctx.totals.failed++
            ctx.errors.addAll(result.errors)
        }
    }
    if (mapped.length === 0) return

    // child → mother, for children whose payload links them to their mother
    const mothers = new Map<string, string>()
    for (const { client, payload } of mapped) {
        const mother = payload.relationships.length > 0 ? motherIdOf(client) : undefined
        if (mother !== undefined) mothers.set(client.baseEntityId, mother)
    }
    const keys = [
        ...mapped.flatMap(({ client, payload }) => [
            clientKey(client.baseEntityId),
            ...payload.enrollments.map((e) => enrollmentKey(client.baseEntityId, e.program)),
        ]),
        ...[...new Set(mothers.values())].map(clientKey),
    ]
    const previous = await ctx.store.getRecords(keys)
    const overrides = overridesFromStore(
        mapped.map(({ client, payload }) => ({
            baseEntityId: client.baseEntityId,
            deterministicUid: payload.trackedEntity.trackedEntity,
            programs: payload.enrollments.map((e) => e.program),
        })),
        previous
    )
    // With adoption on conflict, only a client DHIS2 rejects as taken is looked up (on flush).
    const unknown = mapped
        .filter(
            ({ client }) => !ctx.adoptOnConflict && !previous.has(clientKey(client.baseEntityId))
        )
        .map(({ client, payload }) => ({
            client,
            deterministicUid: payload.trackedEntity.trackedEntity,
        }))
    const adoptions = await findAdoptions(ctx.target, ctx.mapper, unknown, ctx.signal)

    // An adopted mother keeps her UID: the child's link must point at it, not at our own UID.
    const motherUid = async (mother: string, named: string): Promise<string | undefined> => {
        const known = (adoptions.get(mother) ?? overrides.get(mother))?.trackedEntity
        if (known !== undefined) return known
        // She is in the request in flight, and may be adopted on its answer (E1064): wait for it.
        if (pending.inFlight(named)) {
            await pending.settle()
            const key = clientKey(mother)
            const record = (await ctx.store.getRecords([key])).get(key)
            if (record) previous.set(key, record)
        }
        return previous.get(clientKey(mother))?.uid
    }

    for (const { client, payload } of mapped) {
        const adoption = adoptions.get(client.baseEntityId)
        const override = adoption ?? overrides.get(client.baseEntityId)
        const own = override ? applyToClient(payload, override) : payload
        const mother = mothers.get(client.baseEntityId)
        const named = motherNamedBy(own)
        const motherTe =
            mother === undefined || named === undefined ? undefined : await motherUid(mother, named)
        const sent = motherTe === undefined ? own : withMother(own, motherTe)
        const key = clientKey(client.baseEntityId)
        const hash = ctx.hash(sent)
        const before = previous.get(key)
        const decision = decideSend(before, hash, ctx)
        if (decision !== 'send') {
            if (decision === 'unchanged') ctx.totals.unchanged++
            else ctx.totals.waiting++
            continue
        }
        // An older version of this client still waiting goes first, on its own.
        await pending.makeWayFor(sent.trackedEntity.trackedEntity)
        const objectUids = pending.payloadBuilder.addClient(sent, client)
        pending.track(
            {
                key,
                sourceId: client.baseEntityId,
                recordKind: 'client',
                serverVersion: client.serverVersion,
                hash,
                uid: sent.trackedEntity.trackedEntity,
                orgUnit: sent.trackedEntity.orgUnit,
                objectUids,
            },
            before
        )
        if (adoption)
            pending.noteAdopted(client.baseEntityId, {
                override: adoption,
                serverVersion: client.serverVersion,
            })
        await pending.flushIfFull()
    }
}

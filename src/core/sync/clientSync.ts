import type { OpenSrpClient } from '../domain/opensrp'
import {
    applyToClient,
    clientKey,
    enrollmentKey,
    findAdoptions,
    overridesFromStore,
    withMother,
    type UidOverride,
} from './adoption'
import { motherIdOf } from '../tracker/readValue'
import { flushTracker } from './flushTracker'
import { decideSend } from './shouldSend'
import type { ClientPayload } from './mappers'
import type { TrackerContext } from './trackerContext'
import { PayloadBuilder } from './trackerItems'

/**
 * One page of OpenSRP clients → tracked entities and enrollments. Unchanged clients (same hash as
 * last sent) are not sent; clients the store does not know are first looked up in DHIS2 by the
 * OpenSRP ID attribute and adopted if they exist under another UID (or, with `adoptOnConflict`,
 * only when DHIS2 rejects them because that ID is taken).
 */
export async function syncClients(clients: OpenSrpClient[], ctx: TrackerContext): Promise<void> {
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
    const adopted = new Map<string, { override: UidOverride; serverVersion: number }>()
    // An adopted mother keeps her UID: the child's link must point at it, not at our own UID.
    const motherUid = (mother: string): string | undefined =>
        (adopted.get(mother)?.override ?? adoptions.get(mother) ?? overrides.get(mother))
            ?.trackedEntity ?? previous.get(clientKey(mother))?.uid

    let builder = new PayloadBuilder()
    for (const { client, payload } of mapped) {
        const adoption = adoptions.get(client.baseEntityId)
        if (adoption)
            adopted.set(client.baseEntityId, {
                override: adoption,
                serverVersion: client.serverVersion,
            })
        const override = adoption ?? overrides.get(client.baseEntityId)
        const mother = mothers.get(client.baseEntityId)
        const motherTe = mother === undefined ? undefined : motherUid(mother)
        const own = override ? applyToClient(payload, override) : payload
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
        const objectUids = builder.addClient(sent, client)
        builder.items.push({
            key,
            sourceId: client.baseEntityId,
            recordKind: 'client',
            serverVersion: client.serverVersion,
            hash,
            uid: sent.trackedEntity.trackedEntity,
            orgUnit: sent.trackedEntity.orgUnit,
            objectUids,
        })
        if (builder.size() >= ctx.batchSize) {
            await flushTracker(builder, ctx, previous, adopted)
            builder = new PayloadBuilder()
        }
    }
    await flushTracker(builder, ctx, previous, adopted)
}

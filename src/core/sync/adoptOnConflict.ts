import type { TrackerImportResult } from '../ports/dhis2Target'
import type { TrackerPayload } from '../tracker/payload'
import {
    applyToClient,
    applyToEvent,
    findAdoptions,
    motherNamedBy,
    withMother,
    type UidOverride,
} from './adoption'
import type { TrackerContext } from './trackerContext'
import { PayloadBuilder, type TrackerItem } from './trackerItems'

/** E1064: the unique attribute's value already belongs to another tracked entity. */
const VALUE_TAKEN = 'E1064'

/** A client sent under the UIDs of the tracked entity it was adopted into. */
export interface Adoption {
    override: UidOverride
    serverVersion: number
}

export type Adopted = Map<string, Adoption>

/**
 * Adoption on conflict (DESIGN §3.1), for a unique OpenSRP ID attribute: clients are sent under
 * their deterministic UIDs without a look-up first; only a tracked entity that DHIS2 rejects
 * because its OpenSRP ID is taken is looked up, and if the holder is found, the client and the
 * records that depend on it (its vaccinations, its children's links to it) are sent again under
 * the holder's UIDs. The items are updated to what was sent, and the answer for them replaces
 * the first one.
 */
export async function adoptRejected(
    first: TrackerImportResult,
    builder: PayloadBuilder,
    ctx: TrackerContext,
    adopted: Adopted,
    importOnce: (payload: TrackerPayload) => Promise<TrackerImportResult>
): Promise<TrackerImportResult> {
    const taken = first.rejected
        .filter((r) => r.errors.some((e) => e.code === VALUE_TAKEN))
        .flatMap((r) => {
            const entry = builder.clientOf(r.uid)
            return entry ? [{ client: entry.source, deterministicUid: r.uid }] : []
        })
    if (taken.length === 0) return first
    const overrides = await findAdoptions(ctx.target, ctx.mapper, taken, ctx.signal)
    if (overrides.size === 0) return first

    // our UID of an adopted mother → the holder's
    const movedMothers = new Map<string, string>()
    for (const { client, deterministicUid } of taken) {
        const override = overrides.get(client.baseEntityId)
        if (override) movedMothers.set(deterministicUid, override.trackedEntity)
    }
    const events = new Map(builder.payload.events.map((e) => [e.event, e]))
    const retry = new PayloadBuilder()
    const replaced = new Set<string>()
    for (const item of builder.items) {
        const event = item.recordKind === 'event' ? events.get(item.uid) : undefined
        const entry = builder.clientOf(event ? event.trackedEntity : item.uid)
        if (!entry) continue
        const override = overrides.get(entry.source.baseEntityId)
        const named = motherNamedBy(entry.payload)
        const mother = named === undefined ? undefined : movedMothers.get(named)
        if (!override && mother === undefined) continue
        for (const uid of item.objectUids) replaced.add(uid)
        const own = override ? applyToClient(entry.payload, override) : entry.payload
        const client = mother === undefined ? own : withMother(own, mother)
        const clientUids = retry.addClient(client, entry.source)
        if (event) {
            const moved = override ? applyToEvent(event, override) : event
            retry.addEvent(moved)
            resend(item, moved.event, [moved.event, ...clientUids], ctx.hash(moved))
        } else {
            resend(item, client.trackedEntity.trackedEntity, clientUids, ctx.hash(client))
            if (override)
                adopted.set(item.sourceId, { override, serverVersion: item.serverVersion })
        }
    }
    const second = await importOnce(retry.payload)
    if (second.failure) return second
    return merged(first, second, replaced)
}

function resend(item: TrackerItem, uid: string, objectUids: string[], hash: string): void {
    item.uid = uid
    item.objectUids = objectUids
    item.hash = hash
}

function merged(
    first: TrackerImportResult,
    second: TrackerImportResult,
    replaced: Set<string>
): TrackerImportResult {
    const rejected = [...first.rejected.filter((r) => !replaced.has(r.uid)), ...second.rejected]
    const conflicts = [
        ...first.conflicts.filter((c) => !c.uid || !replaced.has(c.uid)),
        ...second.conflicts,
    ]
    const dropped = first.rejected.length - (rejected.length - second.rejected.length)
    return {
        status:
            second.status === 'ERROR'
                ? 'ERROR'
                : rejected.length === 0
                  ? second.status
                  : first.status,
        counts: {
            created: first.counts.created + second.counts.created,
            updated: first.counts.updated + second.counts.updated,
            deleted: first.counts.deleted + second.counts.deleted,
            ignored: Math.max(0, first.counts.ignored - dropped) + second.counts.ignored,
        },
        conflicts,
        rejected,
    }
}

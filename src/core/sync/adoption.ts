import type { OpenSrpClient } from '../domain/opensrp'
import type { TrackerTarget } from '../ports/dhis2Target'
import type { SyncedRecord } from '../ports/syncStore'
import type { EventPayload } from '../tracker/payload'
import type { ClientPayload, TrackerMapper } from './mappers'

/**
 * Tracked entities that existed in DHIS2 before the connector (or under another salt) are adopted
 * (DESIGN §3.1): found by the unique OpenSRP ID attribute, their UIDs replace our deterministic
 * ones, so the client is updated in place instead of failing on the unique attribute (E1064).
 * The adopted UIDs are kept in the store (`client:` record uid, `enrollment:` records) and looked up
 * again in DHIS2 whenever the store does not know a client, so losing the store is still harmless.
 */

export interface UidOverride {
    trackedEntity: string
    /** program → enrollment UID */
    enrollments: Map<string, string>
}

export const enrollmentKey = (baseEntityId: string, program: string) =>
    `enrollment:${baseEntityId}:${program}`

export const clientKey = (baseEntityId: string) => `client:${baseEntityId}`

export function applyToClient(payload: ClientPayload, override: UidOverride): ClientPayload {
    const ours = payload.trackedEntity.trackedEntity
    const te = override.trackedEntity
    const swap = (uid: string) => (uid === ours ? te : uid)
    return {
        trackedEntity: { ...payload.trackedEntity, trackedEntity: te },
        enrollments: payload.enrollments.map((enrollment) => ({
            ...enrollment,
            trackedEntity: te,
            enrollment: override.enrollments.get(enrollment.program) ?? enrollment.enrollment,
        })),
        relationships: payload.relationships.map((relationship) => ({
            ...relationship,
            from: {
                trackedEntity: {
                    trackedEntity: swap(relationship.from.trackedEntity.trackedEntity),
                },
            },
            to: {
                trackedEntity: { trackedEntity: swap(relationship.to.trackedEntity.trackedEntity) },
            },
        })),
    }
}

/**
 * The child's mother → child relationship pointed at the mother's adopted tracked entity (the
 * relationships a client payload carries are all mother → child, so `from` is the mother).
 */
export function withMother(payload: ClientPayload, motherTrackedEntity: string): ClientPayload {
    if (payload.relationships.length === 0) return payload
    return {
        ...payload,
        relationships: payload.relationships.map((relationship) => ({
            ...relationship,
            from: { trackedEntity: { trackedEntity: motherTrackedEntity } },
        })),
    }
}

/** The mother's tracked entity as this child's payload names it, if it names one. */
export const motherNamedBy = (payload: ClientPayload): string | undefined =>
    payload.relationships[0]?.from.trackedEntity.trackedEntity

export function applyToEvent(event: EventPayload, override: UidOverride): EventPayload {
    return {
        ...event,
        trackedEntity: override.trackedEntity,
        enrollment: override.enrollments.get(event.program) ?? event.enrollment,
    }
}

/** Overrides already known to the store: a client record whose UID is not our deterministic one. */
export function overridesFromStore(
    clients: Array<{ baseEntityId: string; deterministicUid: string; programs: string[] }>,
    records: Map<string, SyncedRecord>
): Map<string, UidOverride> {
    const overrides = new Map<string, UidOverride>()
    for (const { baseEntityId, deterministicUid, programs } of clients) {
        const record = records.get(clientKey(baseEntityId))
        if (!record || record.uid === deterministicUid) continue
        const enrollments = new Map<string, string>()
        for (const program of programs) {
            const enrollment = records.get(enrollmentKey(baseEntityId, program))
            if (enrollment) enrollments.set(program, enrollment.uid)
        }
        overrides.set(baseEntityId, { trackedEntity: record.uid, enrollments })
    }
    return overrides
}

/** Looks the store-unknown clients up in DHIS2 by the OpenSRP ID attribute. */
export async function findAdoptions(
    tracker: TrackerTarget,
    mapper: TrackerMapper,
    clients: Array<{ client: OpenSrpClient; deterministicUid: string }>,
    signal?: AbortSignal
): Promise<Map<string, UidOverride>> {
    const byValue = new Map<string, { client: OpenSrpClient; deterministicUid: string }>()
    for (const entry of clients) {
        const value = mapper.idAttributeValue(entry.client)
        if (value) byValue.set(value, entry)
    }
    const overrides = new Map<string, UidOverride>()
    if (byValue.size === 0) return overrides
    const found = await tracker.findTrackedEntitiesByAttribute(
        {
            trackedEntityType: mapper.trackedEntityType,
            attribute: mapper.idAttribute,
            values: [...byValue.keys()],
        },
        { signal }
    )
    for (const entity of found) {
        const entry = byValue.get(entity.value)
        if (!entry || entity.trackedEntity === entry.deterministicUid) continue
        overrides.set(entry.client.baseEntityId, {
            trackedEntity: entity.trackedEntity,
            enrollments: new Map(entity.enrollments.map((e) => [e.program, e.enrollment])),
        })
    }
    return overrides
}

/** Store records that remember an adoption, written once DHIS2 accepted the adopted client. */
export function adoptionRecords(
    baseEntityId: string,
    override: UidOverride,
    now: number,
    serverVersion: number
): SyncedRecord[] {
    return [...override.enrollments].map(([program, uid]) => ({
        key: enrollmentKey(baseEntityId, program),
        uid,
        hash: '',
        status: 'synced',
        serverVersion,
        attempts: 0,
        updatedAt: now,
    }))
}

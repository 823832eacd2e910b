import { emptyTrackerPayload, type EventPayload, type TrackerPayload } from '../tracker/payload'
import type { OpenSrpClient } from '../domain/opensrp'
import type { ClientPayload } from './mappers'

/**
 * One source record's share of a tracker request: the objects it produced (by UID) and the hash of
 * what was sent. A record is synced only if DHIS2 accepted every one of its objects.
 */
export interface TrackerItem {
    key: string
    sourceId: string
    recordKind: 'client' | 'event'
    serverVersion: number
    hash: string
    /** The UID the store keeps for the record (tracked entity of a client, event of a vaccination). */
    uid: string
    orgUnit: string
    /** UIDs of every object this record put in the payload (its own and any it depends on). */
    objectUids: string[]
    /** For DELETE items: an event that DHIS2 does not have is already what we want. */
    deletion?: boolean
}

export function payloadSize(payload: TrackerPayload): number {
    return (
        payload.trackedEntities.length +
        payload.enrollments.length +
        payload.events.length +
        payload.relationships.length
    )
}

/** Builds a payload without repeating an object that two items share (a client bundled twice). */
export class PayloadBuilder {
    readonly payload = emptyTrackerPayload()
    readonly items: TrackerItem[] = []
    private readonly uids = new Set<string>()
    private readonly clients = new Map<string, { source: OpenSrpClient; payload: ClientPayload }>()

    /** `source`: the OpenSRP client, kept so that a rejected tracked entity can be adopted. */
    addClient(client: ClientPayload, source?: OpenSrpClient): string[] {
        const { trackedEntity, enrollments, relationships } = client
        if (!this.uids.has(trackedEntity.trackedEntity)) {
            this.uids.add(trackedEntity.trackedEntity)
            this.payload.trackedEntities.push(trackedEntity)
            if (source) this.clients.set(trackedEntity.trackedEntity, { source, payload: client })
        }
        for (const enrollment of enrollments) {
            if (this.uids.has(enrollment.enrollment)) continue
            this.uids.add(enrollment.enrollment)
            this.payload.enrollments.push(enrollment)
        }
        for (const relationship of relationships) {
            if (this.uids.has(relationship.relationship)) continue
            this.uids.add(relationship.relationship)
            this.payload.relationships.push(relationship)
        }
        return [
            trackedEntity.trackedEntity,
            ...enrollments.map((e) => e.enrollment),
            ...relationships.map((r) => r.relationship),
        ]
    }

    /** The OpenSRP client and payload behind a tracked entity of this payload. */
    clientOf(trackedEntity: string) {
        return this.clients.get(trackedEntity)
    }

    /** True when an object with this UID is already in the payload. */
    holds(uid: string): boolean {
        return this.uids.has(uid)
    }

    addEvent(event: EventPayload): void {
        this.uids.add(event.event)
        this.payload.events.push(event)
    }

    size(): number {
        return payloadSize(this.payload)
    }
}

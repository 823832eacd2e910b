/**
 * `/api/tracker` payloads in their flat form (reference dhis2-api.md §3.2): objects are linked by
 * the deterministic UIDs we give them, so one batch can hold a client's tracked entity, enrollment
 * and events, or only events.
 */

export interface AttributeValue {
    attribute: string
    value: string
}

export interface DataValue {
    dataElement: string
    value: string
}

export interface TrackedEntityPayload {
    trackedEntity: string
    trackedEntityType: string
    orgUnit: string
    attributes: AttributeValue[]
}

export interface EnrollmentPayload {
    enrollment: string
    trackedEntity: string
    program: string
    orgUnit: string
    status: 'ACTIVE' | 'COMPLETED' | 'CANCELLED'
    /** yyyy-MM-dd */
    enrolledAt: string
    /** yyyy-MM-dd; sent when the program displays an incident date. */
    occurredAt?: string
}

export interface EventPayload {
    event: string
    enrollment: string
    trackedEntity: string
    program: string
    programStage: string
    orgUnit: string
    status: 'ACTIVE' | 'COMPLETED'
    /** yyyy-MM-dd: the vaccination date. */
    occurredAt: string
    dataValues: DataValue[]
}

export interface RelationshipPayload {
    relationship: string
    relationshipType: string
    from: { trackedEntity: { trackedEntity: string } }
    to: { trackedEntity: { trackedEntity: string } }
}

export interface TrackerPayload {
    trackedEntities: TrackedEntityPayload[]
    enrollments: EnrollmentPayload[]
    events: EventPayload[]
    relationships: RelationshipPayload[]
}

export const emptyTrackerPayload = (): TrackerPayload => ({
    trackedEntities: [],
    enrollments: [],
    events: [],
    relationships: [],
})

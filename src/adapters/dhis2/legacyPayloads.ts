import type {
    EnrollmentPayload,
    EventPayload,
    TrackedEntityPayload,
} from '../../core/tracker/payload'

/** `/api/tracker` objects in the legacy API's names (reference §3.2 renames, §3.4). */

export const legacyTrackedEntityInstance = (te: TrackedEntityPayload) => ({
    trackedEntityInstance: te.trackedEntity,
    trackedEntityType: te.trackedEntityType,
    orgUnit: te.orgUnit,
    attributes: te.attributes.map((a) => ({ attribute: a.attribute, value: a.value })),
})

export const legacyEnrollment = (en: EnrollmentPayload) => ({
    enrollment: en.enrollment,
    trackedEntityInstance: en.trackedEntity,
    program: en.program,
    orgUnit: en.orgUnit,
    status: en.status,
    enrollmentDate: en.enrolledAt,
    ...(en.occurredAt ? { incidentDate: en.occurredAt } : {}),
})

export const legacyEvent = (ev: EventPayload) => ({
    event: ev.event,
    enrollment: ev.enrollment,
    trackedEntityInstance: ev.trackedEntity,
    program: ev.program,
    programStage: ev.programStage,
    orgUnit: ev.orgUnit,
    status: ev.status,
    eventDate: ev.occurredAt,
    dataValues: ev.dataValues.map((dv) => ({ dataElement: dv.dataElement, value: dv.value })),
})

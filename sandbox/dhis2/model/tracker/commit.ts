import { formatDateTime, normaliseDateTime } from '../dates'
import { refId } from '../json'
import { DEFAULT_COC } from '../metadata/schema'
import { StoredAttributeValue, StoredEventDataValue } from '../state'
import { AttributeInput, TrackerType } from './payload'
import { noteWritten } from './storedIndex'
import { TrackerValidation } from './validation'
import { withNewNotes } from './notes'
import { assignFileResources } from '../fileResources'

export interface TypeOutcome {
    created: string[]
    updated: string[]
    deleted: string[]
    /** Valid but not written: an existing relationship sent again. */
    ignored: string[]
    /** Created, updated and deleted in the order they were written (the object reports). */
    written: string[]
}

export type CommitOutcome = Record<TrackerType, TypeOutcome>

const emptyOutcome = (): TypeOutcome => ({
    created: [],
    updated: [],
    deleted: [],
    ignored: [],
    written: [],
})

function mergeAttributes(
    current: StoredAttributeValue[],
    inputs: AttributeInput[],
    stamp: string,
    storedBy: string
): StoredAttributeValue[] {
    const merged = [...current]
    for (const input of inputs) {
        if (!input.attribute) continue
        const at = merged.findIndex((a) => a.attribute === input.attribute)
        if (input.value === null) {
            if (at >= 0) merged.splice(at, 1)
            continue
        }
        const previous = merged[at]
        // `AbstractTrackerPersister.handleTrackedEntityAttributeValues`: an unchanged value is
        // not written again (its lastUpdated and storedBy stay).
        if (previous?.value === input.value) continue
        const next = {
            attribute: input.attribute,
            value: input.value,
            createdAt: previous?.createdAt ?? stamp,
            updatedAt: stamp,
            storedBy,
        }
        if (previous) merged[at] = next
        else merged.push(next)
    }
    return merged
}

type Completion = { completedAt?: string; completedBy?: string }

/**
 * `EnrollmentTrackerConverterService.from`: on a status change ACTIVE clears the completion,
 * COMPLETED stamps it with the importing user, CANCELLED stamps the date only; no change keeps it.
 */
function enrollmentCompletion(
    status: string,
    existing: (Completion & { status: string }) | undefined,
    stamp: string,
    username: string
): Completion {
    const kept = (): Completion => ({
        ...(existing?.completedAt ? { completedAt: existing.completedAt } : {}),
        ...(existing?.completedBy ? { completedBy: existing.completedBy } : {}),
    })
    if (existing?.status === status) return kept()
    if (status === 'COMPLETED') return { completedAt: stamp, completedBy: username }
    if (status === 'CANCELLED') return { completedAt: stamp }
    return {}
}

/**
 * `EventTrackerConverterService.from`: becoming COMPLETED stamps the completion with the
 * importing user; staying COMPLETED keeps it; any other status clears it.
 */
function eventCompletion(
    status: string,
    existing: (Completion & { status: string }) | undefined,
    stamp: string,
    username: string
): Completion {
    if (status !== 'COMPLETED') return {}
    if (existing?.status === 'COMPLETED')
        return {
            ...(existing.completedAt ? { completedAt: existing.completedAt } : {}),
            ...(existing.completedBy ? { completedBy: existing.completedBy } : {}),
        }
    return { completedAt: stamp, completedBy: username }
}

/** Writes the valid objects (all of them under atomicMode ALL, where there are none invalid). */
export function commitBundle(v: TrackerValidation): CommitOutcome {
    const { state, store } = v.ctx
    const stamp = formatDateTime(v.ctx.now())
    // The converters' `preheat.getUsername()`: storedBy, completedBy.
    const username = v.user.username
    const outcome: CommitOutcome = {
        TRACKED_ENTITY: emptyOutcome(),
        ENROLLMENT: emptyOutcome(),
        EVENT: emptyOutcome(),
        RELATIONSHIP: emptyOutcome(),
    }
    const record = (type: TrackerType, uid: string) => {
        const action = v.actionOf(type, uid)
        if (action === 'CREATE') outcome[type].created.push(uid)
        else if (action === 'UPDATE') outcome[type].updated.push(uid)
        else if (action === 'DELETE') outcome[type].deleted.push(uid)
        if (action) outcome[type].written.push(uid)
        return action
    }
    for (const te of v.bundle.trackedEntities) {
        if (v.isInvalid('TRACKED_ENTITY', te.uid)) continue
        const action = record('TRACKED_ENTITY', te.uid)
        const existing = state.trackedEntities[te.uid]
        if (action === 'DELETE' && existing) {
            existing.deleted = true
            existing.updatedAt = stamp
            for (const en of Object.values(state.enrollments))
                if (en.trackedEntity === te.uid) en.deleted = true
            for (const ev of Object.values(state.events))
                if (ev.trackedEntity === te.uid) ev.deleted = true
            continue
        }
        state.trackedEntities[te.uid] = {
            trackedEntity: te.uid,
            trackedEntityType: te.trackedEntityType ?? existing?.trackedEntityType ?? '',
            orgUnit: te.orgUnit ?? existing?.orgUnit ?? '',
            createdAt: existing?.createdAt ?? stamp,
            updatedAt: stamp,
            inactive: te.inactive ?? existing?.inactive ?? false,
            deleted: false,
            attributes: mergeAttributes(existing?.attributes ?? [], te.attributes, stamp, username),
            // TrackedEntityTrackerConverterService: set on every write.
            storedBy: username,
        }
        assignFileResources(v.ctx, te.uid, te.attributes)
        noteWritten.trackedEntity(state, te.uid)
    }
    for (const en of v.bundle.enrollments) {
        if (v.isInvalid('ENROLLMENT', en.uid)) continue
        const action = record('ENROLLMENT', en.uid)
        const existing = state.enrollments[en.uid]
        if (action === 'DELETE' && existing) {
            existing.deleted = true
            existing.updatedAt = stamp
            for (const ev of Object.values(state.events))
                if (ev.enrollment === en.uid) ev.deleted = true
            continue
        }
        const status = en.status ?? existing?.status ?? 'ACTIVE'
        const occurredAt = en.occurredAt ? normaliseDateTime(en.occurredAt) : undefined
        const trackedEntity = en.trackedEntity ?? existing?.trackedEntity ?? ''
        state.enrollments[en.uid] = {
            enrollment: en.uid,
            trackedEntity,
            program: en.program ?? existing?.program ?? '',
            orgUnit: en.orgUnit ?? existing?.orgUnit ?? '',
            status,
            enrolledAt: normaliseDateTime(en.enrolledAt ?? '') ?? existing?.enrolledAt ?? stamp,
            ...(occurredAt
                ? { occurredAt }
                : existing?.occurredAt
                  ? { occurredAt: existing.occurredAt }
                  : {}),
            ...enrollmentCompletion(status, existing, stamp, username),
            storedBy: existing?.storedBy ?? username,
            createdAt: existing?.createdAt ?? stamp,
            updatedAt: stamp,
            followUp: en.followUp ?? existing?.followUp ?? false,
            notes: withNewNotes(state, v.user, existing?.notes, en.notes, stamp),
            deleted: false,
        }
        noteWritten.enrollment(state, en.uid)
        // Enrollment attributes are tracked entity attribute values in DHIS2.
        const owner = state.trackedEntities[trackedEntity]
        if (owner && en.attributes.length > 0) {
            owner.attributes = mergeAttributes(owner.attributes, en.attributes, stamp, username)
            assignFileResources(v.ctx, trackedEntity, en.attributes)
            noteWritten.trackedEntity(state, trackedEntity)
        }
    }
    for (const ev of v.bundle.events) {
        if (v.isInvalid('EVENT', ev.uid)) continue
        const action = record('EVENT', ev.uid)
        const existing = state.events[ev.uid]
        if (action === 'DELETE' && existing) {
            existing.deleted = true
            existing.updatedAt = stamp
            continue
        }
        const stage = store.get('programStages', ev.programStage)
        const enrollment = ev.enrollment ? state.enrollments[ev.enrollment] : undefined
        const status = ev.status ?? existing?.status ?? 'ACTIVE'
        const values: StoredEventDataValue[] = [...(existing?.dataValues ?? [])]
        for (const dv of ev.dataValues) {
            if (!dv.dataElement) continue
            const at = values.findIndex((x) => x.dataElement === dv.dataElement)
            if (dv.value === null) {
                if (at >= 0) values.splice(at, 1)
                continue
            }
            const next = {
                dataElement: dv.dataElement,
                value: dv.value,
                createdAt: values[at]?.createdAt ?? stamp,
                updatedAt: stamp,
                providedElsewhere: false,
                storedBy: username,
            }
            if (at >= 0) values[at] = next
            else values.push(next)
        }
        const occurredAt = ev.occurredAt ? normaliseDateTime(ev.occurredAt) : existing?.occurredAt
        const scheduledAt = ev.scheduledAt
            ? normaliseDateTime(ev.scheduledAt)
            : existing?.scheduledAt
        state.events[ev.uid] = {
            event: ev.uid,
            ...(ev.enrollment ? { enrollment: ev.enrollment } : {}),
            ...(enrollment ? { trackedEntity: enrollment.trackedEntity } : {}),
            program: ev.program ?? refId(stage?.program) ?? existing?.program ?? '',
            programStage: ev.programStage ?? existing?.programStage ?? '',
            orgUnit: ev.orgUnit ?? existing?.orgUnit ?? '',
            status,
            ...(occurredAt ? { occurredAt } : {}),
            ...(scheduledAt ? { scheduledAt } : {}),
            ...eventCompletion(status, existing, stamp, username),
            storedBy: existing?.storedBy ?? username,
            attributeOptionCombo:
                ev.attributeOptionCombo ?? existing?.attributeOptionCombo ?? DEFAULT_COC,
            createdAt: existing?.createdAt ?? stamp,
            updatedAt: stamp,
            deleted: false,
            dataValues: values,
            notes: withNewNotes(state, v.user, existing?.notes, ev.notes, stamp),
        }
        noteWritten.event(state, ev.uid)
    }
    for (const rel of v.bundle.relationships) {
        if (v.isInvalid('RELATIONSHIP', rel.uid)) continue
        if (v.actionOf('RELATIONSHIP', rel.uid) === 'UPDATE') {
            outcome.RELATIONSHIP.ignored.push(rel.uid)
            continue
        }
        const action = record('RELATIONSHIP', rel.uid)
        const existing = state.relationships[rel.uid]
        if (action === 'DELETE' && existing) {
            existing.deleted = true
            continue
        }
        state.relationships[rel.uid] = {
            relationship: rel.uid,
            relationshipType: rel.relationshipType ?? '',
            from: rel.from ?? {},
            to: rel.to ?? {},
            createdAt: existing?.createdAt ?? stamp,
            updatedAt: stamp,
            deleted: false,
        }
    }
    return outcome
}

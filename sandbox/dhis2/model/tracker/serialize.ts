import { ModelContext } from '../context'
import { JsonRecord, asString, records, refId } from '../json'
import { StoredEnrollment, StoredEvent, StoredTrackedEntity } from '../state'
import { DEFAULT_COC } from '../metadata/schema'
import { StoredChildren } from './storedChildren'

export function eventJson(ctx: ModelContext, ev: StoredEvent): JsonRecord {
    return {
        event: ev.event,
        status: ev.status,
        program: ev.program,
        programStage: ev.programStage,
        ...(ev.enrollment ? { enrollment: ev.enrollment } : {}),
        ...(ev.trackedEntity ? { trackedEntity: ev.trackedEntity } : {}),
        orgUnit: ev.orgUnit,
        ...(ev.occurredAt ? { occurredAt: ev.occurredAt } : {}),
        ...(ev.scheduledAt ? { scheduledAt: ev.scheduledAt } : {}),
        followUp: false,
        deleted: ev.deleted,
        createdAt: ev.createdAt,
        createdAtClient: ev.createdAt,
        updatedAt: ev.updatedAt,
        updatedAtClient: ev.updatedAt,
        attributeOptionCombo: ev.attributeOptionCombo,
        attributeCategoryOptions: refIdsOfCoc(ctx, ev.attributeOptionCombo),
        ...(ev.storedBy ? { storedBy: ev.storedBy } : {}),
        ...(ev.completedBy ? { completedBy: ev.completedBy } : {}),
        ...(ev.completedAt ? { completedAt: ev.completedAt } : {}),
        dataValues: ev.dataValues.map((dv) => ({ ...dv })),
        relationships: [],
        notes: (ev.notes ?? []).map((n) => ({ ...n })),
    }
}

function refIdsOfCoc(ctx: ModelContext, coc: string): string {
    return records(ctx.store.get('categoryOptionCombos', coc)?.categoryOptions)
        .map((o) => refId(o))
        .join(';')
}

function attributeJson(
    ctx: ModelContext,
    a: { attribute: string; value: string; createdAt: string; updatedAt: string; storedBy?: string }
): JsonRecord {
    const meta = ctx.store.get('trackedEntityAttributes', a.attribute)
    return {
        attribute: a.attribute,
        ...(meta?.code !== undefined ? { code: meta.code } : {}),
        ...(meta?.name !== undefined ? { displayName: meta.name } : {}),
        createdAt: a.createdAt,
        updatedAt: a.updatedAt,
        ...(a.storedBy ? { storedBy: a.storedBy } : {}),
        valueType: asString(meta?.valueType) ?? 'TEXT',
        value: a.value,
    }
}

function programAttributeIds(ctx: ModelContext, program: string): Set<string> {
    return new Set(
        records(ctx.store.get('programs', program)?.programTrackedEntityAttributes)
            .map((p) => refId(p.trackedEntityAttribute))
            .filter((id): id is string => id !== undefined)
    )
}

export function enrollmentJson(
    ctx: ModelContext,
    en: StoredEnrollment,
    children = new StoredChildren(ctx.state)
): JsonRecord {
    const te = ctx.state.trackedEntities[en.trackedEntity]
    const allowed = programAttributeIds(ctx, en.program)
    return {
        enrollment: en.enrollment,
        createdAt: en.createdAt,
        createdAtClient: en.createdAt,
        updatedAt: en.updatedAt,
        updatedAtClient: en.updatedAt,
        trackedEntity: en.trackedEntity,
        program: en.program,
        status: en.status,
        orgUnit: en.orgUnit,
        enrolledAt: en.enrolledAt,
        ...(en.occurredAt ? { occurredAt: en.occurredAt } : {}),
        ...(en.completedBy ? { completedBy: en.completedBy } : {}),
        ...(en.completedAt ? { completedAt: en.completedAt } : {}),
        ...(en.storedBy ? { storedBy: en.storedBy } : {}),
        ...(ctx.minor >= 43 ? { attributeOptionCombo: DEFAULT_COC } : {}),
        followUp: en.followUp,
        deleted: en.deleted,
        events: children
            .eventsOf(en.enrollment)
            .filter((ev) => !ev.deleted)
            .map((ev) => eventJson(ctx, ev)),
        relationships: [],
        attributes: (te?.attributes ?? [])
            .filter((a) => allowed.has(a.attribute))
            .map((a) => attributeJson(ctx, a)),
        notes: (en.notes ?? []).map((n) => ({ ...n })),
    }
}

/** A tracked entity as `GET /api/tracker/trackedEntities` shows it (§3.3). */
export function trackedEntityJson(
    ctx: ModelContext,
    te: StoredTrackedEntity,
    program?: string,
    children = new StoredChildren(ctx.state)
): JsonRecord {
    const type = ctx.store.get('trackedEntityTypes', te.trackedEntityType)
    const visible = new Set(
        records(type?.trackedEntityTypeAttributes).map((t) => refId(t.trackedEntityAttribute))
    )
    if (program) for (const id of programAttributeIds(ctx, program)) visible.add(id)
    const enrollments = children
        .enrollmentsOf(te.trackedEntity)
        .filter((en) => !en.deleted && (!program || en.program === program))
    return {
        trackedEntity: te.trackedEntity,
        trackedEntityType: te.trackedEntityType,
        createdAt: te.createdAt,
        createdAtClient: te.createdAt,
        updatedAt: te.updatedAt,
        updatedAtClient: te.updatedAt,
        orgUnit: te.orgUnit,
        inactive: te.inactive,
        deleted: te.deleted,
        ...(te.storedBy ? { storedBy: te.storedBy } : {}),
        potentialDuplicate: false,
        attributes: te.attributes
            .filter((a) => visible.has(a.attribute))
            .map((a) => attributeJson(ctx, a)),
        enrollments: enrollments.map((en) => enrollmentJson(ctx, en, children)),
        relationships: [],
        programOwners: enrollments.map((en) => ({
            orgUnit: en.orgUnit,
            trackedEntity: te.trackedEntity,
            program: en.program,
        })),
    }
}

import { JsonRecord, asString, isRecord, records, refId } from '../json'
import { canDataRead, canDataWrite } from '../sharing'
import { TrackerValidation } from './validation'

type Access = 'read' | 'write'

/** What a relationship end links (flat UIDs, as the importer's domain holds them). */
export interface RelationshipEnd {
    trackedEntity?: string
    enrollment?: string
    event?: string
}

export function asRelationshipEnd(value: unknown): RelationshipEnd {
    if (!isRecord(value)) return {}
    const id = (key: string): string | undefined => {
        const item = value[key]
        return isRecord(item) ? asString(item[key]) : asString(item)
    }
    const end: RelationshipEnd = {}
    const trackedEntity = id('trackedEntity')
    const enrollment = id('enrollment')
    const event = id('event')
    if (trackedEntity) end.trackedEntity = trackedEntity
    if (enrollment) end.enrollment = enrollment
    if (event) end.event = event
    return end
}

const allows = (v: TrackerValidation, access: Access, object: JsonRecord | undefined): boolean =>
    object !== undefined &&
    (access === 'write' ? canDataWrite(v.user, object) : canDataRead(v.user, object))

function searchScope(v: TrackerValidation, orgUnit: string): boolean {
    const { teiSearchOrganisationUnits: search, organisationUnits: capture } = v.user
    return v.ctx.store.isInHierarchy(orgUnit, search.length > 0 ? search : capture)
}

/**
 * `TrackerOwnershipManager.hasAccess`: the owner org unit (the enrollment's, else the tracked
 * entity's) in the search scope for OPEN/AUDITED programs, in the capture scope otherwise.
 */
function ownsAccess(v: TrackerValidation, trackedEntity: string, program: JsonRecord): boolean {
    const programId = String(program.id)
    const enrolled =
        Object.values(v.ctx.state.enrollments).find(
            (en) => en.trackedEntity === trackedEntity && en.program === programId && !en.deleted
        )?.orgUnit ??
        v.bundle.enrollments.find(
            (en) => en.trackedEntity === trackedEntity && en.program === programId
        )?.orgUnit
    const owner =
        enrolled ??
        v.ctx.state.trackedEntities[trackedEntity]?.orgUnit ??
        v.bundle.trackedEntities.find((te) => te.uid === trackedEntity)?.orgUnit
    if (!owner) return false
    const level = asString(program.accessLevel) ?? 'OPEN'
    return level === 'OPEN' || level === 'AUDITED' ? searchScope(v, owner) : v.inCaptureScope(owner)
}

/** `canWrite`/`canRead(user, trackedEntity)`: the type, then any program of the type with ownership. */
function trackedEntityAccess(v: TrackerValidation, uid: string, access: Access): boolean {
    const typeId =
        v.ctx.state.trackedEntities[uid]?.trackedEntityType ??
        v.bundle.trackedEntities.find((te) => te.uid === uid)?.trackedEntityType
    const type = v.ctx.store.get('trackedEntityTypes', typeId)
    if (!allows(v, access, type)) return false
    return records(Object.values(v.ctx.store.collections.programs ?? {})).some(
        (p) =>
            p.programType !== 'WITHOUT_REGISTRATION' &&
            refId(p.trackedEntityType) === typeId &&
            allows(v, access, p) &&
            ownsAccess(v, uid, p)
    )
}

/** `canUpdate`/`canRead(user, enrollment, false)`. */
function enrollmentAccess(v: TrackerValidation, uid: string, access: Access): boolean {
    const en = v.ctx.state.enrollments[uid] ?? v.bundle.enrollments.find((e) => e.uid === uid)
    const program = v.ctx.store.get('programs', en?.program)
    if (!en || !program || !allows(v, access, program)) return false
    if (program.programType === 'WITHOUT_REGISTRATION')
        return !en.orgUnit || v.inCaptureScope(en.orgUnit)
    const type = v.ctx.store.get('trackedEntityTypes', refId(program.trackedEntityType))
    return allows(v, 'read', type) && !!en.trackedEntity && ownsAccess(v, en.trackedEntity, program)
}

/** `canUpdate`/`canRead(user, event, false)`: the stage (and the program) of the event. */
function eventAccess(v: TrackerValidation, uid: string, access: Access): boolean {
    const ev = v.ctx.state.events[uid] ?? v.bundle.events.find((e) => e.uid === uid)
    const stage = v.ctx.store.get('programStages', ev?.programStage)
    const program = v.ctx.store.get('programs', ev?.program ?? refId(stage?.program))
    if (!ev || !program) return false
    if (program.programType === 'WITHOUT_REGISTRATION') return allows(v, access, program)
    return allows(v, access, stage) && allows(v, 'read', program)
}

function endAccess(v: TrackerValidation, end: RelationshipEnd, access: Access): boolean {
    if (end.trackedEntity) return trackedEntityAccess(v, end.trackedEntity, access)
    if (end.enrollment) return enrollmentAccess(v, end.enrollment, access)
    if (end.event) return eventAccess(v, end.event, access)
    return true
}

/**
 * Relationship `SecurityOwnershipValidator` (`TrackerAccessManager.canWrite`/`canDelete`): data
 * write on the relationship type and write access to the `from` end; the `to` end needs write
 * access when the type is bidirectional, else (on create) read access. E4020 when refused.
 * Superusers pass. A relationship type is data-shareable: one made without sharing gives
 * non-superusers no data write, so they cannot link with it.
 */
export function relationshipSecurity(
    v: TrackerValidation,
    uid: string,
    type: JsonRecord,
    from: RelationshipEnd,
    to: RelationshipEnd,
    deleting: boolean
): void {
    // 2.38's importer has no relationship security check (E4020 arrives in 2.39).
    if (v.ctx.minor < 39 || v.user.authorities.includes('ALL')) return
    const bidirectional = type.bidirectional === true
    const allowed =
        canDataWrite(v.user, type) &&
        endAccess(v, from, 'write') &&
        (bidirectional ? endAccess(v, to, 'write') : deleting || endAccess(v, to, 'read'))
    if (!allowed) v.add('E4020', 'RELATIONSHIP', uid, [v.user.id, uid])
}

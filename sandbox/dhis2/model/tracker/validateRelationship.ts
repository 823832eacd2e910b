import { asString, isRecord, refId } from '../json'
import { isUid } from '../uid'
import { RelationshipItemInput } from './payload'
import { asRelationshipEnd, relationshipSecurity } from './relationshipSecurity'
import { TrackerValidation } from './validation'

const linkedIds = (item: RelationshipItemInput): string[] =>
    [item.trackedEntity, item.enrollment, item.event].filter(
        (id): id is string => id !== undefined && id.trim() !== ''
    )

const itemKey = (item: RelationshipItemInput): string =>
    [item.trackedEntity ?? '', item.enrollment ?? '', item.event ?? ''].join('|')

/** `TrackerType.getName()` of what an end links. */
function linkedType(item: RelationshipItemInput): string {
    if (item.trackedEntity) return 'trackedEntity'
    if (item.enrollment) return 'enrollment'
    return item.event ? 'event' : 'null'
}

/** In the payload (valid or not) or stored and not deleted (`ValidationUtils.*Exist`). */
function exists(
    v: TrackerValidation,
    kind: 'trackedEntities' | 'enrollments' | 'events',
    uid: string
): boolean {
    if (v.bundle[kind].some((o) => o.uid === uid)) return true
    const stored = v.ctx.state[kind][uid]
    return stored !== undefined && !stored.deleted
}

/** `ConstraintValidator.validateRelationshipConstraint` for one end. */
function checkConstraint(
    v: TrackerValidation,
    uid: string,
    side: 'from' | 'to',
    item: RelationshipItemInput,
    constraint: unknown
): void {
    const add = (code: string, args: string[]) => v.add(code, 'RELATIONSHIP', uid, args)
    const c = isRecord(constraint) ? constraint : {}
    const entity = asString(c.relationshipEntity)
    const check = (
        key: 'trackedEntity' | 'enrollment' | 'event',
        kind: 'trackedEntities' | 'enrollments' | 'events'
    ) => {
        const id = item[key]
        if (id === undefined) {
            add('E4010', [side, key, linkedType(item)])
            return undefined
        }
        if (!exists(v, kind, id)) {
            add('E4012', [key, id])
            return undefined
        }
        return id
    }
    if (entity === 'TRACKED_ENTITY_INSTANCE') {
        const id = check('trackedEntity', 'trackedEntities')
        if (id === undefined) return
        const wanted = refId(c.trackedEntityType)
        const found =
            v.ctx.state.trackedEntities[id]?.trackedEntityType ??
            v.bundle.trackedEntities.find((te) => te.uid === id)?.trackedEntityType
        if (found !== undefined && found !== wanted) add('E4014', [side, wanted ?? '', found])
    } else if (entity === 'PROGRAM_INSTANCE') check('enrollment', 'enrollments')
    else if (entity === 'PROGRAM_STAGE_INSTANCE') check('event', 'events')
}

/** `TrackerPreheat.isDuplicate`: a stored relationship of the type links the same ends. */
function isDuplicate(
    v: TrackerValidation,
    type: string,
    bidirectional: boolean,
    from: RelationshipItemInput,
    to: RelationshipItemInput
): boolean {
    const key = `${itemKey(from)}/${itemKey(to)}`
    const inverse = `${itemKey(to)}/${itemKey(from)}`
    return Object.values(v.ctx.state.relationships).some((stored) => {
        if (stored.deleted || stored.relationshipType !== type) return false
        const storedKey = `${itemKey(stored.from)}/${itemKey(stored.to)}`
        return storedKey === key || (bidirectional && storedKey === inverse)
    })
}

export function validateRelationships(v: TrackerValidation): void {
    for (const rel of v.bundle.relationships) {
        const add = (code: string, args: string[]) => v.add(code, 'RELATIONSHIP', rel.uid, args)
        if (!isUid(rel.uid)) {
            add('E1048', ['Relationship', rel.uid])
            continue
        }
        const existing = v.ctx.state.relationships[rel.uid]
        const action = v.action('RELATIONSHIP', rel.uid, existing !== undefined)
        // Relationship `ExistenceValidator`: E4015 already exists, E4016 does not exist, E4017
        // deleted; a failing existence check ends the relationship's validation.
        if (existing?.deleted) {
            add('E4017', [rel.uid])
            continue
        }
        if (existing && action === 'CREATE') {
            add('E4015', [rel.uid])
            continue
        }
        if (!existing && action !== 'CREATE') {
            add('E4016', [rel.uid])
            continue
        }
        if (action === 'DELETE') {
            const storedType = v.ctx.store.get('relationshipTypes', existing?.relationshipType)
            if (existing && storedType) {
                const [from, to] = [existing.from, existing.to].map(asRelationshipEnd)
                relationshipSecurity(v, rel.uid, storedType, from ?? {}, to ?? {}, true)
            }
            continue
        }
        // Relationships are never updated: an existing one sent again is a warning, and the
        // persister ignores it (`validateRelationshipNotUpdated`, `AbstractTrackerPersister`).
        if (existing && action === 'UPDATE') v.warn('E4015', 'RELATIONSHIP', rel.uid, [rel.uid])
        // `MandatoryFieldsValidator`: each end links exactly one object, and a type is given.
        let missing = false
        for (const [side, end] of [
            ['from', rel.from],
            ['to', rel.to],
        ] as const) {
            if (!end || linkedIds(end).length !== 1) {
                add('E4001', [side, rel.uid])
                missing = true
            }
        }
        if (!rel.relationshipType?.trim()) {
            add('E1124', ['relationshipType'])
            missing = true
        }
        if (missing || !rel.from || !rel.to) continue
        // `MetaValidator`.
        const type = v.ctx.store.get('relationshipTypes', rel.relationshipType)
        if (!type || !rel.relationshipType) {
            add('E4006', [rel.relationshipType ?? 'null'])
            continue
        }
        // `LinkValidator`, `ConstraintValidator` and `DuplicationValidator` run on create only.
        if (action !== 'CREATE') continue
        if (itemKey(rel.from) === itemKey(rel.to)) {
            add('E4000', [rel.uid])
            continue
        }
        const before = v.errors.length
        checkConstraint(v, rel.uid, 'from', rel.from, type.fromConstraint)
        checkConstraint(v, rel.uid, 'to', rel.to, type.toConstraint)
        if (v.errors.length > before) continue
        relationshipSecurity(v, rel.uid, type, rel.from, rel.to, false)
        if (v.errors.length > before) continue
        if (isDuplicate(v, rel.relationshipType, type.bidirectional === true, rel.from, rel.to)) {
            const from = linkedIds(rel.from)[0] ?? ''
            const to = linkedIds(rel.to)[0] ?? ''
            // The item types are TrackerType enums, which `MessageFormatter` prints as ''.
            add('E4018', [rel.uid, '', from, '', to])
        }
    }
}

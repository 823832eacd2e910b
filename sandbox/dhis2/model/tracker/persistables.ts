import { RelationshipItemInput, TrackerType } from './payload'
import { TrackerValidation } from './validation'

type Ref = [TrackerType, string | undefined]

const NAMES: Readonly<Record<TrackerType, string>> = {
    TRACKED_ENTITY: 'trackedEntity',
    ENROLLMENT: 'enrollment',
    EVENT: 'event',
    RELATIONSHIP: 'relationship',
}

function itemRef(item: RelationshipItemInput | undefined): Ref {
    if (item?.trackedEntity) return ['TRACKED_ENTITY', item.trackedEntity]
    if (item?.enrollment) return ['ENROLLMENT', item.enrollment]
    return ['EVENT', item?.event]
}

/**
 * `PersistablesFilter` after validation (top-down, not under DELETE): an object is written only
 * if each parent (an enrollment's tracked entity, an event's enrollment, a relationship's two
 * ends) is written in this import or already stored. E5000 is reported only for a parent that
 * validation itself rejected; a child of an object that E5000 stopped is dropped without an
 * error, so it counts in its type's `ignored` but not in the import's stats.
 */
export function filterPersistables(v: TrackerValidation): void {
    if (v.strategy === 'DELETE') return
    const rejected = new Set(v.invalid)
    const isValid = (type: TrackerType, uid: string) => !rejected.has(`${type}:${uid}`)
    const written = new Set<string>()
    const { state } = v.ctx
    const stored = (type: TrackerType, uid: string): boolean => {
        const object =
            type === 'TRACKED_ENTITY'
                ? state.trackedEntities[uid]
                : type === 'ENROLLMENT'
                  ? state.enrollments[uid]
                  : type === 'EVENT'
                    ? state.events[uid]
                    : state.relationships[uid]
        return object !== undefined && !object.deleted
    }
    const collect = (type: TrackerType, uid: string, parents: Ref[]) => {
        if (!isValid(type, uid)) return
        const blocked = parents.filter(
            ([parentType, parent]) =>
                parent !== undefined &&
                !written.has(`${parentType}:${parent}`) &&
                !stored(parentType, parent)
        )
        if (blocked.length === 0) {
            written.add(`${type}:${uid}`)
            return
        }
        v.invalid.add(`${type}:${uid}`)
        for (const [parentType, parent] of blocked) {
            if (parent === undefined || isValid(parentType, parent)) continue
            v.add('E5000', type, uid, [NAMES[type], uid, NAMES[parentType], parent])
        }
    }
    for (const te of v.bundle.trackedEntities) collect('TRACKED_ENTITY', te.uid, [])
    for (const en of v.bundle.enrollments)
        collect('ENROLLMENT', en.uid, [['TRACKED_ENTITY', en.trackedEntity]])
    for (const ev of v.bundle.events) collect('EVENT', ev.uid, [['ENROLLMENT', ev.enrollment]])
    for (const rel of v.bundle.relationships)
        collect('RELATIONSHIP', rel.uid, [itemRef(rel.from), itemRef(rel.to)])
}

import { asString } from '../json'
import { isUid } from '../uid'
import { TrackerValidation } from './validation'

const ENTITY_KEYS: ReadonlyArray<
    [
        string,
        'trackedEntities' | 'enrollments' | 'events',
        'trackedEntities' | 'enrollments' | 'events',
    ]
> = [
    ['trackedEntity', 'trackedEntities', 'trackedEntities'],
    ['enrollment', 'enrollments', 'enrollments'],
    ['event', 'events', 'events'],
]

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
        if (action === 'DELETE') continue
        // Relationships are never updated: an existing one sent again is a warning, and the
        // persister ignores it (`validateRelationshipNotUpdated`, `AbstractTrackerPersister`).
        if (existing && action === 'UPDATE') v.warn('E4015', 'RELATIONSHIP', rel.uid, [rel.uid])
        if (!v.ctx.store.get('relationshipTypes', rel.relationshipType))
            add('E4006', [rel.relationshipType ?? 'null'])
        for (const end of [rel.from, rel.to]) {
            const hit = ENTITY_KEYS.find(([key]) => typeof end?.[key] === 'string')
            const id = hit ? asString(end?.[hit[0]]) : undefined
            if (!hit || !id) {
                add('E4012', ['relationship item', 'null'])
                continue
            }
            const [key, payloadKey, stateKey] = hit
            const inPayload = v.bundle[payloadKey].some((o) => o.uid === id)
            const stored = v.ctx.state[stateKey][id]
            if (!inPayload && (!stored || stored.deleted)) add('E4012', [key, id])
        }
    }
}

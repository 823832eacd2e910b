import { ModelContext } from '../context'
import { RelationshipInput, RelationshipItemInput, TrackerBundle } from './payload'

const itemKey = (item: RelationshipItemInput): string =>
    [item.trackedEntity ?? '', item.enrollment ?? '', item.event ?? ''].join('|')

/**
 * `DuplicateRelationshipsPreProcessor`: of relationships of one type linking the same ends (either
 * way round when the type is bidirectional), only the first stays in the bundle; the others are
 * neither validated nor reported, only counted in the payload size. A relationship without a
 * known type or without both ends is kept for validation to reject.
 */
export function withoutDuplicateRelationships(
    ctx: ModelContext,
    bundle: TrackerBundle
): TrackerBundle {
    const kept: RelationshipInput[] = []
    const keys = new Set<string>()
    for (const rel of bundle.relationships) {
        const type = ctx.store.get('relationshipTypes', rel.relationshipType)
        if (!type || !rel.from || !rel.to) {
            kept.push(rel)
            continue
        }
        const key = `${String(type.id)}/${itemKey(rel.from)}/${itemKey(rel.to)}`
        const inverse = `${String(type.id)}/${itemKey(rel.to)}/${itemKey(rel.from)}`
        if (keys.has(key) || (type.bidirectional === true && keys.has(inverse))) continue
        keys.add(key)
        kept.push(rel)
    }
    return { ...bundle, relationships: kept }
}

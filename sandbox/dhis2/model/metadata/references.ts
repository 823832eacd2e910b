import { JsonRecord, asString, isRecord } from '../json'
import { REFERENCE_TARGET } from './schema'

export interface Reference {
    property: string
    target: string
    ref: JsonRecord
    /** The object holding the property (the top-level object or an embedded one). */
    holder: JsonRecord
}

/** Embedded blocks that hold users/groups or presentation data rather than metadata references. */
const SKIPPED = new Set([
    'sharing',
    'translations',
    'access',
    'userAccesses',
    'userGroupAccesses',
    'favorites',
    'user',
    'createdBy',
    'lastUpdatedBy',
    'style',
])

/** Every reference in an object, at any depth (`dataSetElements[].dataElement` etc.). */
export function collectReferences(object: JsonRecord): Reference[] {
    const found: Reference[] = []
    const visit = (holder: JsonRecord): void => {
        for (const [property, value] of Object.entries(holder)) {
            if (SKIPPED.has(property)) continue
            const target = REFERENCE_TARGET[property]
            const items = Array.isArray(value) ? value : [value]
            for (const item of items) {
                if (!isRecord(item)) continue
                if (target) found.push({ property, target, ref: item, holder })
                else visit(item)
            }
        }
    }
    visit(object)
    return found
}

/** Replaces reference items in place using `mapId` (code → id resolution after import). */
export function rewriteReferences(
    object: JsonRecord,
    mapId: (target: string, ref: JsonRecord) => string | undefined
): void {
    for (const { property, target, ref, holder } of collectReferences(object)) {
        const id = mapId(target, ref)
        if (!id || asString(ref.id) === id) continue
        const value = holder[property]
        if (Array.isArray(value)) {
            holder[property] = value.map((item) => (item === ref ? { ...ref, id } : item))
        } else holder[property] = { ...ref, id }
    }
}

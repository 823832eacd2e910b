import { Dhis2Minor } from '../../contract'
import { isUid } from '../uid'
import { nestedSchema, typeSchema } from './properties'

/** How a `filter` path resolves: a schema property, an attribute value, or an error message. */
export type FilterPath =
    { kind: 'property' } | { kind: 'attribute' } | { kind: 'unknown'; message: string }

/**
 * DHIS2's `QueryParser.getProperty` walk over the type's schema. A path it cannot resolve is an
 * attribute filter when what follows its first dot (the whole path if none) is a UID, from 2.39
 * (dhis2/dhis2-core#10745, `filter={attribute-uid}:eq:value`); otherwise the request fails with
 * "Unknown path property: <path>". Segments below a property the sandbox does not model
 * (`createdBy`, `legendSets`…) are not checked.
 */
export function resolveFilterPath(collection: string, path: string, minor: Dhis2Minor): FilterPath {
    if (path === 'identifiable') return { kind: 'property' }
    const segments = path.split('.')
    let schema = typeSchema(collection, minor)
    for (const [index, segment] of segments.entries()) {
        if (schema === undefined) return { kind: 'property' }
        if (!schema.has(segment)) {
            const rest = path.slice(path.indexOf('.') + 1)
            return minor >= 39 && isUid(rest)
                ? { kind: 'attribute' }
                : { kind: 'unknown', message: `Unknown path property: ${path}` }
        }
        schema = index < segments.length - 1 ? nestedSchema(segment, minor) : undefined
    }
    return { kind: 'property' }
}

/**
 * From 2.42 `attributeValues.attribute.id:eq:{uid}` is rewritten to `{uid}:!null`
 * (dhis2/dhis2-core#19971, `DefaultQueryParser.rewriteFilter`): attribute values are a map there.
 */
export function rewriteFilter(text: string, minor: Dhis2Minor): string {
    const prefix = 'attributeValues.attribute.id:eq:'
    if (minor < 42 || !text.startsWith(prefix)) return text
    return `${text.slice(text.lastIndexOf(':') + 1)}:!null`
}

import type { ValueSource } from '../config/types'
import type { OpenSrpClient } from '../domain/opensrp'

/** What a value source may need besides the client itself. */
export interface ValueContext {
    /** The client's mother (relationships.mother[0]) when the caller has her; `mother` sources read her. */
    mother?: OpenSrpClient
}

const present = (text: string | undefined): string | undefined =>
    text !== undefined && text.trim() !== '' ? text : undefined

/**
 * A value from an OpenSRP key → value map whose key case varies between app builds (reference §4):
 * the exact key first, else the first non-empty value under the key in any case (keys in sorted
 * order, so the choice never depends on JSON key order).
 */
export function valueIgnoringCase(
    map: Record<string, string | number | boolean>,
    name: string
): string | undefined {
    const exact = map[name]
    if (exact !== undefined && present(String(exact))) return String(exact)
    const wanted = name.toLowerCase()
    const key = Object.keys(map)
        .filter((k) => k.toLowerCase() === wanted && present(String(map[k])) !== undefined)
        .sort()[0]
    return key === undefined ? undefined : String(map[key])
}

/** The mother's baseEntityId (relationships.mother[0], the key in any case). */
export function motherIdOf(client: OpenSrpClient): string | undefined {
    for (const [type, ids] of Object.entries(client.relationships)) {
        if (type.toLowerCase() !== 'mother') continue
        const id = ids.find((candidate) => candidate.trim() !== '')
        if (id !== undefined) return id.trim()
    }
    return undefined
}

/** The raw text a source names; undefined when it is absent or blank. Transforms come after. */
export function readValue(
    client: OpenSrpClient,
    source: ValueSource,
    ctx: ValueContext
): string | undefined {
    switch (source.from) {
        case 'baseEntityId':
            return present(client.baseEntityId)
        case 'field':
            return present(client[source.field])
        case 'identifier':
            return valueIgnoringCase(client.identifiers, source.name)
        case 'attribute':
            return valueIgnoringCase(client.attributes, source.name)
        case 'constant':
            return present(source.value)
        case 'firstOf':
            for (const inner of source.sources) {
                const value = readValue(client, inner, ctx)
                if (value !== undefined) return value
            }
            return undefined
        case 'concat': {
            const parts = source.sources
                .map((inner) => readValue(client, inner, ctx)?.trim())
                .filter((part): part is string => part !== undefined && part !== '')
            return parts.length > 0 ? parts.join(source.separator) : undefined
        }
        case 'mother': {
            const mother = ctx.mother
            // Only the mother the client names: a caller's mix-up must not leak another woman's data.
            if (!mother || mother.voided || mother.baseEntityId !== motherIdOf(client))
                return undefined
            return readValue(mother, source.source, {})
        }
    }
}

import type { AttributeMapping, ProgramMapping, TrackerMapping } from '../config/types'
import type { OpenSrpClient } from '../domain/opensrp'
import type { MappingProblem } from './errors'
import type { AttributeValue } from './payload'
import { readValue, type ValueContext } from './readValue'
import { transformValue } from './transformValue'

/**
 * The attribute mappings that apply to a client: the tracked entity type's, then those of each
 * program it goes to. A program may list a TE-type attribute again (to make it mandatory there, as
 * the BD child program does with sex): its source replaces the earlier one, and it is mandatory if
 * either list says so. All values go on the tracked entity, where DHIS2 looks for the programs'
 * mandatory attributes too (E1018), and where the legacy writer needs them.
 */
export function attributeMappingsFor(
    mapping: TrackerMapping,
    programs: readonly ProgramMapping[]
): AttributeMapping[] {
    const byAttribute = new Map<string, AttributeMapping>()
    for (const entry of [...mapping.attributes, ...programs.flatMap((p) => p.attributes)]) {
        const earlier = byAttribute.get(entry.attribute)
        byAttribute.set(
            entry.attribute,
            earlier ? { ...entry, mandatory: entry.mandatory || earlier.mandatory } : entry
        )
    }
    return [...byAttribute.values()]
}

const describe = (entry: AttributeMapping): string =>
    entry.label ? `${entry.label} (attribute ${entry.attribute})` : `attribute ${entry.attribute}`

export interface MappedAttributes {
    attributes: AttributeValue[]
    problems: MappingProblem[]
}

/** Reads every mapped attribute; all problems are reported, not only the first. */
export function mapAttributes(
    client: OpenSrpClient,
    mappings: readonly AttributeMapping[],
    ctx: ValueContext & { timeZone: string }
): MappedAttributes {
    const attributes: AttributeValue[] = []
    const problems: MappingProblem[] = []
    for (const entry of mappings) {
        const raw = readValue(client, entry.source, ctx)
        const result = transformValue(raw, entry.transform ?? [], ctx.timeZone)
        if (!result.ok) {
            problems.push({
                code: result.code,
                message: `The client's ${describe(entry)} ${result.problem}.`,
            })
        } else if (result.value !== undefined) {
            attributes.push({ attribute: entry.attribute, value: result.value })
        } else if (entry.mandatory) {
            problems.push({
                code: 'OSRP_MISSING_VALUE',
                message: `The client has no ${describe(entry)}, which DHIS2 requires. Record it in OpenSRP.`,
            })
        }
    }
    return { attributes, problems }
}

import type { MetadataReadOptions, MetadataReader } from '../ports/metadata'
import { metadataReferences } from './checkMappings'
import type { MetadataFacts } from './mappingProblems'
import type { Mappings } from './types'

/**
 * Asks DHIS2 about exactly the objects a mapping names (and the relationship types, a short
 * list), in parallel. What does not exist is absent from the facts; the checks say so.
 */
export async function collectMetadataFacts(
    reader: MetadataReader,
    mappings: Mappings,
    options: MetadataReadOptions = {}
): Promise<MetadataFacts> {
    const refs = metadataReferences(mappings)
    const [dataSets, programs, trackedEntityTypes, relationshipTypes, orgUnits, attributes] =
        await Promise.all([
            refs.dataSets.length > 0 ? reader.dataSetFacts(refs.dataSets, options) : [],
            refs.programs.length > 0 ? reader.programFacts(refs.programs, options) : [],
            Promise.all(
                refs.trackedEntityTypes.map((id) => reader.trackedEntityTypeFacts(id, options))
            ),
            refs.relationshipTypes.length > 0 ? reader.relationshipTypes(options) : [],
            refs.orgUnits.length > 0 ? reader.listOrgUnits({ ...options, ids: refs.orgUnits }) : [],
            refs.attributes.length > 0 ? reader.attributeFacts(refs.attributes, options) : [],
        ])
    return {
        dataSets,
        programs,
        trackedEntityTypes: trackedEntityTypes.flatMap((type) => (type ? [type] : [])),
        relationshipTypes,
        orgUnits,
        attributes,
    }
}

import { validateMappingsAgainstMetadata } from '../../core/config/checkMappings'
import { collectMetadataFacts } from '../../core/config/collectMetadataFacts'
import type { MappingProblem } from '../../core/config/mappingProblems'
import type { Mappings } from '../../core/config/types'
import type { MetadataEngine } from './metadata'
import { createMetadataReader } from './metadata'

/**
 * Checks mappings against the live metadata of the DHIS2 the engine talks to: the facts are
 * read here, the judging is the core's (src/core/config/checkMappings.ts).
 */
export async function checkMappingsAgainstDhis2(
    engine: MetadataEngine,
    mappings: Mappings,
    options: { signal?: AbortSignal } = {}
): Promise<MappingProblem[]> {
    const facts = await collectMetadataFacts(createMetadataReader(engine), mappings, options)
    return validateMappingsAgainstMetadata(mappings, facts)
}

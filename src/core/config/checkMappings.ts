import { checkAggregateMapping } from './checkAggregateMapping'
import { checkMappingConsistency } from './checkMappingConsistency'
import { checkOrgUnitMapping } from './checkOrgUnitMapping'
import { checkTrackerMapping } from './checkTrackerMapping'
import type { MappingProblem, MetadataFacts } from './mappingProblems'
import type { Mappings } from './types'

/**
 * Everything wrong with a mapping, before any run: its own inconsistencies, then what DHIS2's
 * metadata says. Errors first, each in the order of the mapping.
 */
export function validateMappingsAgainstMetadata(
    mappings: Mappings,
    facts: MetadataFacts
): MappingProblem[] {
    const problems = [
        ...checkMappingConsistency(mappings),
        ...checkOrgUnitMapping(mappings, facts),
        ...(mappings.tracker ? checkTrackerMapping(mappings.tracker, facts) : []),
        ...(mappings.aggregate ? checkAggregateMapping(mappings.aggregate, facts) : []),
    ]
    return [
        ...problems.filter((p) => p.severity === 'error'),
        ...problems.filter((p) => p.severity === 'warning'),
    ]
}

/** The UIDs a mapping names, by what DHIS2 must be asked for. */
export function metadataReferences(mappings: Mappings): {
    dataSets: string[]
    programs: string[]
    trackedEntityTypes: string[]
    relationshipTypes: string[]
    orgUnits: string[]
    attributes: string[]
} {
    const unique = (values: Array<string | undefined>) =>
        [...new Set(values)].filter((v): v is string => v !== undefined)
    return {
        dataSets: unique((mappings.aggregate?.dataSets ?? []).map((d) => d.dataSet)),
        programs: unique((mappings.tracker?.programs ?? []).map((p) => p.program)),
        trackedEntityTypes: unique([mappings.tracker?.trackedEntityType]),
        relationshipTypes: unique([mappings.tracker?.motherChildRelationshipType]),
        orgUnits: unique(Object.values(mappings.orgUnits.explicit)),
        attributes: unique(
            mappings.orgUnits.rules.map((rule) =>
                rule.by === 'attribute' ? rule.attribute : undefined
            )
        ),
    }
}

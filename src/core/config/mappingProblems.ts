import type {
    DataSetFacts,
    Dhis2OrgUnit,
    MetadataAttributeFacts,
    ProgramFacts,
    RelationshipTypeFacts,
    TrackedEntityTypeFacts,
} from '../ports/metadata'
import type { ConfigIssue, PathSegment } from './configPath'
import { configPath } from './configPath'

/**
 * A mapping that DHIS2 would reject, or that would lose data, found before any run: an `error`
 * stops runs, a `warning` is shown to the admin.
 */
export interface MappingProblem extends ConfigIssue {
    severity: 'error' | 'warning'
    code: MappingProblemCode
}

export type MappingProblemCode =
    // the mapping itself
    | 'duplicate'
    | 'unknown-antigen'
    | 'missing-vaccine-code'
    | 'unused-vaccine-code'
    | 'id-attribute-not-mapped'
    | 'sex-combos-missing'
    | 'ignored-setting'
    | 'no-org-unit-rule'
    // org units
    | 'org-unit-not-found'
    | 'org-unit-not-assigned'
    | 'attribute-not-found'
    | 'not-org-unit-attribute'
    | 'attribute-not-unique'
    // tracker
    | 'tracked-entity-type-not-found'
    | 'program-not-found'
    | 'not-tracker-program'
    | 'program-type-mismatch'
    | 'attribute-not-in-type'
    | 'attribute-not-in-program'
    | 'mandatory-attribute-not-mapped'
    | 'mandatory-mismatch'
    | 'incident-date-missing'
    | 'stage-not-in-program'
    | 'data-element-not-in-stage'
    | 'compulsory-data-element-not-mapped'
    | 'not-an-option-code'
    | 'option-map-missing'
    | 'relationship-type-not-found'
    | 'relationship-type-mismatch'
    // aggregate
    | 'data-set-not-found'
    | 'period-type-mismatch'
    | 'attribute-option-combo-not-in-data-set'
    | 'data-element-not-in-data-set'
    | 'category-option-combo-not-in-combo'
    | 'value-type-not-numeric'

/**
 * What DHIS2 says about the objects a mapping names. Objects that do not exist (or the user may
 * not see) are absent. `orgUnits` and `attributes` are optional: without them the org unit
 * mapping is not checked against DHIS2.
 */
export interface MetadataFacts {
    dataSets: DataSetFacts[]
    programs: ProgramFacts[]
    trackedEntityTypes: TrackedEntityTypeFacts[]
    relationshipTypes: RelationshipTypeFacts[]
    orgUnits?: Dhis2OrgUnit[]
    attributes?: MetadataAttributeFacts[]
}

export const problemAt = (
    path: readonly PathSegment[],
    severity: MappingProblem['severity'],
    code: MappingProblemCode,
    message: string
): MappingProblem => ({ path: configPath(['mappings', ...path]), severity, code, message })

/** `'Name' (uid)` for messages: admins know names, the UID finds the object. */
export const named = (object: { id: string; name: string }) => `'${object.name}' (${object.id})`

export const byId = <T extends { id: string }>(objects: readonly T[]): Map<string, T> =>
    new Map(objects.map((object) => [object.id, object]))

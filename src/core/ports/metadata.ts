/**
 * What the connector needs to know about DHIS2 metadata: org units for resolving OpenSRP
 * locations, and the facts of the data sets, programs and types the mappings name (to check the
 * mappings before a run, and for the mappers at run time). The adapter reads them with narrow
 * `fields` and validates them; missing objects are simply absent from the answers.
 */

export interface Dhis2OrgUnit {
    id: string
    code?: string
    name: string
    /** `/rootUid/…/id` */
    path: string
    level: number
    attributeValues: Array<{ attribute: string; value: string }>
}

export interface OptionSetFacts {
    id: string
    /** Option codes: what tracker values and option maps must use. */
    codes: string[]
}

export interface CategoryComboFacts {
    id: string
    name: string
    categoryOptionCombos: Array<{ id: string; name: string }>
}

export interface DataElementFacts {
    id: string
    name: string
    valueType: string
    categoryCombo: CategoryComboFacts
    optionSet?: OptionSetFacts
}

export interface DataSetFacts {
    id: string
    name: string
    periodType: string
    openFuturePeriods: number
    expiryDays: number
    /** The attribute option combos a value may have (the data set's category combo). */
    categoryCombo: CategoryComboFacts
    dataSetElements: Array<{
        dataElement: DataElementFacts
        /** A data-set-specific disaggregation that replaces the data element's own. */
        categoryCombo?: CategoryComboFacts
    }>
    organisationUnits: string[]
}

export interface TrackedEntityAttributeFacts {
    id: string
    name: string
    unique: boolean
    valueType: string
    optionSet?: OptionSetFacts
}

export interface ProgramStageFacts {
    id: string
    name: string
    dataElements: Array<{
        id: string
        name: string
        compulsory: boolean
        valueType: string
        optionSet?: OptionSetFacts
    }>
}

export interface ProgramFacts {
    id: string
    name: string
    /** `WITH_REGISTRATION` (tracker) or `WITHOUT_REGISTRATION` (event program). */
    programType: string
    trackedEntityType?: string
    /** An enrollment needs `occurredAt` when true. */
    displayIncidentDate: boolean
    programTrackedEntityAttributes: Array<{
        mandatory: boolean
        attribute: TrackedEntityAttributeFacts
    }>
    programStages: ProgramStageFacts[]
    organisationUnits: string[]
}

export interface TrackedEntityTypeFacts {
    id: string
    name: string
    trackedEntityTypeAttributes: Array<{
        mandatory: boolean
        attribute: TrackedEntityAttributeFacts
    }>
}

export interface RelationshipConstraintFacts {
    /** `TRACKED_ENTITY_INSTANCE`, `PROGRAM_INSTANCE` (enrollment) or `PROGRAM_STAGE_INSTANCE` (event). */
    relationshipEntity: string
    trackedEntityType?: string
}

export interface RelationshipTypeFacts {
    id: string
    name: string
    bidirectional: boolean
    fromConstraint: RelationshipConstraintFacts
    toConstraint: RelationshipConstraintFacts
}

/** A metadata attribute (as the org unit mapping's `attribute` rule names). */
export interface MetadataAttributeFacts {
    id: string
    name: string
    unique: boolean
    organisationUnitAttribute: boolean
}

export interface MetadataReadOptions {
    signal?: AbortSignal
}

export interface MetadataReader {
    /**
     * Org units, paged through. `ids`: only these; `roots`: only these and their descendants
     * (e.g. the user's capture scope); neither: all.
     */
    listOrgUnits(
        options?: MetadataReadOptions & { ids?: string[]; roots?: string[] }
    ): Promise<Dhis2OrgUnit[]>
    dataSetFacts(ids: string[], options?: MetadataReadOptions): Promise<DataSetFacts[]>
    programFacts(ids: string[], options?: MetadataReadOptions): Promise<ProgramFacts[]>
    trackedEntityTypeFacts(
        id: string,
        options?: MetadataReadOptions
    ): Promise<TrackedEntityTypeFacts | undefined>
    relationshipTypes(options?: MetadataReadOptions): Promise<RelationshipTypeFacts[]>
    attributeFacts(ids: string[], options?: MetadataReadOptions): Promise<MetadataAttributeFacts[]>
}

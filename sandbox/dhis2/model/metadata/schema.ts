/** The metadata types the sandbox knows: collection name (as in payloads and URLs) → Java class. */
export const KLASS: Readonly<Record<string, string>> = {
    attributes: 'org.hisp.dhis.attribute.Attribute',
    organisationUnitLevels: 'org.hisp.dhis.organisationunit.OrganisationUnitLevel',
    organisationUnits: 'org.hisp.dhis.organisationunit.OrganisationUnit',
    categoryOptions: 'org.hisp.dhis.category.CategoryOption',
    categories: 'org.hisp.dhis.category.Category',
    categoryCombos: 'org.hisp.dhis.category.CategoryCombo',
    categoryOptionCombos: 'org.hisp.dhis.category.CategoryOptionCombo',
    optionSets: 'org.hisp.dhis.option.OptionSet',
    options: 'org.hisp.dhis.option.Option',
    dataElements: 'org.hisp.dhis.dataelement.DataElement',
    dataSets: 'org.hisp.dhis.dataset.DataSet',
    trackedEntityAttributes: 'org.hisp.dhis.trackedentity.TrackedEntityAttribute',
    trackedEntityTypes: 'org.hisp.dhis.trackedentity.TrackedEntityType',
    relationshipTypes: 'org.hisp.dhis.relationship.RelationshipType',
    programs: 'org.hisp.dhis.program.Program',
    programStages: 'org.hisp.dhis.program.ProgramStage',
    programNotificationTemplates: 'org.hisp.dhis.program.notification.ProgramNotificationTemplate',
    userRoles: 'org.hisp.dhis.user.UserRole',
    userGroups: 'org.hisp.dhis.user.UserGroup',
    users: 'org.hisp.dhis.user.User',
}

/** Import order: referenced types before the types referring to them. */
export const IMPORT_ORDER: readonly string[] = Object.keys(KLASS)

/**
 * Types stored but neither reference-checked nor served: users are the shell's business, and
 * their references (org units, roles) are not what the sandbox is testing.
 */
export const UNCHECKED_TYPES: ReadonlySet<string> = new Set([
    'users',
    'userRoles',
    'userGroups',
    'programNotificationTemplates',
])

/** Collections served by `GET /api/{collection}`. */
export const READABLE_TYPES: ReadonlySet<string> = new Set(
    IMPORT_ORDER.filter((type) => !UNCHECKED_TYPES.has(type))
)

/**
 * A property with one of these names holds references (`{id}` or a list of them) to the
 * collection named, wherever it appears (top level or inside embedded objects such as
 * `dataSetElements`, `programTrackedEntityAttributes` and `attributeValues`).
 */
export const REFERENCE_TARGET: Readonly<Record<string, string>> = {
    parent: 'organisationUnits',
    organisationUnits: 'organisationUnits',
    attribute: 'attributes',
    categoryOptions: 'categoryOptions',
    categories: 'categories',
    categoryCombo: 'categoryCombos',
    enrollmentCategoryCombo: 'categoryCombos',
    categoryOptionCombos: 'categoryOptionCombos',
    optionSet: 'optionSets',
    commentOptionSet: 'optionSets',
    options: 'options',
    dataElement: 'dataElements',
    dataElements: 'dataElements',
    dataSet: 'dataSets',
    dataSets: 'dataSets',
    trackedEntityAttribute: 'trackedEntityAttributes',
    trackedEntityType: 'trackedEntityTypes',
    relationshipType: 'relationshipTypes',
    program: 'programs',
    programs: 'programs',
    programStage: 'programStages',
    programStages: 'programStages',
    children: 'organisationUnits',
}

export function simpleKlass(collection: string): string {
    const klass = KLASS[collection] ?? collection
    return klass.slice(klass.lastIndexOf('.') + 1)
}

/** Built into every DHIS2 server (§3.9). */
export const DEFAULT_CATEGORY_COMBO = 'bjDvmb4bfuf'
export const DEFAULT_CATEGORY = 'GLevLNI9wkl'
export const DEFAULT_CATEGORY_OPTION = 'xYerKDKCefk'
export const DEFAULT_COC = 'HllvX50cXC0'

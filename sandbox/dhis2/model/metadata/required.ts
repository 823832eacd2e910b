/**
 * Properties DHIS2's schema marks required, for the types the sandbox validates (E4000).
 * Kept to the ones every real export carries, so the check rejects hand-made payloads that
 * DHIS2 would reject without tripping on exports.
 */
export const REQUIRED_PROPERTIES: Readonly<Record<string, readonly string[]>> = {
    attributes: ['name', 'valueType'],
    organisationUnitLevels: ['name', 'level'],
    organisationUnits: ['name', 'shortName', 'openingDate'],
    categoryOptions: ['name', 'shortName'],
    categories: ['name', 'dataDimensionType'],
    categoryCombos: ['name', 'dataDimensionType'],
    optionSets: ['name', 'valueType'],
    options: ['name', 'code'],
    dataElements: ['name', 'shortName', 'domainType', 'valueType', 'aggregationType'],
    dataSets: ['name', 'periodType'],
    trackedEntityAttributes: ['name', 'shortName', 'valueType'],
    trackedEntityTypes: ['name'],
    relationshipTypes: ['name', 'fromConstraint', 'toConstraint'],
    programs: ['name', 'shortName', 'programType'],
    programStages: ['name'],
}

export const VALUE_TYPES: ReadonlySet<string> = new Set([
    'TEXT',
    'LONG_TEXT',
    'MULTI_TEXT',
    'LETTER',
    'PHONE_NUMBER',
    'EMAIL',
    'BOOLEAN',
    'TRUE_ONLY',
    'DATE',
    'DATETIME',
    'TIME',
    'NUMBER',
    'UNIT_INTERVAL',
    'PERCENTAGE',
    'INTEGER',
    'INTEGER_POSITIVE',
    'INTEGER_NEGATIVE',
    'INTEGER_ZERO_OR_POSITIVE',
    'TRACKER_ASSOCIATE',
    'USERNAME',
    'COORDINATE',
    'ORGANISATION_UNIT',
    'REFERENCE',
    'AGE',
    'URL',
    'FILE_RESOURCE',
    'IMAGE',
    'GEOJSON',
])

/**
 * The metadata of DataValueSetServiceIntegrationTest's @BeforeEach (`setUpTest`) as a
 * POST /api/metadata payload, same UIDs and codes as the Java setup, and the objects its tests
 * change as the superuser (data set A, category options A and B). See serviceSetup.ts for how the
 * test's user and its capture scope are stood in for.
 */
/** The sandbox's `operator`, standing in for the Java test's user, and its capture root. */
const USER_ID = 'L46jEA1kmsI'
const USER_ROOT = 'NWRRJHHp571'

export const ATTRIBUTE_UID = 'uh6H2ff562G'
export const UID = {
    ocA: 'kjuiHgy67hg',
    ocB: 'Gad33qy67g5',
    ocDef: 'HllvX50cXC0',
    deA: 'f7n9E0hX8qk',
    deB: 'Ix2HsbDMLea',
    deC: 'eY5ehpbEsB7',
    deD: 'deabcdefghD',
    deF: 'jH26dja2f30',
    deG: 'jH26dja2f31',
    dsA: 'pBOMPrpg1QX',
    ouA: 'DiszpKrYNg8',
    ouB: 'BdfsJfj87js',
    ouC: 'j7Hg26FpoIa',
    categoryOptionA: 'cOptAbcdefA',
    categoryOptionB: 'cOptAbcdefB',
    categoryA: 'categoryAbA',
    categoryComboA: 'catComboAbA',
    optionSetA: 'optionSetAa',
} as const

/** AccessStringHelper's constants. */
export const ACCESS = {
    READ: 'r-------',
    DATA_READ: '--r-----',
    DATA_WRITE: '---w----',
    DATA_READ_WRITE: '--rw----',
} as const

const attributeValue = (value: string) => ({ attribute: { id: ATTRIBUTE_UID }, value })

/** `enableDataSharing(user, object, access)`: the user's access replaces any other user's. */
export const sharedWithUser = (access: string) => ({
    sharing: { public: 'rw------', users: { [USER_ID]: { id: USER_ID, access } }, userGroups: {} },
})

const dataElement = (key: string, id: string, extra: Record<string, unknown> = {}) => ({
    id,
    name: `DataElement${key}`,
    shortName: `DataElementShort${key}`,
    code: `DE_${key}`,
    valueType: 'INTEGER',
    domainType: 'AGGREGATE',
    aggregationType: 'SUM',
    zeroIsSignificant: false,
    categoryCombo: { id: 'bjDvmb4bfuf' },
    ...extra,
})

const orgUnit = (key: string, id: string, custom: string, parent?: string) => ({
    id,
    name: `OrganisationUnit${key}`,
    shortName: `OrganisationUnitShort${key}`,
    code: `OU_${key}`,
    openingDate: '1970-01-01',
    ...(parent ? { parent: { id: parent } } : {}),
    attributeValues: [attributeValue(custom)],
})

export interface DataSetChanges {
    expiryDays?: number
    openFuturePeriods?: number
    access?: string
}

export function dataSetA(changes: DataSetChanges = {}) {
    return {
        id: UID.dsA,
        name: 'DataSetA',
        shortName: 'DataSetShortA',
        code: 'DS_A',
        periodType: 'Monthly',
        categoryCombo: { id: 'bjDvmb4bfuf' },
        expiryDays: changes.expiryDays ?? 0,
        openFuturePeriods: changes.openFuturePeriods ?? 0,
        dataSetElements: [UID.deA, UID.deB, UID.deC, UID.deD].map((id) => ({
            dataElement: { id },
            dataSet: { id: UID.dsA },
        })),
        organisationUnits: [{ id: UID.ouA }, { id: UID.ouC }],
        ...sharedWithUser(changes.access ?? ACCESS.DATA_READ_WRITE),
    }
}

export interface OptionChanges {
    access?: string
    startDate?: string
    endDate?: string
    organisationUnits?: string[]
}

export function categoryOption(key: 'A' | 'B', changes: OptionChanges = {}) {
    return {
        id: key === 'A' ? UID.categoryOptionA : UID.categoryOptionB,
        name: `CategoryOption${key}`,
        shortName: `CategoryOption${key}`,
        ...(changes.startDate ? { startDate: changes.startDate } : {}),
        ...(changes.endDate ? { endDate: changes.endDate } : {}),
        ...(changes.organisationUnits
            ? { organisationUnits: changes.organisationUnits.map((id) => ({ id })) }
            : {}),
        ...sharedWithUser(changes.access ?? ACCESS.DATA_READ_WRITE),
    }
}

export function setupMetadata() {
    return {
        attributes: [
            {
                id: ATTRIBUTE_UID,
                name: 'CUSTOM_ID',
                valueType: 'TEXT',
                unique: true,
                organisationUnitAttribute: true,
                dataElementAttribute: true,
            },
        ],
        organisationUnits: [
            { id: USER_ROOT, name: 'Root', shortName: 'Root', openingDate: '1970-01-01' },
            orgUnit('A', UID.ouA, 'OU1', USER_ROOT),
            orgUnit('B', UID.ouB, 'OU2', USER_ROOT),
            orgUnit('C', UID.ouC, 'OU3'),
        ],
        categoryOptions: [categoryOption('A'), categoryOption('B')],
        categories: [
            {
                id: UID.categoryA,
                name: 'CategoryA',
                shortName: 'CategoryA',
                dataDimensionType: 'DISAGGREGATION',
                categoryOptions: [{ id: UID.categoryOptionA }, { id: UID.categoryOptionB }],
            },
        ],
        categoryCombos: [
            {
                id: UID.categoryComboA,
                name: 'CategoryComboA',
                dataDimensionType: 'DISAGGREGATION',
                categories: [{ id: UID.categoryA }],
            },
        ],
        categoryOptionCombos: [
            {
                id: UID.ocA,
                name: 'CategoryOptionA',
                code: 'OC_A',
                categoryCombo: { id: UID.categoryComboA },
                categoryOptions: [{ id: UID.categoryOptionA }],
            },
            {
                id: UID.ocB,
                name: 'CategoryOptionB',
                code: 'OC_B',
                categoryCombo: { id: UID.categoryComboA },
                categoryOptions: [{ id: UID.categoryOptionB }],
            },
        ],
        optionSets: [
            {
                id: UID.optionSetA,
                name: 'OptionSetA',
                valueType: 'INTEGER',
                options: [{ id: 'optionBlueA' }, { id: 'optionGreen' }, { id: 'optionYello' }],
            },
        ],
        options: [
            { id: 'optionBlueA', name: 'Blue', code: '1', optionSet: { id: UID.optionSetA } },
            { id: 'optionGreen', name: 'Green', code: '2', optionSet: { id: UID.optionSetA } },
            { id: 'optionYello', name: 'Yellow', code: '3', optionSet: { id: UID.optionSetA } },
        ],
        dataElements: [
            dataElement('A', UID.deA, { attributeValues: [attributeValue('DE1')] }),
            dataElement('B', UID.deB, { attributeValues: [attributeValue('DE2')] }),
            dataElement('C', UID.deC, { attributeValues: [attributeValue('DE3')] }),
            dataElement('D', UID.deD, { attributeValues: [attributeValue('DE4')] }),
            dataElement('F', UID.deF, { valueType: 'BOOLEAN', code: 'DataElementCodeF' }),
            dataElement('G', UID.deG, { valueType: 'TRUE_ONLY', code: 'DataElementCodeG' }),
        ],
        dataSets: [dataSetA()],
    }
}

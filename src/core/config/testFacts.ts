import type { CategoryComboFacts, TrackedEntityAttributeFacts } from '../ports/metadata'
import type { MetadataFacts } from './mappingProblems'
import type { Mappings } from './types'

/**
 * A small DHIS2 world for the mapping checks' tests, and a mapping that fits it exactly. Tests
 * change one thing and look for the one problem it causes.
 */

export const UID = {
    person: 'TetPerson01',
    openSrpId: 'AttrOsrpId1',
    firstName: 'AttrFirstNm',
    sex: 'AttrSex0001',
    birthDate: 'AttrDob0001',
    childProgram: 'ProgChild01',
    eventProgram: 'ProgEvents1',
    otherTypeProgram: 'ProgOther01',
    stage: 'StageImmun1',
    vaccine: 'DeVaccine01',
    dose: 'DeDose00001',
    sourceId: 'DeSourceId1',
    weight: 'DeWeight001',
    dataSet: 'DsMonthly01',
    bcg: 'DeBcg000001',
    tt: 'DeTt0000001',
    note: 'DeNote00001',
    sexCombo: 'CcSex000001',
    male: 'CocMale0001',
    female: 'CocFemale01',
    defaultCombo: 'bjDvmb4bfuf',
    defaultCoc: 'HllvX50cXC0',
    motherOf: 'RelMother01',
    locationAttribute: 'AttrLocId01',
    facility: 'OuFacility1',
    otherFacility: 'OuFacility2',
} as const

const combo = (id: string, name: string, cocs: Array<[string, string]>): CategoryComboFacts => ({
    id,
    name,
    categoryOptionCombos: cocs.map(([cocId, cocName]) => ({ id: cocId, name: cocName })),
})

const defaultCombo = combo(UID.defaultCombo, 'default', [[UID.defaultCoc, 'default']])
const sexCombo = combo(UID.sexCombo, 'Sex', [
    [UID.male, 'Male'],
    [UID.female, 'Female'],
])

const attribute = (
    id: string,
    name: string,
    extra: Partial<TrackedEntityAttributeFacts> = {}
): TrackedEntityAttributeFacts => ({ id, name, unique: false, valueType: 'TEXT', ...extra })

export function sampleFacts(): MetadataFacts {
    const openSrpId = attribute(UID.openSrpId, 'OpenSRP ID', { unique: true })
    const firstName = attribute(UID.firstName, 'First name')
    const sex = attribute(UID.sex, 'Sex', {
        optionSet: { id: 'OsSex000001', codes: ['MALE', 'FEMALE'] },
    })
    const birthDate = attribute(UID.birthDate, 'Date of birth', { valueType: 'DATE' })
    return {
        trackedEntityTypes: [
            {
                id: UID.person,
                name: 'Person',
                trackedEntityTypeAttributes: [
                    { mandatory: true, attribute: openSrpId },
                    { mandatory: false, attribute: firstName },
                    { mandatory: false, attribute: sex },
                ],
            },
        ],
        programs: [
            {
                id: UID.childProgram,
                name: 'Child Immunisation',
                programType: 'WITH_REGISTRATION',
                trackedEntityType: UID.person,
                displayIncidentDate: true,
                programTrackedEntityAttributes: [
                    { mandatory: true, attribute: openSrpId },
                    { mandatory: true, attribute: firstName },
                    { mandatory: true, attribute: sex },
                    { mandatory: false, attribute: birthDate },
                ],
                programStages: [
                    {
                        id: UID.stage,
                        name: 'Immunisation',
                        dataElements: [
                            {
                                id: UID.vaccine,
                                name: 'Vaccine',
                                compulsory: true,
                                valueType: 'TEXT',
                                optionSet: { id: 'OsVaccine01', codes: ['BCG', 'OPV'] },
                            },
                            {
                                id: UID.dose,
                                name: 'Dose',
                                compulsory: true,
                                valueType: 'INTEGER_ZERO_OR_POSITIVE',
                            },
                            {
                                id: UID.sourceId,
                                name: 'Source id',
                                compulsory: false,
                                valueType: 'TEXT',
                            },
                            {
                                id: UID.weight,
                                name: 'Weight',
                                compulsory: false,
                                valueType: 'NUMBER',
                            },
                        ],
                    },
                ],
                organisationUnits: [UID.facility],
            },
            {
                id: UID.eventProgram,
                name: 'Campaign events',
                programType: 'WITHOUT_REGISTRATION',
                displayIncidentDate: false,
                programTrackedEntityAttributes: [],
                programStages: [],
                organisationUnits: [UID.facility],
            },
        ],
        relationshipTypes: [
            {
                id: UID.motherOf,
                name: 'Mother of',
                bidirectional: false,
                fromConstraint: {
                    relationshipEntity: 'TRACKED_ENTITY_INSTANCE',
                    trackedEntityType: UID.person,
                },
                toConstraint: {
                    relationshipEntity: 'TRACKED_ENTITY_INSTANCE',
                    trackedEntityType: UID.person,
                },
            },
        ],
        dataSets: [
            {
                id: UID.dataSet,
                name: 'EPI Monthly',
                periodType: 'Monthly',
                openFuturePeriods: 0,
                expiryDays: 0,
                categoryCombo: defaultCombo,
                dataSetElements: [
                    {
                        dataElement: {
                            id: UID.bcg,
                            name: 'BCG given',
                            valueType: 'INTEGER_ZERO_OR_POSITIVE',
                            categoryCombo: sexCombo,
                        },
                    },
                    {
                        dataElement: {
                            id: UID.tt,
                            name: 'TT given',
                            valueType: 'INTEGER_ZERO_OR_POSITIVE',
                            categoryCombo: defaultCombo,
                        },
                    },
                    {
                        dataElement: {
                            id: UID.note,
                            name: 'Remarks',
                            valueType: 'LONG_TEXT',
                            categoryCombo: defaultCombo,
                        },
                    },
                ],
                organisationUnits: [UID.facility],
            },
        ],
        orgUnits: [
            {
                id: UID.facility,
                name: 'Mouchak EPI',
                path: `/Root0000001/${UID.facility}`,
                level: 2,
                attributeValues: [],
            },
            {
                id: UID.otherFacility,
                name: 'Kaliakair EPI',
                path: `/Root0000001/${UID.otherFacility}`,
                level: 2,
                attributeValues: [],
            },
        ],
        attributes: [
            {
                id: UID.locationAttribute,
                name: 'OpenSRP location ID',
                unique: true,
                organisationUnitAttribute: true,
            },
        ],
    }
}

export function sampleMappings(): Mappings {
    return {
        version: 1,
        orgUnits: {
            explicit: { 'loc-mouchak': UID.facility },
            rules: [{ by: 'uid' }, { by: 'attribute', attribute: UID.locationAttribute }],
        },
        antigens: [
            { antigen: 'bcg', parentCodes: ['886AAAAA'], fieldPrefixes: ['bcg'] },
            { antigen: 'tt', parentCodes: [], fieldPrefixes: ['tt'] },
        ],
        outOfAreaKeep: 'vaccinating-site',
        tracker: {
            trackedEntityType: UID.person,
            idAttribute: UID.openSrpId,
            attributes: [
                { attribute: UID.openSrpId, source: { from: 'baseEntityId' }, mandatory: true },
                {
                    attribute: UID.firstName,
                    source: { from: 'field', field: 'firstName' },
                    mandatory: true,
                },
                {
                    attribute: UID.sex,
                    source: { from: 'field', field: 'gender' },
                    transform: [{ type: 'optionMap', map: { Male: 'MALE', Female: 'FEMALE' } }],
                    mandatory: false,
                },
            ],
            programs: [
                {
                    program: UID.childProgram,
                    selector: { type: 'child' },
                    enrolledAt: 'dateCreated',
                    occurredAt: 'birthdate',
                    attributes: [
                        {
                            attribute: UID.sex,
                            source: { from: 'field', field: 'gender' },
                            transform: [
                                { type: 'optionMap', map: { Male: 'MALE', Female: 'FEMALE' } },
                            ],
                            mandatory: true,
                        },
                        {
                            attribute: UID.birthDate,
                            source: { from: 'field', field: 'birthdate' },
                            transform: [{ type: 'date' }],
                            mandatory: false,
                        },
                    ],
                    vaccinations: {
                        programStage: UID.stage,
                        antigens: ['bcg'],
                        vaccineDataElement: UID.vaccine,
                        vaccineCodes: { bcg: 'BCG' },
                        doseDataElement: UID.dose,
                        sourceIdDataElement: UID.sourceId,
                    },
                },
            ],
            motherChildRelationshipType: UID.motherOf,
        },
        aggregate: {
            dataSets: [
                {
                    dataSet: UID.dataSet,
                    periodType: 'Monthly',
                    attributeOptionCombo: UID.defaultCoc,
                    sexCategoryOptionCombos: { male: UID.male, female: UID.female },
                    defaultCategoryOptionCombo: UID.defaultCoc,
                    indicators: [
                        {
                            type: 'dose',
                            antigen: 'bcg',
                            dataElement: UID.bcg,
                            disaggregation: 'sex',
                        },
                        {
                            type: 'dose',
                            antigen: 'tt',
                            dose: 1,
                            dataElement: UID.tt,
                            disaggregation: 'none',
                        },
                    ],
                },
            ],
            closeAfterDays: 5,
        },
    }
}

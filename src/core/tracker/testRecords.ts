import type { OpenSrpClient, OpenSrpEvent, OpenSrpLocation } from '../domain/opensrp'
import type { Dhis2OrgUnit } from '../orgUnits/types'

/**
 * Records for the tracker mapping's unit tests, shaped like test/fixtures/opensrp (same ids,
 * same quirks) after the source adapter validated them. Tests only.
 */

export const KA = '52995019-12fc-4844-a9f8-4cd6da43d54e'
export const KHA = '0eda413e-1e60-43a9-9294-effec7e3c61f'
export const KICHAK = '85d4d951-3eaa-479e-a482-b9183234206c'
export const RAHIMA = '5a8f3b61-a2a3-49fe-ae51-5f4e110b686f'
export const TANVIR = 'f6603eb9-e89b-4990-a9e0-d991996edc8d'

export const locations: OpenSrpLocation[] = [
    {
        id: KA,
        name: 'Mokamtola Ward-3 EPI Centre 3/Ka',
        code: '5010946903-KA',
        status: 'Active',
        tags: [],
    },
    {
        id: KHA,
        name: 'Mokamtola Ward-3 EPI Centre 3/Kha',
        code: '5010946903-KHA',
        status: 'Active',
        tags: [],
    },
    {
        id: KICHAK,
        name: 'Kichak Ward-5 EPI Centre 5/Ka',
        code: '5010944705-KA',
        status: 'Active',
        tags: [],
    },
]

/** DHIS2 side: the three centres, found by the "OpenSRP location ID" attribute. */
export const orgUnits: Dhis2OrgUnit[] = [
    {
        id: 'OuKaCentre1',
        name: 'EPI 3/Ka',
        attributeValues: [{ attribute: 'DdF4IJAsTOS', value: KA }],
    },
    {
        id: 'OuKhaCentre',
        name: 'EPI 3/Kha',
        attributeValues: [{ attribute: 'DdF4IJAsTOS', value: KHA }],
    },
    {
        id: 'OuKichak5Ka',
        name: 'EPI 5/Ka',
        attributeValues: [{ attribute: 'DdF4IJAsTOS', value: KICHAK }],
    },
]

const address = (centre: string) => ({
    preferred: true,
    addressType: 'usual_residence',
    addressFields: {
        stateProvince: 'Rajshahi',
        countyDistrict: 'Bogura',
        cityVillage: 'Shibganj',
        address1: 'Mokamtola',
        address2: 'Ward-3',
        address3: '3/Ka',
        address4: centre,
    },
})

/** Md. Tanvir Hossain: a child at 3/Ka whose mother is Rahima. */
export const child = (overrides: Partial<OpenSrpClient> = {}): OpenSrpClient => ({
    id: 'a25782e6-85cd-41a7-b938-ec38dd3caee2',
    rev: 'v1',
    baseEntityId: TANVIR,
    firstName: 'Md. Tanvir',
    lastName: 'Hossain',
    gender: 'Male',
    birthdate: '2024-01-08T00:00:00.000+06:00',
    birthdateApprox: false,
    identifiers: { ZEIR_ID: '1042217-3', OPENMRS_UUID: 'b6d906ee-5093-445f-8f43-d0d09831fa97' },
    attributes: { Child_Birth_Certificate: '20241011094001217' },
    addresses: [address('Mokamtola Ward-3 EPI Centre 3/Ka')],
    relationships: { mother: [RAHIMA] },
    locationId: KA,
    teamId: '0894276f-2b99-4850-82aa-ad9192cefd19',
    voided: false,
    dateCreated: '2024-01-10T11:41:58.955+06:00',
    serverVersion: 1634570998412,
    ...overrides,
})

/** Rahima Begum: a mother, as ZEIR/BD apps write them: no locationId, no relationships. */
export const mother = (overrides: Partial<OpenSrpClient> = {}): OpenSrpClient => ({
    id: '89cc14be-672b-4027-aba0-4ba8e80ac390',
    rev: 'v1',
    baseEntityId: RAHIMA,
    firstName: 'Rahima',
    lastName: 'Begum',
    gender: 'Female',
    birthdate: '1997-01-01T00:00:00.000+06:00',
    birthdateApprox: true,
    identifiers: { M_ZEIR_ID: '1042217-3_mother' },
    attributes: {
        idtype: 'NID',
        nationalId: '4612837590',
        phoneNumber: '01711000123',
        spouseName: 'Md. Jahangir Alam',
    },
    addresses: [address('Mokamtola Ward-3 EPI Centre 3/Ka')],
    relationships: {},
    voided: false,
    dateCreated: '2024-01-10T11:41:58.902+06:00',
    serverVersion: 1634570998410,
    ...overrides,
})

const DATE = '1410AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'
const DOSE = '1418AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'

/** A Vaccination event as the immunization library writes it: a date obs and a dose obs. */
export const vaccination = (
    field: string,
    parentCode: string,
    date: string,
    dose: string,
    overrides: Partial<OpenSrpEvent> = {}
): OpenSrpEvent => ({
    id: '39e127cf-0000-4000-8000-000000000001',
    rev: 'v1',
    baseEntityId: TANVIR,
    eventType: 'Vaccination',
    entityType: 'vaccination',
    eventDate: '2024-02-20T10:14:55.120+06:00',
    locationId: KA,
    providerId: 'ha_mokamtola3',
    formSubmissionId: '8d3582d5-0000-4000-8000-000000000001',
    identifiers: {},
    details: { program_client_id: '1042217-3' },
    obs: [
        {
            fieldType: 'concept',
            fieldCode: DATE,
            fieldDataType: 'date',
            parentCode,
            formSubmissionField: field,
            values: [date],
            humanReadableValues: [],
        },
        {
            fieldType: 'concept',
            fieldCode: DOSE,
            fieldDataType: 'calculate',
            parentCode,
            formSubmissionField: `${field}_dose`,
            values: [dose],
            humanReadableValues: [],
        },
    ],
    voided: false,
    serverVersion: 1634571240600,
    ...overrides,
})

export const PENTA = '1685AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'
export const TT = '84879AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'
export const ROTA = '159698AAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'

/** Personal data of the records above: no error message may contain any of it. */
export const PERSONAL_DATA = [
    'Tanvir',
    'Hossain',
    'Rahima',
    'Begum',
    '01711000123',
    '4612837590',
    '2024-01-08',
    '1997-01-01',
]

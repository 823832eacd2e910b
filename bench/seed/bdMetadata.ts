/**
 * The BD EPI package's UIDs (sandbox/data/bd-epi-metadata.json). The seed hard-coded one program,
 * one org unit and its attribute UIDs as Java constants (defect 1); the programs, attributes and
 * data elements stay constants here, but org units come from DHIS2 (orgUnits.ts).
 */

export const PERSON = 'ligA6yGUkYl'
export const CHILD_PROGRAM = 'C15BBx4PSBf'
export const MOTHER_PROGRAM = 'HTqzpjctuad'
export const CHILD_STAGE = 'CH7Lg690vBD'
export const MOTHER_STAGE = 'uUEzUXJRds2'

export const ATTRIBUTE = {
    openSrpId: 'caS6LyxoM41',
    firstName: 'QjWOSmGM0J3',
    lastName: 'RWxfLv4xPgy',
    sex: 'jWSuNC2sfcj',
    dateOfBirth: 'hgj3t9ZO6ls',
} as const

export const OPENSRP_LOCATION_ATTRIBUTE = 'DdF4IJAsTOS'

export const STAGE_DATA_ELEMENT = {
    vaccine: 'qR6eP15RJ7h',
    dose: 'UGinqBJICof',
    openSrpEventId: 'lr2sazXdXWr',
} as const

export const MONTHLY_DATA_SET = 'Qnf0P01U3T1'
export const SEX_OPTION_COMBO = { male: 'ocU7V0kuUHq', female: 'm48aYeV9dEa' } as const
/** The default category option combo (DHIS2 requires it named where strict import is on). */
export const DEFAULT_COMBO = 'HllvX50cXC0'

/**
 * Dose data elements by the obs name the seed matched (`bcg`, `opv_0`…). The seed knew only
 * opv_0..2, bcg, pcv_1..2, penta_1..2 and rota (defect 9); the BD data set's full list is here.
 * `bySex`: the element's category combo is Sex, so each value needs a male or female option combo.
 */
export const DOSE_DATA_ELEMENTS: Record<string, { dataElement: string; bySex: boolean }> = {
    bcg: { dataElement: 'B0jp1RrdN32', bySex: true },
    opv_0: { dataElement: 'cU8l7fQCLBU', bySex: true },
    opv_1: { dataElement: 'xBX4GImVf5Q', bySex: true },
    opv_2: { dataElement: 'hanuV68JhNi', bySex: true },
    opv_3: { dataElement: 'rXOJpVYwH21', bySex: true },
    penta_1: { dataElement: 'XMKRsEUVgIX', bySex: true },
    penta_2: { dataElement: 'UHkxKDOKsc0', bySex: true },
    penta_3: { dataElement: 'huA3eGM46xq', bySex: true },
    pcv_1: { dataElement: 'PEjkRKFEV7U', bySex: true },
    pcv_2: { dataElement: 'hEu7ueXznlA', bySex: true },
    pcv_3: { dataElement: 'xXljeCVRsGQ', bySex: true },
    fipv_1: { dataElement: 'SJqsOnXdgRg', bySex: true },
    ipv_1: { dataElement: 'SJqsOnXdgRg', bySex: true },
    fipv_2: { dataElement: 'b5eCD9QBQ2w', bySex: true },
    ipv_2: { dataElement: 'b5eCD9QBQ2w', bySex: true },
    mr_1: { dataElement: 's7WGKoRRg1o', bySex: true },
    measles_1: { dataElement: 's7WGKoRRg1o', bySex: true },
    mr_2: { dataElement: 'DnH6vmVvhlo', bySex: true },
    measles_2: { dataElement: 'DnH6vmVvhlo', bySex: true },
    tt_1: { dataElement: 'mWhC9DNzwTf', bySex: false },
    tt_2: { dataElement: 'OaauJlRbzvE', bySex: false },
    tt_3: { dataElement: 'ZzUnxW5F3xi', bySex: false },
    tt_4: { dataElement: 'tsomK4hUzbW', bySex: false },
    tt_5: { dataElement: 'sunzsJMYGFa', bySex: false },
}

export const BIRTH_DATA_ELEMENT = {
    childRegistrations: 'ieAFUesw47C',
    lowBirthWeight: 'Q6gnRLUd9EF',
    birthsAtHome: 'HlsQYU1Xeok',
    birthsInFacility: 'VaQTgvCcLjq',
} as const

/** Stage option codes of the EPI Vaccine option set, by the obs name's prefix. */
export const VACCINE_OPTION: Record<string, string> = {
    bcg: 'BCG',
    opv: 'OPV',
    penta: 'PENTA',
    pcv: 'PCV',
    fipv: 'FIPV',
    ipv: 'FIPV',
    mr: 'MR',
    measles: 'MR',
    tt: 'TT',
}

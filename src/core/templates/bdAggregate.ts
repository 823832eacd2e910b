import type { AggregateMapping, DataSetMapping, IndicatorRule } from '../config/types'
import type { DataSetDhis2Facts } from '../aggregate/readiness'

/**
 * The default aggregate mapping for the Bangladesh EPI metadata package
 * (shared/fixtures/dhis2/metadata/bd-epi-metadata.json; a copy in test/fixtures/dhis2/metadata/,
 * checked against this file by bdAggregate.test.ts). Antigen names are those of BD_ANTIGENS.
 */

const DEFAULT_COC = 'HllvX50cXC0'
/** Category combo "Sex" (yAOLCFKPUTb): its two option combos. */
const SEX_COCS = { male: 'ocU7V0kuUHq', female: 'm48aYeV9dEa' }

export const BD_MONTHLY_DATA_SET = 'Qnf0P01U3T1'
export const BD_WEEKLY_DATA_SET = 'ORjrZOfdUfU'
const BIRTH_REGISTRATION = 'Birth Registration'

const childDose = (
    antigen: string,
    dose: number | undefined,
    dataElement: string
): IndicatorRule =>
    dose === undefined
        ? { type: 'dose', antigen, dataElement, disaggregation: 'sex' }
        : { type: 'dose', antigen, dose, dataElement, disaggregation: 'sex' }

const womanDose = (dose: number, dataElement: string): IndicatorRule => ({
    type: 'dose',
    antigen: 'tt',
    dose,
    dataElement,
    disaggregation: 'none',
})

const monthly: DataSetMapping = {
    dataSet: BD_MONTHLY_DATA_SET,
    periodType: 'Monthly',
    attributeOptionCombo: DEFAULT_COC,
    sexCategoryOptionCombos: SEX_COCS,
    defaultCategoryOptionCombo: DEFAULT_COC,
    indicators: [
        // BCG is one dose (the app writes dose 1); every BCG dose counts.
        childDose('bcg', undefined, 'B0jp1RrdN32'),
        childDose('opv', 0, 'cU8l7fQCLBU'),
        childDose('opv', 1, 'xBX4GImVf5Q'),
        childDose('opv', 2, 'hanuV68JhNi'),
        childDose('opv', 3, 'rXOJpVYwH21'),
        childDose('penta', 1, 'XMKRsEUVgIX'),
        childDose('penta', 2, 'UHkxKDOKsc0'),
        childDose('penta', 3, 'huA3eGM46xq'),
        childDose('pcv', 1, 'PEjkRKFEV7U'),
        childDose('pcv', 2, 'hEu7ueXznlA'),
        childDose('pcv', 3, 'xXljeCVRsGQ'),
        childDose('ipv', 1, 'SJqsOnXdgRg'),
        childDose('ipv', 2, 'b5eCD9QBQ2w'),
        childDose('mr', 1, 's7WGKoRRg1o'),
        childDose('mr', 2, 'DnH6vmVvhlo'),
        womanDose(1, 'mWhC9DNzwTf'),
        womanDose(2, 'OaauJlRbzvE'),
        womanDose(3, 'ZzUnxW5F3xi'),
        womanDose(4, 'tsomK4hUzbW'),
        womanDose(5, 'sunzsJMYGFa'),
        {
            type: 'eventCount',
            eventType: BIRTH_REGISTRATION,
            dataElement: 'ieAFUesw47C',
            disaggregation: 'none',
        },
        {
            // Low birth weight: under 2.5 kg (the original connector used 3.5, defect 9).
            type: 'obsBelow',
            eventType: BIRTH_REGISTRATION,
            field: 'Birth_Weight',
            threshold: 2.5,
            dataElement: 'Q6gnRLUd9EF',
            disaggregation: 'none',
        },
        {
            type: 'obsValue',
            eventType: BIRTH_REGISTRATION,
            field: 'Place_Birth',
            values: ['Home', '1536AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'],
            dataElement: 'HlsQYU1Xeok',
            disaggregation: 'none',
        },
        {
            type: 'obsValue',
            eventType: BIRTH_REGISTRATION,
            field: 'Place_Birth',
            values: ['Health facility', '1588AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'],
            dataElement: 'VaQTgvCcLjq',
            disaggregation: 'none',
        },
    ],
}

const weekly: DataSetMapping = {
    dataSet: BD_WEEKLY_DATA_SET,
    periodType: 'Weekly',
    attributeOptionCombo: DEFAULT_COC,
    sexCategoryOptionCombos: SEX_COCS,
    defaultCategoryOptionCombo: DEFAULT_COC,
    indicators: [
        {
            type: 'eventCount',
            eventType: BIRTH_REGISTRATION,
            dataElement: 'kW3nRegWk01',
            disaggregation: 'none',
        },
        childDose('penta', 1, 'kW3nPen1Wk2'),
    ],
}

export const BD_AGGREGATE_MAPPING: AggregateMapping = {
    dataSets: [monthly, weekly],
    // Devices upload days late; a period is posted once it has been over for this long.
    closeAfterDays: 5,
}

/**
 * The data sets' openFuturePeriods and expiryDays as the package sets them. A run reads the live
 * values from DHIS2 (an admin can change them); these are the defaults and the tests' facts.
 */
export const BD_DATA_SET_FACTS: Record<string, DataSetDhis2Facts> = {
    [BD_MONTHLY_DATA_SET]: { openFuturePeriods: 0, expiryDays: 0 },
    [BD_WEEKLY_DATA_SET]: { openFuturePeriods: 0, expiryDays: 0 },
}

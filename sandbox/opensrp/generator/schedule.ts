/**
 * Bangladesh EPI schedule and the OpenSRP immunization library's obs codes (reference §5.2).
 * `slot` is the dose's fixed event slot inside a child's serverVersion block (see layout.ts).
 */

export const CONCEPT_DATE = '1410AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'
export const CONCEPT_DOSE = '1418AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'

const OPV = '783AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'
const BCG = '886AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'
const PENTA = '1685AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'
const PCV = '162342AAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'
/** Not in the library's sample; the fixtures' deployment uses this one. */
const IPV = '1422AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'
const MR = '162586AAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'
export const TT = '84879AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'

export interface ChildDose {
    /** Field name as the app writes it; `fipv_` doses have an `ipv_` spelling variant. */
    field: string
    parentCode: string
    dose: number
    ageDays: number
    /** Share of children who get this dose (before the due-date cut-off). */
    coverage: number
    /** Mean delay after the due age, in days. */
    meanDelay: number
    slot: number
}

export const CHILD_DOSES: readonly ChildDose[] = [
    { field: 'bcg', parentCode: BCG, dose: 1, ageDays: 0, coverage: 0.95, meanDelay: 3, slot: 1 },
    { field: 'opv_0', parentCode: OPV, dose: 0, ageDays: 0, coverage: 0.93, meanDelay: 3, slot: 2 },
    {
        field: 'penta_1',
        parentCode: PENTA,
        dose: 1,
        ageDays: 42,
        coverage: 0.93,
        meanDelay: 6,
        slot: 3,
    },
    {
        field: 'opv_1',
        parentCode: OPV,
        dose: 1,
        ageDays: 42,
        coverage: 0.92,
        meanDelay: 6,
        slot: 4,
    },
    {
        field: 'pcv_1',
        parentCode: PCV,
        dose: 1,
        ageDays: 42,
        coverage: 0.91,
        meanDelay: 6,
        slot: 5,
    },
    {
        field: 'fipv_1',
        parentCode: IPV,
        dose: 1,
        ageDays: 42,
        coverage: 0.88,
        meanDelay: 7,
        slot: 6,
    },
    {
        field: 'penta_2',
        parentCode: PENTA,
        dose: 2,
        ageDays: 70,
        coverage: 0.9,
        meanDelay: 8,
        slot: 7,
    },
    {
        field: 'opv_2',
        parentCode: OPV,
        dose: 2,
        ageDays: 70,
        coverage: 0.89,
        meanDelay: 8,
        slot: 8,
    },
    {
        field: 'pcv_2',
        parentCode: PCV,
        dose: 2,
        ageDays: 70,
        coverage: 0.88,
        meanDelay: 8,
        slot: 9,
    },
    {
        field: 'penta_3',
        parentCode: PENTA,
        dose: 3,
        ageDays: 98,
        coverage: 0.87,
        meanDelay: 10,
        slot: 10,
    },
    {
        field: 'opv_3',
        parentCode: OPV,
        dose: 3,
        ageDays: 98,
        coverage: 0.86,
        meanDelay: 10,
        slot: 11,
    },
    {
        field: 'fipv_2',
        parentCode: IPV,
        dose: 2,
        ageDays: 98,
        coverage: 0.8,
        meanDelay: 12,
        slot: 12,
    },
    {
        field: 'pcv_3',
        parentCode: PCV,
        dose: 3,
        ageDays: 126,
        coverage: 0.82,
        meanDelay: 12,
        slot: 13,
    },
    {
        field: 'mr_1',
        parentCode: MR,
        dose: 1,
        ageDays: 270,
        coverage: 0.8,
        meanDelay: 18,
        slot: 14,
    },
    {
        field: 'mr_2',
        parentCode: MR,
        dose: 2,
        ageDays: 456,
        coverage: 0.68,
        meanDelay: 25,
        slot: 15,
    },
]

export interface MotherDose {
    field: string
    dose: number
    /** Share of mothers with this dose; TT uptake falls off sharply after TT2. */
    coverage: number
    /** Minimum gap after the previous dose (BD schedule), in days. */
    minGapDays: number
    slot: number
}

export const TT_DOSES: readonly MotherDose[] = [
    { field: 'tt_1', dose: 1, coverage: 0.88, minGapDays: 0, slot: 16 },
    { field: 'tt_2', dose: 2, coverage: 0.78, minGapDays: 28, slot: 17 },
    { field: 'tt_3', dose: 3, coverage: 0.45, minGapDays: 183, slot: 18 },
    { field: 'tt_4', dose: 4, coverage: 0.25, minGapDays: 365, slot: 19 },
    { field: 'tt_5', dose: 5, coverage: 0.15, minGapDays: 365, slot: 20 },
]

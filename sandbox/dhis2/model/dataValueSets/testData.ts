import { JsonRecord } from '../json'

/** Data value set payload builders over the BD EPI package (test helper). */
export const MONTHLY = 'Qnf0P01U3T1'
export const WEEKLY = 'ORjrZOfdUfU'
export const CENTRE = 'yI54G6cBAtY'
export const MALE = 'ocU7V0kuUHq'

/** A monthly set for May 2024 at the EPI centre. */
export const payload = (values: JsonRecord[], extra: JsonRecord = {}) => ({
    dataSet: MONTHLY,
    period: '202405',
    orgUnit: CENTRE,
    ...extra,
    dataValues: values,
})

/** A BCG doses value for boys. */
export const bcg = (value: string, extra: JsonRecord = {}) => ({
    dataElement: 'B0jp1RrdN32',
    categoryOptionCombo: MALE,
    value,
    ...extra,
})

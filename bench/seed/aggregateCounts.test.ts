/** @jest-environment node */
import { DEFAULT_COMBO, DOSE_DATA_ELEMENTS, SEX_OPTION_COMBO } from './bdMetadata'
import { countEvent, dataValueSetOf, type MonthlyCounts } from './aggregateCounts'
import type { OrgUnitTable } from './orgUnits'

const orgUnits: OrgUnitTable = {
    byLocationId: new Map([['loc-1', 'OrgUnit0001']]),
    byName: new Map(),
}
const DATE = '1410AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'
const vaccination = (field: string, date: string, extra: Record<string, unknown> = {}) => ({
    eventType: 'Vaccination',
    baseEntityId: 'child-1',
    locationId: 'loc-1',
    obs: [{ fieldCode: DATE, formSubmissionField: field, values: [date] }],
    ...extra,
})
const boys = () => 'MALE' as const

function count(events: Array<Record<string, unknown>>): MonthlyCounts {
    const counts: MonthlyCounts = new Map()
    for (const event of events) countEvent(counts, event, orgUnits, boys)
    return counts
}

describe("the seed's monthly counts", () => {
    it('count each dose in the month of its vaccination date, by sex', () => {
        const counts = count([
            vaccination('bcg', '2024-01-31'),
            vaccination('bcg', '2024-01-02'),
            vaccination('penta_3', '2024-02-01'),
        ])
        expect([...counts.keys()].sort()).toEqual(['202401', '202402'])
        expect([...(counts.get('202401')?.values() ?? [])]).toEqual([
            {
                dataElement: DOSE_DATA_ELEMENTS.bcg?.dataElement,
                period: '202401',
                orgUnit: 'OrgUnit0001',
                categoryOptionCombo: SEX_OPTION_COMBO.male,
                value: 2,
            },
        ])
    })

    it('leave out voids, out-of-area copies, other event types and non-ASCII dates', () => {
        const counts = count([
            vaccination('bcg', '2024-01-02', { voided: true }),
            vaccination('bcg', '2024-01-02', { details: { out_of_catchment_provider_id: 'x' } }),
            vaccination('bcg', '2024-01-02', { eventType: 'Out of Area Service - Vaccination' }),
            vaccination('bcg', '২০২৪-০১-০২'),
            vaccination('bcg', '2024-01-02', { locationId: 'unknown' }),
        ])
        expect(counts.size).toBe(0)
    })

    it('post one data value set per month with every option combo named', () => {
        const counts = count([vaccination('tt_1', '2024-03-05', { baseEntityId: 'mother-1' })])
        const set = dataValueSetOf('202403', counts.get('202403') ?? new Map())
        expect(set.period).toBe('202403')
        expect(set.dataValues).toEqual([
            {
                dataElement: DOSE_DATA_ELEMENTS.tt_1?.dataElement,
                period: '202403',
                orgUnit: 'OrgUnit0001',
                categoryOptionCombo: DEFAULT_COMBO,
                attributeOptionCombo: DEFAULT_COMBO,
                value: '1',
            },
        ])
    })
})

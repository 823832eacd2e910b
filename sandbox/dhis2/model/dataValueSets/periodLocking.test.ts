/**
 * @jest-environment node
 */
import { Dhis2Minor } from '../../contract'
import { JsonRecord, isRecord, records } from '../json'
import { bdModel, body, buildRequest, call } from '../testing/request'

/**
 * Locking (E7640) and open future periods (E7641) as `DataValueSetImportValidator` of 2.38–2.42
 * applies them (dhis2/dhis2-core): locking is checked on ONE data set, the payload's `dataSet` or
 * else the element's approval data set (workflow first, then most frequent, then name); a locked
 * other data set holding the element does not matter. The latest open period comes from the
 * element (largest `openFuturePeriods` of its data sets, current period rewound by one).
 */

const clock = { now: () => new Date('2024-06-03T10:20:41.377Z') }
const MONTHLY = 'Qnf0P01U3T1' // "EPI Monthly Immunisation", openFuturePeriods 0
const COPY = 'DsCopyAaa01' // "AAA EPI copy": same period type, sorts first by name
const CENTRE = 'yI54G6cBAtY'
const BCG = 'B0jp1RrdN32'

const copyDataSet = (openFuturePeriods: number): JsonRecord => ({
    id: COPY,
    name: 'AAA EPI copy',
    shortName: 'AAA EPI copy',
    periodType: 'Monthly',
    openFuturePeriods,
    dataSetElements: [{ dataElement: { id: BCG } }],
    organisationUnits: [{ id: CENTRE }],
    // Without data write sharing a non-superuser gets E7601 before any locking check.
    sharing: { public: 'rwrw----', external: false, users: {}, userGroups: {} },
})

function model(minor: Dhis2Minor, locked: string[], copyOpenFuture = 0) {
    const m = bdModel(minor, {
        clock,
        lockedPeriods: locked.map((dataSet) => ({ dataSet, period: '202404' })),
    })
    expect(m.importMetadata({ dataSets: [copyDataSet(copyOpenFuture)] }).status).toBe(200)
    return m
}

async function post(m: ReturnType<typeof bdModel>, minor: Dhis2Minor, payload: JsonRecord) {
    const res = await call(m, buildRequest(minor, 'POST', 'dataValueSets', { body: payload }))
    const b = body(res)
    const summary = isRecord(b.response) ? b.response : b
    return records(summary.conflicts).map((c) => [c.errorCode, c.objects])
}

const value = (period: string, extra: JsonRecord = {}): JsonRecord => ({
    period,
    orgUnit: CENTRE,
    ...extra,
    dataValues: [{ dataElement: BCG, value: '3' }],
})

describe.each([38, 40, 42] as Dhis2Minor[])('data set locking on 2.%i', (minor) => {
    it('without a payload data set only the approval data set counts', async () => {
        // MONTHLY is locked, but the approval data set is the copy (same frequency, first by name).
        expect(await post(model(minor, [MONTHLY]), minor, value('202404'))).toEqual([])
        expect(await post(model(minor, [COPY]), minor, value('202404'))).toEqual([
            ['E7640', { period: '202404', dataSet: COPY }],
        ])
    })

    it('the payload data set is the one checked', async () => {
        const m = model(minor, [MONTHLY])
        expect(await post(m, minor, value('202404', { dataSet: MONTHLY }))).toEqual([
            ['E7640', { period: '202404', dataSet: MONTHLY }],
        ])
        expect(await post(m, minor, value('202404', { dataSet: COPY }))).toEqual([])
    })

    it('openFuturePeriods 0 closes the current period; the largest of the element counts', async () => {
        const closed = model(minor, [])
        expect(await post(closed, minor, value('202405'))).toEqual([])
        expect(await post(closed, minor, value('202406'))).toEqual([
            ['E7641', { period: '202406', dataElement: BCG }],
        ])
        // The copy opens one period for the element, whatever data set the payload names.
        const open = model(minor, [], 1)
        expect(await post(open, minor, value('202406', { dataSet: MONTHLY }))).toEqual([])
        expect(await post(open, minor, value('202407'))).toEqual([
            ['E7641', { period: '202407', dataElement: BCG }],
        ])
        expect(await post(model(minor, [], 2), minor, value('202407'))).toEqual([])
    })
})

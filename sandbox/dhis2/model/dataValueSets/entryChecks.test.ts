/**
 * @jest-environment node
 */
import { Dhis2Minor } from '../../contract'
import { JsonRecord, isRecord, records } from '../json'
import { fixedClock } from '../testing/clock'
import { ADMIN, bdMetadata, bdModel, body, buildRequest, call } from '../testing/request'
import { DataApprovalRecord } from '../context'
import { CENTRE, MONTHLY, WEEKLY, bcg, payload } from './testData'

/**
 * Data approval and data input periods (dhis2/dhis2-core `DataValueSetImportValidator`,
 * 2.38–2.42): E7642 when the value's period, org unit (or an ancestor) and AOC are approved in
 * the data set's workflow; E7643 when the data set has input periods and none is open now for
 * the period; E7644 when no data set of the element is open for it. `force` lets a superuser
 * through. 2.43 (`DefaultDataEntryService.validateEntryTimeliness`): E8030 / E8033 on the group.
 */

const WORKFLOW = 'WfEpiMonth1'
const UNION = 'TJVyV3rXr9T' // parent of the EPI centre

function monthly(changes: JsonRecord): JsonRecord {
    const md = bdMetadata()
    const found = isRecord(md) ? records(md.dataSets).find((o) => o.id === MONTHLY) : undefined
    if (!found) throw new Error('no monthly data set')
    return { ...found, ...changes }
}

/** May 2024 open for data entry on 1–2 June only; the clock says 3 June. */
const closedMay = {
    dataInputPeriods: [
        {
            period: { id: '202405' },
            openingDate: '2024-06-01T00:00:00.000',
            closingDate: '2024-06-02T00:00:00.000',
        },
    ],
}

async function post(
    minor: Dhis2Minor,
    b: JsonRecord,
    changes: JsonRecord,
    approvals: DataApprovalRecord[] = [],
    extra: { admin?: boolean; query?: Record<string, string> } = {}
) {
    const model = bdModel(minor, { clock: fixedClock, approvals })
    expect(model.importMetadata({ dataSets: [monthly(changes)] }).status).toBe(200)
    const res = await call(
        model,
        buildRequest(minor, 'POST', 'dataValueSets', {
            body: b,
            query: extra.query ?? {},
            ...(extra.admin ? { user: ADMIN } : {}),
        })
    )
    const summary = isRecord(body(res).response) ? (body(res).response as JsonRecord) : body(res)
    return { res, conflicts: records(summary.conflicts) }
}

const approvedAtUnion: DataApprovalRecord[] = [
    { workflow: WORKFLOW, period: '202405', orgUnit: UNION },
]

describe.each([38, 40, 42] as Dhis2Minor[])('approval and input periods on 2.%i', (minor) => {
    it('E7642 when the period is approved at the org unit or above', async () => {
        const workflow = { workflow: { id: WORKFLOW } }
        const { conflicts } = await post(minor, payload([bcg('1')]), workflow, approvedAtUnion)
        expect(conflicts).toEqual([
            {
                object: CENTRE,
                objects: {
                    organisationUnit: CENTRE,
                    period: '202405',
                    categoryOptionCombo: 'HllvX50cXC0',
                    dataSet: MONTHLY,
                },
                value: `Data already approved for data set: \`${MONTHLY}\` period: \`202405\` org unit: \`${CENTRE}\` attribute option combo: \`HllvX50cXC0\``,
                errorCode: 'E7642',
                indexes: [0],
            },
        ])
        const april = await post(
            minor,
            payload([bcg('1')], { period: '202404' }),
            workflow,
            approvedAtUnion
        )
        expect(april.conflicts).toEqual([])
        const forced = await post(minor, payload([bcg('1')]), workflow, approvedAtUnion, {
            admin: true,
            query: { force: 'true' },
        })
        expect(forced.res.status).toBe(200)
    })

    it('E7643 outside the data set input periods', async () => {
        const { conflicts } = await post(minor, payload([bcg('1')]), closedMay)
        expect(conflicts).toEqual([
            {
                object: '202405',
                objects: { period: '202405', dataSet: MONTHLY },
                value: `Period: \`202405\` is not open for this data set at this time: \`${MONTHLY}\``,
                errorCode: 'E7643',
                property: 'period',
                indexes: [0],
            },
        ])
        const open = await post(minor, payload([bcg('1')]), {
            dataInputPeriods: [{ ...closedMay.dataInputPeriods[0], closingDate: '2024-06-30' }],
        })
        expect(open.conflicts).toEqual([])
    })

    it('E7644 when none of the element’s data sets is open for the period', async () => {
        const { conflicts } = await post(minor, payload([bcg('1')], { dataSet: WEEKLY }), closedMay)
        expect(conflicts.map((c) => [c.errorCode, c.objects, c.value])).toEqual([
            [
                'E7644',
                { period: '202405' },
                'Period: `202405` does not conform to the open periods of associated data sets',
            ],
        ])
    })
})

describe('approval and input periods on 2.43', () => {
    it('E8030 outside the input periods, E8033 when approved', async () => {
        const closed = await post(43, payload([bcg('1')]), closedMay)
        expect(closed.conflicts.map((c) => c.errorCode)).toEqual(['E8030'])
        const approved = await post(
            43,
            payload([bcg('1')]),
            { workflow: { id: WORKFLOW } },
            approvedAtUnion
        )
        expect(approved.conflicts.map((c) => c.errorCode)).toEqual(['E8033'])
        expect(approved.res.status).toBe(409)
    })
})

/**
 * @jest-environment node
 */
import { Dhis2Minor } from '../../contract'
import { JsonRecord, isRecord, records } from '../json'
import { bdModel, body, buildRequest, call } from '../testing/request'

/**
 * The 2.38–2.42 importer's conflicts as `DataValueSetImportValidator` / `DataValueImportConflict`
 * (dhis2/dhis2-core, dhis-services/dhis-service-dxf2 …/datavalueset/) produce them: the strict
 * constraint codes E7632/E7634/E7635/E7636, E7618 for a value without value or comment, E7602
 * when strict data elements meet a payload without `dataSet`, and one conflict per value.
 */

const clock = { now: () => new Date('2024-06-03T10:20:41.377Z') }
const MONTHLY = 'Qnf0P01U3T1'
const CENTRE = 'yI54G6cBAtY'
const BCG = 'B0jp1RrdN32'
const MALE = 'ocU7V0kuUHq'
const DEFAULT_COC = 'HllvX50cXC0'

const bcg = (extra: JsonRecord = {}): JsonRecord => ({
    dataElement: BCG,
    categoryOptionCombo: MALE,
    attributeOptionCombo: DEFAULT_COC,
    value: '4',
    ...extra,
})

async function post(
    minor: Dhis2Minor,
    payload: JsonRecord,
    options: { strict?: boolean; query?: Record<string, string> } = {},
    model = bdModel(minor, { clock, strictDataImport: options.strict ?? true })
) {
    const res = await call(
        model,
        buildRequest(minor, 'POST', 'dataValueSets', {
            body: { dataSet: MONTHLY, period: '202405', orgUnit: CENTRE, ...payload },
            query: options.query ?? {},
        })
    )
    const response = body(res).response
    const summary = isRecord(response) ? response : {}
    return { res, model, summary, conflicts: records(summary.conflicts) }
}

describe.each([38, 40, 42] as Dhis2Minor[])('classic dataValueSets conflicts on 2.%i', (minor) => {
    it('strict category option combos: E7634 names the COC and the data element', async () => {
        const { res, conflicts } = await post(minor, {
            dataValues: [bcg({ categoryOptionCombo: DEFAULT_COC })],
        })
        expect(res.status).toBe(409)
        expect(conflicts).toEqual([
            {
                object: DEFAULT_COC,
                objects: { categoryOptionCombo: DEFAULT_COC, dataElement: BCG },
                value: `Category option combo: \`${DEFAULT_COC}\` must be part of category combo of data element: \`${BCG}\``,
                errorCode: 'E7634',
                property: 'categoryOptionCombo',
                indexes: [0],
            },
        ])
    })

    it('strict attribute option combos: E7635 when the AOC is not in the data sets’ combo', async () => {
        const { conflicts } = await post(minor, {
            dataValues: [bcg({ attributeOptionCombo: MALE })],
        })
        expect(conflicts.map((c) => [c.errorCode, c.property])).toEqual([
            ['E7635', 'attributeOptionCombo'],
        ])
    })

    it('strict org units: E7636 with the org unit first', async () => {
        const union = 'TJVyV3rXr9T'
        const { conflicts } = await post(minor, { orgUnit: union, dataValues: [bcg()] })
        expect(conflicts).toEqual([
            expect.objectContaining({
                object: union,
                objects: { organisationUnit: union, dataElement: BCG },
                errorCode: 'E7636',
                property: 'orgUnit',
            }),
        ])
    })

    it('strict periods: E7632 when no data set of the element has the period type', async () => {
        const { conflicts } = await post(minor, { period: '2024W10', dataValues: [bcg()] })
        expect(conflicts.map((c) => c.errorCode)).toEqual(['E7632'])
        expect(conflicts[0]?.objects).toEqual({ period: '2024W10', dataElement: BCG })
    })

    it('a value with neither value nor comment is a conflict (E7618), not a deletion', async () => {
        const first = await post(minor, { dataValues: [bcg()] })
        expect(first.res.status).toBe(200)
        const { value: _omitted, ...withoutValue } = bcg()
        const again = await post(minor, { dataValues: [withoutValue] }, {}, first.model)
        expect(again.res.status).toBe(409)
        expect(again.conflicts.map((c) => [c.errorCode, c.property])).toEqual([['E7618', 'value']])
        expect(again.summary.importCount).toEqual({
            imported: 0,
            updated: 0,
            ignored: 1,
            deleted: 0,
        })
        // `"deleted": true` (or importStrategy=DELETE) is how a value without one is removed.
        const removal = await post(
            minor,
            { dataValues: [{ ...withoutValue, deleted: true }] },
            {},
            first.model
        )
        expect(removal.summary.importCount).toMatchObject({ deleted: 1, ignored: 0 })
    })

    it('strict data elements without a payload data set abort the import (E7602)', async () => {
        const { res, conflicts, summary } = await post(minor, {
            dataSet: undefined,
            dataValues: [bcg()],
        })
        expect(res.status).toBe(409)
        expect(body(res).status).toBe('ERROR')
        expect(summary.status).toBe('ERROR')
        expect(conflicts.map((c) => [c.errorCode, c.value])).toEqual([
            ['E7602', 'A valid dataset is required'],
        ])
        // Without the setting the same payload imports.
        const lenient = await post(
            minor,
            { dataSet: undefined, dataValues: [bcg()] },
            {
                strict: false,
            }
        )
        expect(lenient.res.status).toBe(200)
    })

    it('reports only the first failing check of a value', async () => {
        const { conflicts } = await post(
            minor,
            { dataValues: [bcg({ dataElement: 'B0jp1RrdN3X', period: 'not-a-period' })] },
            { strict: false }
        )
        expect(conflicts.map((c) => c.errorCode)).toEqual(['E7610'])
    })
})

/**
 * @jest-environment node
 */
import { readDataValues } from './dataValueSetsReader'
import { fail, httpError, networkError, reply, scriptedEngine } from './testing/scriptedEngine'

const MONTHLY = 'Qnf0P01U3T1'
const query = {
    dataSet: MONTHLY,
    orgUnits: ['OuA', 'OuB'],
    startDate: '1900-01-01',
    endDate: '2027-12-31',
}
const stored = (orgUnit: string, value?: string) => ({
    dataElement: 'B0jp1RrdN32',
    period: '202401',
    orgUnit,
    categoryOptionCombo: 'ocU7V0kuUHq',
    attributeOptionCombo: 'HllvX50cXC0',
    ...(value === undefined ? {} : { value }),
    storedBy: 'operator',
    created: '2026-01-05T10:00:00.000',
})

describe('reading what DHIS2 holds for a data set', () => {
    it('asks for the data set, the org units as one list and the dates, and keeps the coordinates and value', async () => {
        const engine = scriptedEngine({
            'read dataValueSets': reply({ dataValues: [stored('OuA', '3'), stored('OuB', '0')] }),
        })
        const result = await readDataValues(engine, query)
        expect(engine.requests[0]?.params).toEqual({
            dataSet: MONTHLY,
            orgUnit: ['OuA', 'OuB'],
            startDate: '1900-01-01',
            endDate: '2027-12-31',
        })
        expect(result).toEqual({
            ok: true,
            values: [
                {
                    dataElement: 'B0jp1RrdN32',
                    period: '202401',
                    orgUnit: 'OuA',
                    categoryOptionCombo: 'ocU7V0kuUHq',
                    attributeOptionCombo: 'HllvX50cXC0',
                    value: '3',
                },
                expect.objectContaining({ orgUnit: 'OuB', value: '0' }),
            ],
        })
    })

    it('leaves out values without a value and reads an answer without dataValues as none', async () => {
        const withGap = scriptedEngine({
            'read dataValueSets': reply({ dataValues: [stored('OuA')] }),
        })
        expect(await readDataValues(withGap, query)).toEqual({ ok: true, values: [] })
        const empty = scriptedEngine({ 'read dataValueSets': reply({}) })
        expect(await readDataValues(empty, query)).toEqual({ ok: true, values: [] })
    })

    it('sends nothing for no org units', async () => {
        const engine = scriptedEngine({})
        expect(await readDataValues(engine, { ...query, orgUnits: [] })).toEqual({
            ok: true,
            values: [],
        })
        expect(engine.requests).toEqual([])
    })

    it('answers a failure to retry when DHIS2 cannot be reached or answers nonsense', async () => {
        const down = scriptedEngine({ 'read dataValueSets': fail(networkError()) })
        expect(await readDataValues(down, query)).toMatchObject({
            ok: false,
            failure: { retryable: true, code: 'DHIS2_UNREACHABLE' },
        })
        const odd = scriptedEngine({ 'read dataValueSets': reply({ dataValues: 'yes' }) })
        expect(await readDataValues(odd, query)).toMatchObject({
            ok: false,
            failure: { retryable: true, code: 'DHIS2_UNEXPECTED_ANSWER' },
        })
    })

    it('answers a refusal (409 E2012: an org unit outside the user’s view) as not retryable', async () => {
        const engine = scriptedEngine({
            'read dataValueSets': fail(
                httpError(409, {
                    httpStatus: 'Conflict',
                    httpStatusCode: 409,
                    status: 'ERROR',
                    message: 'User is not allowed to view org unit: `OuB`',
                    errorCode: 'E2012',
                })
            ),
        })
        const result = await readDataValues(engine, query)
        expect(result).toMatchObject({ ok: false, failure: { retryable: false } })
        if (!result.ok) expect(result.failure.message).toContain('OuB')
    })
})

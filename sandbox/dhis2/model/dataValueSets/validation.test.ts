/**
 * @jest-environment node
 */
import { records } from '../json'
import { fixedClock } from '../testing/clock'
import { ADMIN, bdModel, body, buildRequest, call } from '../testing/request'
import { CENTRE, MONTHLY, WEEKLY, bcg, payload } from './testData'
import { postDataValueSet } from './testImport'

/** The 2.42 importer's checks: periods, id schemes, combos, locking, open periods, strictness. */

describe('POST dataValueSets — validation and semantics (2.42)', () => {
    it('validates periods: weekly 2020W53 valid, 2021W53 invalid (E7611)', async () => {
        const weekly = (period: string) => ({
            dataSet: WEEKLY,
            orgUnit: CENTRE,
            dataValues: [{ dataElement: 'kW3nRegWk01', period, value: '2' }],
        })
        expect((await postDataValueSet(42, weekly('2020W53'))).res.status).toBe(200)
        const bad = await postDataValueSet(42, weekly('2021W53'))
        expect(bad.res.status).toBe(409)
        expect(records(bad.summary.conflicts)[0]).toMatchObject({
            errorCode: 'E7611',
            value: 'Period not valid: `2021W53`',
            property: 'period',
        })
    })

    it('resolves CODE id schemes and reports unknown codes as E7610/E7612', async () => {
        const codes = {
            dataSet: 'EPI_MONTHLY',
            period: '202405',
            orgUnit: 'EPI_MOUCHAK_W1',
            dataValues: [
                { dataElement: 'EPI_BCG', categoryOptionCombo: 'SEX_MALE', value: '3' },
                { dataElement: 'EPI_NOPE', categoryOptionCombo: 'SEX_MALE', value: '3' },
            ],
        }
        const { summary } = await postDataValueSet(42, codes, { idScheme: 'CODE' })
        expect(summary.importCount).toMatchObject({ imported: 1, ignored: 1 })
        expect(records(summary.conflicts)[0]).toMatchObject({
            errorCode: 'E7610',
            object: 'EPI_NOPE',
        })
        expect(summary.importOptions).toMatchObject({ idSchemes: { idScheme: { type: 'CODE' } } })
        const ou = await postDataValueSet(
            42,
            {
                ...codes,
                orgUnit: undefined,
                dataValues: [
                    {
                        dataElement: 'EPI_BCG',
                        categoryOptionCombo: 'SEX_MALE',
                        orgUnit: 'NOPE',
                        period: '202405',
                        value: '1',
                    },
                ],
            },
            {
                dataElementIdScheme: 'CODE',
                orgUnitIdScheme: 'CODE',
                categoryOptionComboIdScheme: 'CODE',
                dataSetIdScheme: 'CODE',
            }
        )
        expect(records(ou.summary.conflicts)[0]).toMatchObject({ errorCode: 'E7612' })
    })

    it('aborts on an unknown data set (E7600, 409 ERROR)', async () => {
        const { res, summary } = await postDataValueSet(42, {
            ...payload([bcg('1')]),
            dataSet: 'Xxxxxxxxxx1',
        })
        expect(res.status).toBe(409)
        expect(body(res)).toMatchObject({
            status: 'ERROR',
            message: 'An error occurred, please check import summary.',
        })
        expect(summary).toMatchObject({
            status: 'ERROR',
            importCount: { imported: 0, updated: 0, ignored: 0, deleted: 0 },
        })
        expect(records(summary.conflicts)[0]).toMatchObject({ errorCode: 'E7600' })
    })

    it('rejects unknown option combos (E7613), option set misses and locked periods (E7640); force lets a superuser through', async () => {
        const model = bdModel(42, {
            clock: fixedClock,
            lockedPeriods: [{ dataSet: MONTHLY, period: '202404' }],
        })
        const { summary } = await postDataValueSet(
            42,
            payload([
                bcg('1', { categoryOptionCombo: 'Xxxxxxxxxx1' }),
                bcg('1', { period: '202404' }),
            ]),
            {},
            undefined,
            model
        )
        expect(records(summary.conflicts).map((c) => c.errorCode)).toEqual(['E7613', 'E7640'])
        const admin = await call(
            model,
            buildRequest(42, 'POST', 'dataValueSets', {
                body: payload([bcg('1', { period: '202404' })]),
                query: { force: 'true' },
                user: ADMIN,
            })
        )
        expect(admin.status).toBe(200)
    })

    it('rejects periods after the last open future period (E7641)', async () => {
        const { summary } = await postDataValueSet(42, payload([bcg('1')], { period: '202407' }))
        expect(records(summary.conflicts)[0]).toMatchObject({ errorCode: 'E7641' })
    })

    it('applies strict checks only when asked (strictDataElements → E7633, strictPeriods → E7632)', async () => {
        const foreign = payload([{ dataElement: 'kW3nRegWk01', value: '1' }])
        expect((await postDataValueSet(42, foreign)).res.status).toBe(200)
        const strict = await postDataValueSet(42, foreign, { strictDataElements: 'true' })
        expect(records(strict.summary.conflicts)[0]).toMatchObject({ errorCode: 'E7633' })
        const strictModel = bdModel(42, { clock: fixedClock, strictDataImport: true })
        const period = await postDataValueSet(
            42,
            payload([bcg('1', { attributeOptionCombo: 'HllvX50cXC0' })], { period: '2024W10' }),
            {},
            undefined,
            strictModel
        )
        expect(records(period.summary.conflicts)[0]).toMatchObject({ errorCode: 'E7632' })
    })
})

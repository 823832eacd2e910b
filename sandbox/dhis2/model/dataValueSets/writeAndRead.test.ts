/**
 * @jest-environment node
 */
import { records } from '../json'
import { body, buildRequest, call } from '../testing/request'
import { CENTRE, MALE, MONTHLY, bcg, payload } from './testData'
import { postDataValueSet } from './testImport'

/** Import strategies, deletions, dry runs and completion dates, read back with GET (2.42). */

describe('POST dataValueSets — validation and semantics (2.42)', () => {
    it('honours CREATE, UPDATE, DELETE, empty values and dryRun', async () => {
        const { model } = await postDataValueSet(42, payload([bcg('1')]), { dryRun: 'true' })
        const update = await postDataValueSet(
            42,
            payload([bcg('2')]),
            { importStrategy: 'UPDATE' },
            undefined,
            model
        )
        expect(update.summary.importCount).toEqual({
            imported: 0,
            updated: 0,
            ignored: 1,
            deleted: 0,
        })
        const create = await postDataValueSet(
            42,
            payload([bcg('2')]),
            { importStrategy: 'CREATE' },
            undefined,
            model
        )
        expect(create.summary.importCount).toMatchObject({ imported: 1 })
        const createAgain = await postDataValueSet(
            42,
            payload([bcg('3')]),
            { importStrategy: 'CREATE' },
            undefined,
            model
        )
        expect(createAgain.summary.importCount).toMatchObject({ imported: 0, ignored: 1 })
        // `"value": ""` reads as no value (EmptyStringToNullStdDeserializer): E7618, nothing deleted.
        const empty = await postDataValueSet(42, payload([bcg('')]), {}, undefined, model)
        expect(empty.summary.importCount).toMatchObject({ deleted: 0, ignored: 1 })
        expect(empty.summary.conflicts).toEqual([expect.objectContaining({ errorCode: 'E7618' })])
        const deleted = await postDataValueSet(
            42,
            payload([bcg('2', { deleted: true })]),
            {},
            undefined,
            model
        )
        expect(deleted.summary.importCount).toMatchObject({ deleted: 1 })
        const reCreate = await postDataValueSet(42, payload([bcg('4')]), {}, undefined, model)
        expect(reCreate.summary.importCount).toMatchObject({ imported: 1 })
        const del = await postDataValueSet(
            42,
            payload([bcg('4')]),
            { importStrategy: 'DELETE' },
            undefined,
            model
        )
        expect(del.summary.importCount).toMatchObject({ deleted: 1 })
    })

    it('records completeDate and reads values back with GET', async () => {
        const { model, summary } = await postDataValueSet(
            42,
            payload([bcg('9', { comment: 'OpenSRP' })], { completeDate: '2024-06-02' })
        )
        expect(summary.dataSetComplete).toBe('2024-06-02')
        const res = body(
            await call(
                model,
                buildRequest(42, 'GET', 'dataValueSets', {
                    query: { dataSet: MONTHLY, period: '202405', orgUnit: CENTRE },
                })
            )
        )
        expect(res).toMatchObject({
            dataSet: MONTHLY,
            completeDate: '2024-06-02',
            period: '202405',
            orgUnit: CENTRE,
        })
        expect(records(res.dataValues)[0]).toMatchObject({
            dataElement: 'B0jp1RrdN32',
            period: '202405',
            orgUnit: CENTRE,
            categoryOptionCombo: MALE,
            attributeOptionCombo: 'HllvX50cXC0',
            value: '9',
            storedBy: 'epi.importer',
            comment: 'OpenSRP',
            followup: false,
        })
        const children = body(
            await call(
                model,
                buildRequest(42, 'GET', 'dataValueSets', {
                    query: {
                        dataSet: MONTHLY,
                        startDate: '2024-01-01',
                        endDate: '2024-12-31',
                        orgUnit: 'TJVyV3rXr9T',
                        children: 'true',
                    },
                })
            )
        )
        expect(records(children.dataValues)).toHaveLength(1)
        expect(
            (
                await call(
                    model,
                    buildRequest(42, 'GET', 'dataValueSets', {
                        query: { dataSet: MONTHLY, orgUnit: CENTRE },
                    })
                )
            ).status
        ).toBe(409)
    })
})

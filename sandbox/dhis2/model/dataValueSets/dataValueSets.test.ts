/**
 * @jest-environment node
 */
import { Dhis2Minor } from '../../contract'
import { JsonRecord, isRecord, records } from '../json'
import { ADMIN, bdModel, body, buildRequest, call, fixture, keysOf } from '../testing/request'

const clock = { now: () => new Date('2024-06-03T10:20:41.377Z') }
const MONTHLY = 'Qnf0P01U3T1'
const WEEKLY = 'ORjrZOfdUfU'
const CENTRE = 'yI54G6cBAtY'
const MALE = 'ocU7V0kuUHq'
const payload = (values: JsonRecord[], extra: JsonRecord = {}) => ({
    dataSet: MONTHLY,
    period: '202405',
    orgUnit: CENTRE,
    ...extra,
    dataValues: values,
})
const bcg = (value: string, extra: JsonRecord = {}) => ({
    dataElement: 'B0jp1RrdN32',
    categoryOptionCombo: MALE,
    value,
    ...extra,
})

async function post(
    minor: Dhis2Minor,
    b: unknown,
    query: Record<string, string> = {},
    pathVersion?: number,
    model = bdModel(minor, { clock })
) {
    const res = await call(
        model,
        buildRequest(minor, 'POST', 'dataValueSets', {
            body: b,
            query,
            ...(pathVersion ? { pathVersion } : {}),
        })
    )
    return {
        res,
        model,
        summary: isRecord(body(res).response) ? (body(res).response as JsonRecord) : body(res),
    }
}

describe('POST dataValueSets — shapes per version', () => {
    it('2.40 success matches the fixture wrapper and summary keys', async () => {
        const { res, summary } = await post(
            40,
            payload([bcg('5'), { dataElement: 'mWhC9DNzwTf', value: '0' }])
        )
        const expected = fixture('dataValueSets-success-2.40.json')
        expect(res.status).toBe(200)
        expect(keysOf(res.body)).toEqual(keysOf(expected))
        expect(body(res)).toMatchObject({
            httpStatus: 'OK',
            httpStatusCode: 200,
            status: 'OK',
            message: 'Import was successful.',
        })
        expect(keysOf(summary)).toEqual(keysOf(expected.response))
        expect(keysOf(summary.importOptions)).toEqual(
            keysOf((expected.response as JsonRecord).importOptions)
        )
        expect(summary.importCount).toEqual({ imported: 2, updated: 0, ignored: 0, deleted: 0 })
    })

    it('2.40 conflicts: 409 WARNING with the fixture conflicts (merged indexes)', async () => {
        const values = [
            bcg('5'),
            bcg('-1'),
            {
                dataElement: 'B0jp1RrdN32',
                categoryOptionCombo: MALE,
                orgUnit: 'NWRRJHHp571',
                value: '1',
            },
            {
                dataElement: 'B0jp1RrdN32',
                categoryOptionCombo: MALE,
                orgUnit: 'NWRRJHHp571',
                period: '202404',
                value: '1',
            },
            { dataElement: 'Xq3dH7uPz0L', value: '1' },
        ]
        const { res, summary } = await post(40, payload(values))
        const expected = fixture('dataValueSets-conflict-2.40.json')
        expect(res.status).toBe(409)
        expect(keysOf(res.body)).toEqual(keysOf(expected))
        expect(body(res)).toMatchObject({
            httpStatus: 'Conflict',
            status: 'WARNING',
            message: expected.message,
        })
        const conflicts = records(summary.conflicts)
        const fixtureConflicts = records((expected.response as JsonRecord).conflicts)
        expect(conflicts[0]).toEqual({
            ...fixtureConflicts[0],
            object: 'B0jp1RrdN32',
            objects: { dataElement: 'B0jp1RrdN32', value: 'value_not_zero_or_positive_integer' },
            value: 'Value must match value type of data element `B0jp1RrdN32`: `value_not_zero_or_positive_integer`',
            indexes: [1],
        })
        expect(conflicts[1]).toMatchObject({
            errorCode: 'E7617',
            property: 'orgUnit',
            objects: { organisationUnit: 'NWRRJHHp571', user: 'L46jEA1kmsI' },
            value: 'Organisation unit: `NWRRJHHp571` not in hierarchy of current user: `L46jEA1kmsI`',
            indexes: [2, 3],
        })
        expect(conflicts[2]).toEqual(
            fixtureConflicts[2] && { ...fixtureConflicts[2], indexes: [4] }
        )
        expect(summary.importCount).toEqual({ imported: 1, updated: 0, ignored: 4, deleted: 0 })
        expect(summary.rejectedIndexes).toBeUndefined()
    })

    it('2.41 adds rejectedIndexes; /api/37/ answers a plain 200 summary up to 2.41 but not on 2.42', async () => {
        const bad = payload([bcg('x'), bcg('1', { period: '202404' })])
        const v41 = await post(41, bad)
        expect(v41.summary.rejectedIndexes).toEqual([0])
        const plain = await post(41, bad, {}, 37)
        expect(plain.res.status).toBe(200)
        expect(keysOf(plain.res.body)).toEqual(
            [...keysOf(fixture('dataValueSets-plain-2.37.json')), 'rejectedIndexes'].sort()
        )
        expect(body(plain.res).status).toBe('WARNING')
        const v42 = await post(42, bad, {}, 37)
        expect(v42.res.status).toBe(409)
    })

    it.each([
        [38, { imported: 0, updated: 1, ignored: 0, deleted: 0 }],
        [39, { imported: 0, updated: 1, ignored: 0, deleted: 0 }],
        [40, { imported: 0, updated: 0, ignored: 1, deleted: 0 }],
        [41, { imported: 0, updated: 0, ignored: 1, deleted: 0 }],
        [42, { imported: 0, updated: 0, ignored: 1, deleted: 0 }],
        [43, { imported: 0, updated: 1, ignored: 0, deleted: 0 }],
    ] as const)('2.%i counts an identical re-send as %j', async (minor, count) => {
        const first = await post(minor, payload([bcg('7')]))
        expect(first.summary.importCount).toEqual(
            minor === 43
                ? { imported: 0, updated: 1, ignored: 0, deleted: 0 }
                : { imported: 1, updated: 0, ignored: 0, deleted: 0 }
        )
        const again = await post(minor, payload([bcg('7')]), {}, undefined, first.model)
        expect(again.summary.importCount).toEqual(count)
        const changed = await post(minor, payload([bcg('8')]), {}, undefined, first.model)
        expect(changed.summary.importCount).toMatchObject({ imported: 0, updated: 1 })
    })
})

describe('POST dataValueSets — identical values within 2.40 (§3.1: ignored from 2.40.3)', () => {
    it.each([
        [0, 'updated'],
        [2, 'updated'],
        [3, 'ignored'],
        [12, 'ignored'],
    ] as const)('2.40.%i counts an identical re-send as %s', async (patch, counted) => {
        const model = bdModel(40, { clock, patch })
        await post(40, payload([bcg('7')]), {}, undefined, model)
        const again = await post(40, payload([bcg('7')]), {}, undefined, model)
        expect(again.summary.importCount).toEqual({
            imported: 0,
            updated: counted === 'updated' ? 1 : 0,
            ignored: counted === 'ignored' ? 1 : 0,
            deleted: 0,
        })
    })
})

describe('POST dataValueSets — validation and semantics (2.42)', () => {
    it('validates periods: weekly 2020W53 valid, 2021W53 invalid (E7611)', async () => {
        const weekly = (period: string) => ({
            dataSet: WEEKLY,
            orgUnit: CENTRE,
            dataValues: [{ dataElement: 'kW3nRegWk01', period, value: '2' }],
        })
        expect((await post(42, weekly('2020W53'))).res.status).toBe(200)
        const bad = await post(42, weekly('2021W53'))
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
        const { summary } = await post(42, codes, { idScheme: 'CODE' })
        expect(summary.importCount).toMatchObject({ imported: 1, ignored: 1 })
        expect(records(summary.conflicts)[0]).toMatchObject({
            errorCode: 'E7610',
            object: 'EPI_NOPE',
        })
        expect(summary.importOptions).toMatchObject({ idSchemes: { idScheme: { type: 'CODE' } } })
        const ou = await post(
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
        const { res, summary } = await post(42, { ...payload([bcg('1')]), dataSet: 'Xxxxxxxxxx1' })
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
            clock,
            lockedPeriods: [{ dataSet: MONTHLY, period: '202404' }],
        })
        const { summary } = await post(
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
        const { summary } = await post(42, payload([bcg('1')], { period: '202407' }))
        expect(records(summary.conflicts)[0]).toMatchObject({ errorCode: 'E7641' })
    })

    it('applies strict checks only when asked (strictDataElements → E7633, strictPeriods → E7632)', async () => {
        const foreign = payload([{ dataElement: 'kW3nRegWk01', value: '1' }])
        expect((await post(42, foreign)).res.status).toBe(200)
        const strict = await post(42, foreign, { strictDataElements: 'true' })
        expect(records(strict.summary.conflicts)[0]).toMatchObject({ errorCode: 'E7633' })
        const strictModel = bdModel(42, { clock, strictDataImport: true })
        const period = await post(
            42,
            payload([bcg('1', { attributeOptionCombo: 'HllvX50cXC0' })], { period: '2024W10' }),
            {},
            undefined,
            strictModel
        )
        expect(records(period.summary.conflicts)[0]).toMatchObject({ errorCode: 'E7632' })
    })

    it('honours CREATE, UPDATE, DELETE, empty values and dryRun', async () => {
        const { model } = await post(42, payload([bcg('1')]), { dryRun: 'true' })
        const update = await post(
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
        const create = await post(
            42,
            payload([bcg('2')]),
            { importStrategy: 'CREATE' },
            undefined,
            model
        )
        expect(create.summary.importCount).toMatchObject({ imported: 1 })
        const createAgain = await post(
            42,
            payload([bcg('3')]),
            { importStrategy: 'CREATE' },
            undefined,
            model
        )
        expect(createAgain.summary.importCount).toMatchObject({ imported: 0, ignored: 1 })
        const empty = await post(42, payload([bcg('')]), {}, undefined, model)
        expect(empty.summary.importCount).toMatchObject({ deleted: 1 })
        const reCreate = await post(42, payload([bcg('4')]), {}, undefined, model)
        expect(reCreate.summary.importCount).toMatchObject({ imported: 1 })
        const del = await post(
            42,
            payload([bcg('4')]),
            { importStrategy: 'DELETE' },
            undefined,
            model
        )
        expect(del.summary.importCount).toMatchObject({ deleted: 1 })
    })

    it('records completeDate and reads values back with GET', async () => {
        const { model, summary } = await post(
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

    it('async import: job → notifications → summary; lost after loseJobState', async () => {
        let now = new Date('2024-06-03T10:00:00Z').getTime()
        const model = bdModel(42, { clock: { now: () => new Date(now) }, asyncJobDelayMs: 1000 })
        const res = await call(
            model,
            buildRequest(42, 'POST', 'dataValueSets', {
                body: payload([bcg('1')]),
                query: { async: 'true' },
            })
        )
        expect(body(res)).toMatchObject({
            httpStatus: 'OK',
            message: 'Initiated dataValueImport',
            response: {
                jobType: 'DATAVALUE_IMPORT',
                responseType: 'JobConfigurationWebMessageResponse',
            },
        })
        const id = String((body(res).response as JsonRecord).id)
        const summaryPath = `system/taskSummaries/DATAVALUE_IMPORT/${id}`
        // Not ready: SystemController answers 200 with an empty body.
        const early = await call(model, buildRequest(42, 'GET', summaryPath))
        expect(early).toEqual({ status: 200 })
        const pending = await call(
            model,
            buildRequest(42, 'GET', `system/tasks/DATAVALUE_IMPORT/${id}`)
        )
        expect(records(pending.body)[0]).toMatchObject({ completed: false })
        now += 1000
        const tasks = await call(
            model,
            buildRequest(42, 'GET', `system/tasks/DATAVALUE_IMPORT/${id}`)
        )
        expect(records(tasks.body)[0]).toMatchObject({
            completed: true,
            category: 'DATAVALUE_IMPORT',
        })
        const summary = body(await call(model, buildRequest(42, 'GET', summaryPath)))
        expect(summary).toMatchObject({
            responseType: 'ImportSummary',
            status: 'SUCCESS',
            importCount: { imported: 1 },
        })
        model.loseJobState()
        expect(await call(model, buildRequest(42, 'GET', summaryPath))).toEqual({ status: 200 })
    })
})

describe('POST dataValueSets — 2.43 importer', () => {
    it('WARNING is a 200 with every written value updated and no description', async () => {
        const { res, summary } = await post(
            43,
            payload([
                bcg('1'),
                { dataElement: 'cU8l7fQCLBU', categoryOptionCombo: MALE, value: 'abc' },
            ])
        )
        expect(res.status).toBe(200)
        expect(body(res)).toMatchObject({
            status: 'WARNING',
            message: 'Import completed with warnings, please check import summary.',
        })
        expect(summary.description).toBeUndefined()
        expect(summary.importCount).toEqual({ imported: 0, updated: 1, ignored: 1, deleted: 0 })
        const conflict = records(summary.conflicts)[0]
        expect(keysOf(conflict)).toEqual(['errorCode', 'indexes', 'objects', 'value'])
        expect(conflict).toMatchObject({ errorCode: 'E8122', indexes: [1] })
    })

    it('rejects a whole data set group (E8020) without counting it as ignored: 409 ERROR', async () => {
        const { res, summary } = await post(
            43,
            payload([bcg('1'), { dataElement: 'kW3nRegWk01', value: '1' }])
        )
        expect(res.status).toBe(409)
        expect(summary.importCount).toEqual({ imported: 0, updated: 0, ignored: 0, deleted: 0 })
        expect(summary.rejectedIndexes).toEqual([0, 1])
        expect(records(summary.conflicts)[0]).toMatchObject({ errorCode: 'E8020' })
    })

    it('rejects a group outside the capture scope with E8011', async () => {
        const { summary } = await post(43, payload([bcg('1')], { orgUnit: 'NWRRJHHp571' }))
        expect(records(summary.conflicts).map((c) => c.errorCode)).toContain('E8011')
    })

    it('aborts the whole request with indexes [-1] for unknown codes and bad periods', async () => {
        const codes = await post(
            43,
            {
                dataValues: [
                    {
                        dataElement: 'EPI_NOPE',
                        period: '202405',
                        orgUnit: 'EPI_MOUCHAK_W1',
                        value: '1',
                    },
                ],
            },
            { idScheme: 'CODE' }
        )
        expect(codes.res.status).toBe(409)
        expect(records(codes.summary.conflicts)).toEqual([
            expect.objectContaining({ errorCode: 'E8103', indexes: [-1] }),
        ])
        const period = await post(43, payload([bcg('1')], { period: '2021W53' }))
        expect(records(period.summary.conflicts)[0]).toMatchObject({
            errorCode: 'E8100',
            indexes: [-1],
        })
    })
})

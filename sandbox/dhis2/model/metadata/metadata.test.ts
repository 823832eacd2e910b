/**
 * @jest-environment node
 */
import { createDataModel } from '../index'
import { ADMIN, bdMetadata, bdModel, body, buildRequest, call, keysOf } from '../testing/request'
import { JsonRecord, isRecord, records } from '../json'

const response = (value: unknown): JsonRecord =>
    isRecord(value) && isRecord(value.response) ? value.response : {}

describe('POST metadata', () => {
    it('imports the BD EPI package with no errors and computes org unit paths', () => {
        const model = createDataModel({ minor: 42 })
        const result = model.importMetadata(bdMetadata())
        expect(result.status).toBe(200)
        const report = response(result.body)
        expect(report.status).toBe('OK')
        expect(report.responseType).toBe('ImportReport')
        expect(keysOf(report.stats)).toEqual(['created', 'deleted', 'ignored', 'total', 'updated'])
        expect(
            records(report.typeReports).every((t) => records(t.objectReports).length === 0)
        ).toBe(true)
        expect(model.orgUnitPath('yI54G6cBAtY')).toBe(
            '/NWRRJHHp571/U2aENHhynLg/EeDkgKENX6e/MwcEYcUHllt/TJVyV3rXr9T/yI54G6cBAtY'
        )
    })

    it('re-import counts updates, not creates', () => {
        const model = bdModel(41)
        const again = response(model.importMetadata(bdMetadata()).body)
        expect(again.stats).toMatchObject({ created: 0, ignored: 0 })
        expect(isRecord(again.stats) && Number(again.stats.updated)).toBeGreaterThan(0)
    })

    it('rejects a dangling reference with E5002 (409 WARNING, nothing saved under ALL)', () => {
        const model = createDataModel({ minor: 42 })
        const payload = {
            dataElements: [
                {
                    id: 'Aaaaaaaaaa1',
                    name: 'DE',
                    shortName: 'DE',
                    domainType: 'AGGREGATE',
                    valueType: 'NUMBER',
                    aggregationType: 'SUM',
                    categoryCombo: { id: 'Missing0001' },
                },
                {
                    id: 'Aaaaaaaaaa2',
                    name: 'DE2',
                    shortName: 'DE2',
                    domainType: 'AGGREGATE',
                    valueType: 'NUMBER',
                    aggregationType: 'SUM',
                },
            ],
        }
        const result = model.importMetadata(payload)
        expect(result.status).toBe(409)
        const b = body(result)
        expect(b).toMatchObject({
            httpStatus: 'Conflict',
            httpStatusCode: 409,
            status: 'WARNING',
            message: 'One or more errors occurred, please see full details in import report.',
        })
        const report = response(b)
        expect(report.status).toBe('ERROR')
        const errors = records(report.typeReports)
            .flatMap((t) => records(t.objectReports))
            .flatMap((o) => records(o.errorReports))
        expect(errors).toHaveLength(1)
        expect(errors[0]).toMatchObject({
            errorCode: 'E5002',
            errorProperty: 'categoryCombo',
            mainKlass: 'org.hisp.dhis.dataelement.DataElement',
        })
        expect(String(errors[0]?.message)).toContain(
            'Invalid reference [Missing0001] (CategoryCombo)'
        )
        expect(
            model.handle(buildRequest(42, 'GET', 'dataElements/Aaaaaaaaaa2', { user: ADMIN }))
        ).toMatchObject({ status: 404 })
    })

    it('atomicMode=NONE keeps the valid objects; VALIDATE saves nothing', () => {
        const model = createDataModel({ minor: 42 })
        const payload = {
            optionSets: [
                {
                    id: 'Bbbbbbbbbb1',
                    name: 'A',
                    valueType: 'TEXT',
                    options: [{ id: 'Nope0000001' }],
                },
                { id: 'Bbbbbbbbbb2', name: 'B', valueType: 'TEXT' },
            ],
        }
        const validate = model.importMetadata(
            payload,
            new URLSearchParams({ importMode: 'VALIDATE', atomicMode: 'NONE' })
        )
        expect(validate.status).toBe(409)
        expect(
            model.handle(buildRequest(42, 'GET', 'optionSets/Bbbbbbbbbb2', { user: ADMIN }))
        ).toMatchObject({ status: 404 })
        const none = model.importMetadata(payload, new URLSearchParams({ atomicMode: 'NONE' }))
        expect(none.status).toBe(409)
        expect(response(none.body).stats).toMatchObject({ created: 1, ignored: 1, total: 2 })
        expect(
            model.handle(buildRequest(42, 'GET', 'optionSets/Bbbbbbbbbb2', { user: ADMIN }))
        ).toMatchObject({ status: 200 })
    })

    it('reports missing required properties (E4000) and CREATE over an existing object (E5000)', () => {
        const model = bdModel(42)
        const missing = model.importMetadata({
            dataSets: [{ id: 'Cccccccccc1', name: 'No period type' }],
        })
        expect(JSON.stringify(missing.body)).toContain('"errorCode":"E4000"')
        const create = model.importMetadata(
            { attributes: [{ id: 'DdF4IJAsTOS', name: 'x', valueType: 'TEXT' }] },
            new URLSearchParams({ importStrategy: 'CREATE' })
        )
        expect(JSON.stringify(create.body)).toContain('"errorCode":"E5000"')
    })

    it('matches objects by code with identifier=CODE and resolves code references', () => {
        const model = bdModel(42)
        const result = model.importMetadata(
            {
                dataElements: [
                    {
                        code: 'EPI_BCG',
                        name: 'Renamed BCG',
                        shortName: 'BCG',
                        domainType: 'AGGREGATE',
                        valueType: 'INTEGER_ZERO_OR_POSITIVE',
                        aggregationType: 'SUM',
                        categoryCombo: { code: 'SEX' },
                    },
                ],
            },
            new URLSearchParams({ identifier: 'CODE' })
        )
        expect(result.status).toBe(200)
        expect(response(result.body).stats).toMatchObject({ updated: 1, created: 0 })
    })

    it('accepts users, user roles and user groups without failing', () => {
        const model = createDataModel({ minor: 40 })
        const result = model.importMetadata({
            users: [
                { id: 'Uuuuuuuuuu1', username: 'x', organisationUnits: [{ id: 'Gone0000001' }] },
            ],
            userRoles: [{ id: 'Rrrrrrrrrr1', name: 'r' }],
        })
        expect(result.status).toBe(200)
    })

    it('leaves the default category objects out of validation and commit, even under CREATE', async () => {
        const model = createDataModel({ minor: 41 })
        const result = model.importMetadata(
            {
                categoryOptions: [{ id: 'xYerKDKCefk', name: 'default', code: 'renamed' }],
                categories: [{ id: 'GLevLNI9wkl', name: 'default' }],
                categoryCombos: [{ id: 'bjDvmb4bfuf', name: 'default' }],
                categoryOptionCombos: [{ id: 'HllvX50cXC0', name: 'default' }],
            },
            new URLSearchParams({ importStrategy: 'CREATE' })
        )
        expect(result.status).toBe(200)
        expect(response(result.body).stats).toMatchObject({ created: 0, updated: 0, total: 0 })
        const option = await call(
            model,
            buildRequest(41, 'GET', 'categoryOptions/xYerKDKCefk', {
                user: ADMIN,
                query: { fields: 'code,shortName' },
            })
        )
        expect(body(option)).toEqual({ code: 'default', shortName: 'default' })
    })
})

describe('GET metadata', () => {
    const model = bdModel(42)
    const get = (path: string, query: Record<string, string | string[]> = {}) =>
        call(model, buildRequest(42, 'GET', path, { query, user: ADMIN }))

    it('lists with pager, filters and nested fields', async () => {
        const res = body(
            await get('dataElements', {
                filter: 'code:in:[EPI_BCG,EPI_OPV0]',
                fields: 'id,code,valueType,categoryCombo[id,categoryOptionCombos[id,code]]',
            })
        )
        expect(res.pager).toEqual({ page: 1, pageCount: 1, total: 2, pageSize: 50 })
        const items = records(res.dataElements)
        expect(items.map((i) => i.code).sort()).toEqual(['EPI_BCG', 'EPI_OPV0'])
        expect(keysOf(items[0])).toEqual(['categoryCombo', 'code', 'id', 'valueType'])
        const combo = items[0]?.categoryCombo
        expect(
            isRecord(combo) &&
                records(combo.categoryOptionCombos)
                    .map((c) => c.code)
                    .sort()
        ).toEqual(['SEX_FEMALE', 'SEX_MALE'])
    })

    // 2.42 keeps attribute values as a map: the attribute UID is the filter path (filterPaths.test.ts).
    it('filters on nested properties (categoryCombo.id), attribute values and paginates', async () => {
        const cocs = body(
            await get('categoryOptionCombos', {
                filter: 'categoryCombo.id:eq:yAOLCFKPUTb',
                fields: 'id,name,categoryOptions[id,code]',
            })
        )
        expect(records(cocs.categoryOptionCombos)).toHaveLength(2)
        const ous = body(
            await get('organisationUnits', {
                filter: 'DdF4IJAsTOS:eq:f222290c-0283-5f88-a7b2-e26c20e72d62',
                fields: 'id,path,level',
            })
        )
        expect(records(ous.organisationUnits)).toEqual([
            { id: 'NWRRJHHp571', path: '/NWRRJHHp571', level: 1 },
        ])
        const page = body(await get('dataElements', { pageSize: '10', page: '3', fields: 'id' }))
        expect(page.pager).toMatchObject({ page: 3, pageCount: 3, total: 29, pageSize: 10 })
        expect(records(page.dataElements)).toHaveLength(9)
        const two = body(
            await get('organisationUnits', {
                filter: ['level:eq:6', 'name:ilike:mouchak'],
                fields: 'id',
            })
        )
        expect(records(two.organisationUnits).length).toBeGreaterThan(0)
        const none = body(
            await get('organisationUnits', { filter: 'code:!null', paging: 'false', fields: 'id' })
        )
        expect(none.pager).toBeUndefined()
    })

    it('single objects with fields, and 404 WebMessage for unknown ids', async () => {
        const ds = body(
            await get('dataSets/Qnf0P01U3T1', {
                fields: 'id,periodType,dataSetElements[dataElement[id,code]],organisationUnits[id,code]',
            })
        )
        expect(ds.periodType).toBe('Monthly')
        expect(records(ds.organisationUnits)).toHaveLength(5)
        const missing = await get('dataSets/Xxxxxxxxxx1')
        expect(missing.status).toBe(404)
        expect(body(missing)).toMatchObject({
            httpStatus: 'Not Found',
            httpStatusCode: 404,
            status: 'ERROR',
            errorCode: 'E1005',
        })
        const program = body(
            await get('programs/C15BBx4PSBf', {
                fields: 'id,programStages[id,programStageDataElements[compulsory,dataElement[id,code,valueType]]],trackedEntityType[id]',
            })
        )
        expect(program.trackedEntityType).toEqual({ id: 'ligA6yGUkYl' })
    })
})

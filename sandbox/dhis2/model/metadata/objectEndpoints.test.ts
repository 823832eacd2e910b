/**
 * @jest-environment node
 */
import { createDataModel } from '../index'
import { ADMIN, body, buildRequest, call } from '../testing/request'
import { DEFAULT_COC } from './schema'

/** POST /api/{collection} and the option combo's own PUT/PATCH (issue 15 item 15). */

const admin = { user: ADMIN }

describe('POST /api/{collection}', () => {
    it('creates one object: 201, an ObjectReport with its uid, a Location', async () => {
        const model = createDataModel({ minor: 41 })
        const res = await call(
            model,
            buildRequest(41, 'POST', 'organisationUnits', {
                ...admin,
                body: { name: 'My Unit', shortName: 'OU1', openingDate: '2020-01-01', code: 'OU1' },
            })
        )
        expect(res.status).toBe(201)
        const reply = body(res)
        expect(reply).toMatchObject({ httpStatusCode: 201, status: 'OK' })
        const uid = String((reply.response as { uid: string }).uid)
        expect(reply.response).toEqual({
            responseType: 'ObjectReport',
            uid,
            klass: 'org.hisp.dhis.organisationunit.OrganisationUnit',
            errorReports: [],
        })
        expect(res.headers?.Location).toBe(`https://dhis2.example.org/api/organisationUnits/${uid}`)
        const stored = await call(model, buildRequest(41, 'GET', `organisationUnits/${uid}`))
        expect(body(stored)).toMatchObject({ code: 'OU1', path: `/${uid}` })
    })

    it('refuses an invalid object with its errors: 409 ERROR, nothing stored', async () => {
        const model = createDataModel({ minor: 41 })
        const res = await call(
            model,
            buildRequest(41, 'POST', 'dataSets', { ...admin, body: { name: 'No period type' } })
        )
        expect(res.status).toBe(409)
        expect(body(res)).toMatchObject({
            status: 'ERROR',
            response: { responseType: 'ObjectReport' },
        })
        const errors = (body(res).response as { errorReports: Array<{ errorCode: string }> })
            .errorReports
        expect(errors.map((e) => e.errorCode)).toEqual(['E4000'])
        const list = await call(model, buildRequest(41, 'GET', 'dataSets'))
        expect(body(list).dataSets).toEqual([])
    })
})

describe('PUT and PATCH /api/categoryOptionCombos/{uid}', () => {
    it('PUT changes code, ignoreApproval and attributeValues only, the default combo included', async () => {
        const model = createDataModel({ minor: 41 })
        const res = await call(
            model,
            buildRequest(41, 'PUT', `categoryOptionCombos/${DEFAULT_COC}`, {
                ...admin,
                body: {
                    name: 'renamed',
                    code: 'DEF',
                    ignoreApproval: true,
                    attributeValues: [{ attribute: { id: 'AttrUid0001' }, value: 'x' }],
                },
            })
        )
        expect(res).toEqual({
            status: 200,
            body: { httpStatus: 'OK', httpStatusCode: 200, status: 'OK' },
        })
        const coc = body(
            await call(model, buildRequest(41, 'GET', `categoryOptionCombos/${DEFAULT_COC}`))
        )
        expect(coc).toMatchObject({
            name: 'default',
            code: 'DEF',
            ignoreApproval: true,
            attributeValues: [{ attribute: { id: 'AttrUid0001' }, value: 'x' }],
        })
    })

    it('PATCH of another property is E1134 and changes nothing', async () => {
        const model = createDataModel({ minor: 41 })
        const res = await call(
            model,
            buildRequest(41, 'PATCH', `categoryOptionCombos/${DEFAULT_COC}`, {
                ...admin,
                body: [
                    { op: 'replace', path: '/ignoreApproval', value: true },
                    { op: 'replace', path: '/name', value: 'x' },
                ],
            })
        )
        expect(res.status).toBe(409)
        expect(body(res)).toMatchObject({
            errorCode: 'E1134',
            message:
                'Only properties [attributeValues, code, ignoreApproval] are updatable for Category option combo',
        })
        const coc = body(
            await call(model, buildRequest(41, 'GET', `categoryOptionCombos/${DEFAULT_COC}`))
        )
        expect(coc.ignoreApproval).toBe(false)
    })

    it('an unknown option combo is 404', async () => {
        const model = createDataModel({ minor: 41 })
        const res = await call(
            model,
            buildRequest(41, 'PUT', 'categoryOptionCombos/abcdefghijk', { ...admin, body: {} })
        )
        expect(res.status).toBe(404)
    })

    it('is served from 2.40.11, 2.41.8, 2.42.5 and 2.43.0 only (DHIS2-20312)', async () => {
        const served = (minor: 40 | 41 | 42 | 43, patch: number) =>
            createDataModel({ minor, patch }).handle(
                buildRequest(minor, 'PUT', `categoryOptionCombos/${DEFAULT_COC}`, {
                    ...admin,
                    body: { code: 'x' },
                })
            ) !== undefined
        expect([served(40, 10), served(41, 7), served(42, 4)]).toEqual([false, false, false])
        expect([served(40, 11), served(41, 8), served(42, 5), served(43, 0)]).toEqual([
            true,
            true,
            true,
            true,
        ])
    })
})

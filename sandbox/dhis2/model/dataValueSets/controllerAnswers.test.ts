/**
 * @jest-environment node
 */
import { ADMIN, EPI_IMPORTER, bdModel, body, buildRequest, call } from '../testing/request'
import { CENTRE, MONTHLY, bcg, payload } from './testData'

/** DataValueSetController's answers that DataValueSetControllerTest pins down (2.41). */

describe('dataValueSets as DataValueSetController answers (2.41)', () => {
    it('Accept: application/xml gets the WebMessage as DXF2 XML; /api/37 the plain importSummary', async () => {
        const model = bdModel(41)
        const request = {
            ...buildRequest(41, 'POST', 'dataValueSets', { body: {} }),
            accept: 'application/xml',
        }
        const res = await call(model, request)
        expect(res.contentType).toBe('application/xml;charset=UTF-8')
        expect(String(res.body)).toMatch(
            /^<webMessage xmlns="http:\/\/dhis2.org\/schema\/dxf\/2.0" httpStatus="OK" httpStatusCode="200" status="OK"><message>Import was successful.<\/message><response responseType="ImportSummary"><status>SUCCESS<\/status>/
        )
        const plain = await call(model, { ...request, pathVersion: 37 })
        expect(String(plain.body)).toMatch(/^<importSummary [^>]*responseType="ImportSummary"/)
    })

    it('an ADX document without data values imports nothing, successfully', async () => {
        const model = bdModel(41)
        const res = await call(model, {
            ...buildRequest(41, 'POST', 'dataValueSets'),
            contentType: 'application/adx+xml',
            rawBody: Buffer.from('<adx xmlns="urn:ihe:qrph:adx:2015"></adx>'),
        })
        expect(res.status).toBe(200)
        expect(body(res)).toMatchObject({ status: 'OK', response: { status: 'SUCCESS' } })
    })

    it('GET looks org units up by inputOrgUnitIdScheme (idScheme names the output)', async () => {
        const model = bdModel(41)
        await call(model, buildRequest(41, 'POST', 'dataValueSets', { body: payload([bcg('7')]) }))
        const code = String(
            body(await call(model, buildRequest(41, 'GET', `organisationUnits/${CENTRE}`))).code
        )
        const res = await call(
            model,
            buildRequest(41, 'GET', 'dataValueSets', {
                user: ADMIN,
                query: {
                    inputOrgUnitIdScheme: 'code',
                    idScheme: 'name',
                    orgUnit: code,
                    period: '2024-05',
                    dataSet: MONTHLY,
                },
            })
        )
        expect(res.status).toBe(200)
        expect(body(res)).toMatchObject({ period: '202405', orgUnit: CENTRE })
        expect(body(res).dataValues).toHaveLength(1)
    })

    it('GET of a data set the user may not read data of: E2010 (decideAccess)', async () => {
        const model = bdModel(41)
        const outsider = { ...EPI_IMPORTER, userGroups: [] }
        const res = await call(
            model,
            buildRequest(41, 'GET', 'dataValueSets', {
                user: outsider,
                query: { orgUnit: CENTRE, period: '202405', dataSet: MONTHLY },
            })
        )
        expect(res.status).toBe(409)
        expect(body(res)).toMatchObject({
            errorCode: 'E2010',
            message: `User is not allowed to read data for data set: \`${MONTHLY}\``,
        })
    })

    it('GET with nothing that resolves says what is missing as DHIS2 words it', async () => {
        const model = bdModel(41)
        const res = await call(
            model,
            buildRequest(41, 'GET', 'dataValueSets', {
                user: ADMIN,
                query: { orgUnit: 'nope', period: '202405', dataSet: MONTHLY },
            })
        )
        expect(res.status).toBe(409)
        expect(body(res)).toMatchObject({
            errorCode: 'E2006',
            message: 'At least one organisation unit or organisation unit group must be specified',
        })
    })
})

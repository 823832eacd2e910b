/**
 * @jest-environment node
 */
import { Dhis2Minor } from '../../contract'
import { fixedClock } from '../testing/clock'
import { bdModel, body, buildRequest, call } from '../testing/request'

/**
 * Wrong import parameters are a 400 before anything is imported (dhis2-core
 * `TrackerImportControllerTest`; `CrudControllerAdvice` from 2.40, `TrackerImportParamsValidator`
 * on 2.38–2.39).
 */

async function post(minor: Dhis2Minor, query: Record<string, string>) {
    const model = bdModel(minor, { clock: fixedClock })
    const res = await call(
        model,
        buildRequest(minor, 'POST', 'tracker', { body: {}, query: { async: 'false', ...query } })
    )
    return { status: res.status, body: body(res) }
}

const badRequest = (message: string) => ({
    status: 400,
    body: { httpStatus: 'Bad Request', httpStatusCode: 400, status: 'ERROR', message },
})

describe('tracker import parameters on 2.41', () => {
    it.each([
        ['importStrategy', 'Valid values are: [CREATE, UPDATE, CREATE_AND_UPDATE, DELETE]'],
        ['atomicMode', 'Valid values are: [ALL, OBJECT]'],
        ['importMode', 'Valid values are: [COMMIT, VALIDATE]'],
        ['flushMode', 'Valid values are: [OBJECT, AUTO]'],
        ['validationMode', 'Valid values are: [FULL, FAIL_FAST, SKIP]'],
        ['reportMode', 'Valid values are: [FULL, ERRORS, WARNINGS]'],
        ['skipRuleEngine', 'It should be of type boolean'],
        ['idScheme', 'Valid values are: [UID, CODE, NAME, ATTRIBUTE:attributeUid]'],
    ])('%s=INVALID is a 400 that lists what is valid', async (name, valid) => {
        expect(await post(41, { [name]: 'INVALID' })).toEqual(
            badRequest(`Value 'INVALID' is not valid for parameter ${name}. ${valid}`)
        )
    })

    it('an empty or malformed idScheme is a 400; ATTRIBUTE with a UID is accepted', async () => {
        const valid = 'Valid values are: [UID, CODE, NAME, ATTRIBUTE:attributeUid]'
        expect(await post(41, { idScheme: '' })).toEqual(
            badRequest(`idScheme cannot be empty. ${valid}`)
        )
        expect(await post(41, { idScheme: 'ATTRIBUTE:abc' })).toEqual(
            badRequest(`Value 'ATTRIBUTE:abc' is not valid for parameter idScheme. ${valid}`)
        )
        expect((await post(41, { idScheme: 'ATTRIBUTE:abcdefghilm' })).status).toBe(200)
    })

    it('enum values are read case-insensitively', async () => {
        const { status, body: report } = await post(41, { importStrategy: 'create_and_update' })
        expect(status).toBe(200)
        expect(report.status).toBe('OK')
    })

    it('the job report refuses a wrong reportMode before looking for the job', async () => {
        const model = bdModel(41, { clock: fixedClock })
        const res = await call(
            model,
            buildRequest(41, 'GET', 'tracker/jobs/AAA/report', { query: { reportMode: 'INVALID' } })
        )
        expect({ status: res.status, body: body(res) }).toEqual(
            badRequest(
                "Value 'INVALID' is not valid for parameter reportMode. Valid values are: [FULL, ERRORS, WARNINGS]"
            )
        )
    })
})

describe('tracker import parameters on 2.38', () => {
    it('are checked case-sensitively, worded by getEnumWebMessage; PATCH is still a strategy', async () => {
        expect(await post(38, { importStrategy: 'create' })).toEqual(
            badRequest(
                'Value create is not a valid importStrategy. Valid values are: [CREATE, UPDATE, PATCH, CREATE_AND_UPDATE, DELETE]'
            )
        )
        expect((await post(38, { importStrategy: 'CREATE' })).status).toBe(200)
    })
})

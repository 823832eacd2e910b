/**
 * @jest-environment node
 */
import { Dhis2Minor } from '../../contract'
import { records } from '../json'
import { ADMIN, bdModel, body, buildRequest, call } from '../testing/request'

/**
 * Metadata `filter` operators as DHIS2's `QueryParser` knows them (dhis2/dhis2-core,
 * `query/DefaultJpaQueryParser`): case-sensitive, with aliases (`gte`, `startsWith`…); any other
 * operator fails the request ("`op` is not a valid operator.") instead of matching nothing, so a
 * misspelt lookup cannot pass for "no such object".
 */

const get = async (minor: Dhis2Minor, filter: string) =>
    call(
        bdModel(minor),
        buildRequest(minor, 'GET', 'dataElements', {
            query: { filter, fields: 'id,code', paging: 'false' },
            user: ADMIN,
        })
    )

describe.each([40, 41, 42] as Dhis2Minor[])('metadata filter operators on 2.%i', (minor) => {
    const status = minor >= 41 ? 400 : 409

    it('an unknown operator is an error, not an empty list', async () => {
        const res = await get(minor, 'code:equals:EPI_BCG')
        expect(res.status).toBe(status)
        expect(body(res)).toMatchObject({
            httpStatusCode: status,
            status: 'ERROR',
            message: '`equals` is not a valid operator.',
        })
    })

    it('operators are case-sensitive: `EQ` is not `eq`', async () => {
        const res = await get(minor, 'code:EQ:EPI_BCG')
        expect(res.status).toBe(status)
        expect(body(res).message).toBe('`EQ` is not a valid operator.')
    })

    it('a filter without an operator is an invalid filter', async () => {
        const res = await get(minor, 'code')
        expect(res.status).toBe(status)
        expect(body(res).message).toBe('Invalid filter => code')
    })

    it('aliases work: startsWith, endsWith, !token', async () => {
        const codes = async (filter: string) =>
            records(body(await get(minor, filter)).dataElements)
                .map((d) => d.code)
                .sort()
        expect(await codes('code:startsWith:epi_bcg')).toEqual(['EPI_BCG'])
        expect(await codes('code:endsWith:_bcg')).toEqual(['EPI_BCG'])
        expect(await codes('code:!token:EPI')).not.toContain('EPI_BCG')
    })
})

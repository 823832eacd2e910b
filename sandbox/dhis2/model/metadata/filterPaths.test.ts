/**
 * @jest-environment node
 */
import { Dhis2Minor } from '../../contract'
import { records } from '../json'
import { ADMIN, bdModel, body, buildRequest, call } from '../testing/request'

/**
 * Metadata `filter` paths as DHIS2's `QueryParser` resolves them against the type's schema
 * (dhis2/dhis2-core, `query/DefaultQueryParser.getProperty`): a property the type does not have
 * fails the request with "Unknown path property: <path>" instead of matching nothing, unless the
 * path ends in an attribute UID (2.39+). 2.42 stores attribute values as a map, so
 * `attributeValues.value` is no longer a path there (dhis2/dhis2-docs#1777).
 */

const LOCATION_ATTRIBUTE = 'DdF4IJAsTOS'
const BANGLADESH_LOCATION = 'f222290c-0283-5f88-a7b2-e26c20e72d62'

const get = async (minor: Dhis2Minor, collection: string, filter: string | string[]) =>
    call(
        bdModel(minor),
        buildRequest(minor, 'GET', collection, {
            query: { filter, fields: 'id,code', paging: 'false' },
            user: ADMIN,
        })
    )

const ids = async (minor: Dhis2Minor, collection: string, filter: string) => {
    const res = await get(minor, collection, filter)
    expect(res.status).toBe(200)
    return records(body(res)[collection]).map((o) => o.id)
}

describe.each([38, 40, 41, 42, 43] as Dhis2Minor[])('metadata filter paths on 2.%i', (minor) => {
    const status = minor >= 41 ? 400 : 409

    it('a property the type does not have is an error, not an empty list', async () => {
        const res = await get(minor, 'dataElements', 'kode:eq:EPI_BCG')
        expect(res.status).toBe(status)
        expect(body(res)).toEqual({
            httpStatus: minor >= 41 ? 'Bad Request' : 'Conflict',
            httpStatusCode: status,
            status: 'ERROR',
            message: 'Unknown path property: kode',
            ...(minor >= 41 ? { errorCode: 'E1003' } : {}),
        })
    })

    it('nested paths are checked against the referenced type', async () => {
        const res = await get(minor, 'categoryOptionCombos', 'categoryCombo.kode:eq:X')
        expect(res.status).toBe(status)
        expect(body(res).message).toBe('Unknown path property: categoryCombo.kode')
        expect(
            await ids(minor, 'categoryOptionCombos', 'categoryCombo.id:eq:yAOLCFKPUTb')
        ).toHaveLength(2)
    })

    it('the path is resolved before the operator', async () => {
        const res = await get(minor, 'dataElements', 'kode:equals:EPI_BCG')
        expect(body(res).message).toBe('Unknown path property: kode')
    })

    it('known properties of the type still filter (displayName, valueType, level, path)', async () => {
        expect(await ids(minor, 'dataElements', 'valueType:eq:NO_SUCH_TYPE')).toEqual([])
        expect(await ids(minor, 'organisationUnits', 'level:eq:1')).toEqual(['NWRRJHHp571'])
        expect(await ids(minor, 'organisationUnits', 'path:like:NWRRJHHp571')).not.toHaveLength(0)
        expect(await ids(minor, 'organisationUnits', 'displayName:eq:Bangladesh')).toEqual([
            'NWRRJHHp571',
        ])
    })

    it(`attribute values: by attribute UID from 2.39, \`attributeValues.value\` until 2.41`, async () => {
        const byUid = await get(
            minor,
            'organisationUnits',
            `${LOCATION_ATTRIBUTE}:eq:${BANGLADESH_LOCATION}`
        )
        if (minor >= 39) {
            expect(records(body(byUid).organisationUnits).map((o) => o.id)).toEqual(['NWRRJHHp571'])
        } else {
            expect(body(byUid).message).toBe(`Unknown path property: ${LOCATION_ATTRIBUTE}`)
        }
        const nested = await get(
            minor,
            'organisationUnits',
            `attributeValues.value:eq:${BANGLADESH_LOCATION}`
        )
        if (minor <= 41) {
            expect(records(body(nested).organisationUnits).map((o) => o.id)).toEqual([
                'NWRRJHHp571',
            ])
        } else {
            expect(nested.status).toBe(400)
            expect(body(nested).message).toBe('Unknown path property: attributeValues.value')
        }
        // Rewritten to `{uid}:!null` from 2.42 (dhis2/dhis2-core#19971).
        const having = await ids(
            minor,
            'organisationUnits',
            `attributeValues.attribute.id:eq:${LOCATION_ATTRIBUTE}`
        )
        expect(having.length).toBeGreaterThan(1)
    })
})

describe('schema changes between versions', () => {
    it('publicAccess is a property until 2.40 only', async () => {
        expect((await get(40, 'dataElements', 'publicAccess:eq:rw------')).status).toBe(200)
        const res = await get(41, 'dataElements', 'publicAccess:eq:rw------')
        expect(body(res).message).toBe('Unknown path property: publicAccess')
    })

    it('program labels are properties from 2.41', async () => {
        expect(body(await get(40, 'programs', 'enrollmentLabel:eq:x')).message).toBe(
            'Unknown path property: enrollmentLabel'
        )
        expect((await get(41, 'programs', 'enrollmentLabel:eq:x')).status).toBe(200)
    })
})

/**
 * @jest-environment node
 */
import { Dhis2Minor } from '../../contract'
import { JsonRecord, isRecord, records } from '../json'
import { fixedClock } from '../testing/clock'
import {
    ADMIN,
    EPI_IMPORTER,
    bdMetadata,
    bdModel,
    body,
    buildRequest,
    call,
} from '../testing/request'
import { DataModelOptions } from '../index'
import { MALE, MONTHLY, bcg, payload } from './testData'

/**
 * Data write access in dataValueSets imports, as DHIS2 checks it (dhis2/dhis2-core): 2.38–2.42
 * `DataValueSetImportValidator` — E7601 data set not data-writable (aborts the import), E7614 /
 * E7616 one conflict per category option of the payload's COC / AOC without data write; 2.43
 * `DefaultDataEntryService.validateUserAccess` — E8010, E8011, E8012, first one only. Superusers
 * pass; the BD package shares data entry with the "EPI importers" group only (r-rw----).
 */

const MALE_OPTION = 'vH7N1Wfecfj'
const FEMALE = 'm48aYeV9dEa'
const OUTSIDER = { ...EPI_IMPORTER, userGroups: [] }

/** A BD package object with changes, to import over the original. */
function bdObject(collection: string, id: string, changes: JsonRecord): JsonRecord {
    const md = bdMetadata()
    const found = isRecord(md) ? records(md[collection]).find((o) => o.id === id) : undefined
    if (!found) throw new Error(`${collection}/${id} not in the BD package`)
    return { ...found, ...changes }
}

const readOnlyMale = () =>
    bdObject('categoryOptions', MALE_OPTION, {
        sharing: {
            public: 'r-------',
            external: false,
            users: {},
            userGroups: { iyc59MvPBNc: { id: 'iyc59MvPBNc', access: 'r-r-----' } },
        },
    })

async function post(
    minor: Dhis2Minor,
    b: JsonRecord,
    options: { user?: typeof EPI_IMPORTER; query?: Record<string, string> } = {},
    changes: JsonRecord = {},
    modelOptions: Partial<DataModelOptions> = {}
) {
    const model = bdModel(minor, { clock: fixedClock, ...modelOptions })
    if (Object.keys(changes).length > 0) expect(model.importMetadata(changes).status).toBe(200)
    const res = await call(
        model,
        buildRequest(minor, 'POST', 'dataValueSets', {
            body: b,
            query: options.query ?? {},
            user: options.user ?? EPI_IMPORTER,
        })
    )
    const summary = isRecord(body(res).response) ? (body(res).response as JsonRecord) : body(res)
    return { res, summary, conflicts: records(summary.conflicts) }
}

describe.each([38, 40, 42] as Dhis2Minor[])('data write access on 2.%i', (minor) => {
    it('a data set without data write sharing for the user aborts the import: E7601', async () => {
        const { res, summary, conflicts } = await post(minor, payload([bcg('1')]), {
            user: OUTSIDER,
        })
        expect(res.status).toBe(409)
        expect(body(res)).toMatchObject({ status: 'ERROR' })
        expect(summary.importCount).toEqual({ imported: 0, updated: 0, ignored: 0, deleted: 0 })
        expect(conflicts).toEqual([
            {
                object: MONTHLY,
                objects: { dataSet: MONTHLY },
                value: `User does not have write access for DataSet: \`${MONTHLY}\``,
                errorCode: 'E7601',
                property: 'dataSet',
                indexes: [],
            },
        ])
    })

    it('the importers group and superusers may write', async () => {
        expect((await post(minor, payload([bcg('1')]))).res.status).toBe(200)
        const admin = await post(minor, payload([bcg('1')]), { user: { ...ADMIN, userGroups: [] } })
        expect(admin.res.status).toBe(200)
    })

    it('a COC option without data write: E7614 per value, named as the payload named it', async () => {
        const { summary, conflicts } = await post(
            minor,
            payload([
                { dataElement: 'EPI_BCG', categoryOptionCombo: 'SEX_MALE', value: '1' },
                { dataElement: 'EPI_BCG', categoryOptionCombo: 'SEX_FEMALE', value: '2' },
            ]),
            { query: { dataElementIdScheme: 'CODE', categoryOptionComboIdScheme: 'CODE' } },
            { categoryOptions: [readOnlyMale()] }
        )
        expect(conflicts).toEqual([
            {
                object: 'SEX_MALE',
                objects: { categoryOptionCombo: 'SEX_MALE', categoryOption: MALE_OPTION },
                value: `Category option combo: \`SEX_MALE\` option not accessible: \`${MALE_OPTION}\``,
                errorCode: 'E7614',
                property: 'categoryOptionCombo',
                indexes: [0],
            },
        ])
        expect(summary.importCount).toMatchObject({ imported: 1, ignored: 1 })
    })

    it('an AOC option without data write: E7616', async () => {
        const { conflicts } = await post(
            minor,
            payload([bcg('1', { categoryOptionCombo: FEMALE, attributeOptionCombo: MALE })]),
            {},
            { categoryOptions: [readOnlyMale()] }
        )
        expect(conflicts.map((c) => [c.errorCode, c.objects, c.property])).toEqual([
            [
                'E7616',
                { categoryOptionCombo: MALE, categoryOption: MALE_OPTION },
                'attributeOptionCombo',
            ],
        ])
    })
})

describe('data write access on 2.43 (group checks, the first failing one only)', () => {
    it('E8010 when the data set is not data-writable, before the capture scope (E8011)', async () => {
        const { res, conflicts } = await post(43, payload([bcg('1')], { orgUnit: 'NWRRJHHp571' }), {
            user: OUTSIDER,
        })
        expect(res.status).toBe(409)
        expect(conflicts.map((c) => [c.errorCode, c.objects, c.indexes])).toEqual([
            ['E8010', { args: MONTHLY }, [0]],
        ])
    })

    it('E8012 names the category options without data write; superusers skip the checks', async () => {
        const changes = { categoryOptions: [readOnlyMale()] }
        const { conflicts } = await post(43, payload([bcg('1')]), {}, changes)
        expect(conflicts.map((c) => [c.errorCode, c.objects])).toEqual([
            ['E8012', { args: MALE_OPTION }],
        ])
        const admin = await post(43, payload([bcg('1')]), { user: ADMIN }, changes)
        expect(admin.res.status).toBe(200)
    })
})

/**
 * dhis2-core's CategoryOptionComboControllerTest (dhis-test-web-api, commit 7b5e54c8): the PUT and
 * PATCH of a category option combo that change only `code`, `ignoreApproval` and
 * `attributeValues` (issue 15 item 15), replayed against a fresh 2.41 sandbox.
 *
 * The Java setup saves its category objects through CategoryService; here they go through
 * POST /api/metadata, which generates the option combos as `addAndPruneOptionCombos` does.
 * `setUp`'s three hand-made option combos have 10-character UIDs (`CocUid0001`) that only a
 * service call accepts; they are created with generated UIDs (no test reads those UIDs).
 */
import type { CaseGroup, CoreCase } from '../case'
import { expectEqual, expectTrue } from '../case'
import { Client, Json, content, list, obj, str, withSandbox } from './controllerHttp'

const JAVA = 'CategoryOptionComboControllerTest'

interface TestCategoryMetadata {
    cc1: string
    co1: string
    co3: string
    coc1: string
}

let counter = 0
const uid = (): string => {
    const chars = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'
    let out = chars[Math.floor(Math.random() * 52)] ?? 'a'
    for (let i = 0; i < 10; i++) out += chars[Math.floor(Math.random() * chars.length)] ?? '0'
    return out
}

async function postMetadata(client: Client, payload: Json): Promise<void> {
    const reply = await client.call('POST', '/metadata', { body: JSON.stringify(payload) })
    const body = content(reply, 200)
    expectEqual(body.status, 'OK', 'metadata setup imports')
}

/** `setUp`: combos A, B, C; options A, B, C; option combos "CatOptCombo A/B/C". */
async function setUp(client: Client): Promise<void> {
    const keys = ['A', 'B', 'C']
    const combos = keys.map((k) => ({
        id: uid(),
        name: `CategoryCombo${k}`,
        dataDimensionType: 'DISAGGREGATION',
    }))
    const options = keys.map((k) => ({
        id: uid(),
        name: `CategoryOption${k}`,
        shortName: `CategoryOption${k}`,
    }))
    const optionCombos = keys.map((k, i) => ({
        id: uid(),
        name: `CatOptCombo ${k}`,
        categoryCombo: { id: combos[i]?.id },
        categoryOptions: [{ id: options[i]?.id }],
    }))
    await postMetadata(client, {
        categoryOptions: options,
        categoryCombos: combos,
        categoryOptionCombos: optionCombos,
    })
}

/** `DhisConvenienceTest.setupCategoryMetadata`: 4 options, 2 categories, 1 combo, 4 option combos. */
async function setupCategoryMetadata(
    client: Client,
    identifier: string
): Promise<TestCategoryMetadata> {
    const option = () => {
        const name = `${identifier} ${counter++}`
        return { id: uid(), name, shortName: name }
    }
    const [co1, co2, co3, co4] = [option(), option(), option(), option()]
    const category = (members: Array<{ id: string }>) => {
        const name = `${identifier} ${counter++}`
        return {
            id: uid(),
            name,
            shortName: name,
            dataDimensionType: 'DISAGGREGATION',
            categoryOptions: members.map((m) => ({ id: m.id })),
        }
    }
    const cat1 = category([co1, co2])
    const cat2 = category([co3, co4])
    const cc1 = {
        id: uid(),
        name: `${identifier} ${counter++}`,
        dataDimensionType: 'DISAGGREGATION',
        categories: [{ id: cat1.id }, { id: cat2.id }],
    }
    await postMetadata(client, {
        categoryOptions: [co1, co2, co3, co4],
        categories: [cat1, cat2],
        categoryCombos: [cc1],
    })
    const all = content(
        await client.call(
            'GET',
            '/categoryOptionCombos?paging=false&fields=id,categoryOptions[id]'
        ),
        200
    )
    const coc1 = list(all.categoryOptionCombos).find((coc) => {
        const ids = list(coc.categoryOptions).map((o) => str(o.id))
        return ids.includes(co1.id) && ids.includes(co3.id)
    })
    expectTrue(coc1 !== undefined, 'the option combo [co1, co3] was generated')
    return { cc1: cc1.id, co1: co1.id, co3: co3.id, coc1: str(coc1?.id) ?? '' }
}

async function getCoc(client: Client, id: string): Promise<Json> {
    return content(await client.call('GET', `/categoryOptionCombos/${id}`), 200)
}

/** `JsonCategoryOptionCombo.getAttributeValues()`, absent read as the empty list. */
const attributeValues = (coc: Json): Json[] => list(coc.attributeValues)

async function put(client: Client, id: string, body: string): Promise<void> {
    content(await client.call('PUT', `/categoryOptionCombos/${id}`, { body }), 200)
}

async function patch(client: Client, id: string, body: string, status = 200): Promise<Json> {
    return content(
        await client.call('PATCH', `/categoryOptionCombos/${id}`, {
            body,
            contentType: 'application/json-patch+json',
        }),
        status
    )
}

async function postAttributeValue(client: Client, name: string): Promise<string> {
    const body = content(
        await client.call('POST', '/attributes', {
            body: JSON.stringify({ name, valueType: 'TEXT' }),
        }),
        201
    )
    return str(obj(body.response).uid) ?? ''
}

const codeAndApproval = (code: string, ignoreApproval: boolean) =>
    JSON.stringify({ code, ignoreApproval })
const codeOnly = (code: string) => JSON.stringify({ code })
const approvalOnly = (ignoreApproval: boolean) => JSON.stringify({ ignoreApproval })
const attributeValuesOnly = (id: string, value: string) =>
    JSON.stringify({ attributeValues: [{ value, attribute: { id } }] })

const replaceOps = (ops: Array<[string, unknown]>) =>
    JSON.stringify(ops.map(([path, value]) => ({ op: 'replace', path, value })))

const displayNames = (body: Json): string[] =>
    list(body.categoryOptionCombos)
        .map((c) => str(c.displayName) ?? '')
        .sort()

const cocCase = (method: string, test: (client: Client) => Promise<void>): CoreCase => ({
    name: `${JAVA}.${method}`,
    run: () =>
        withSandbox(async (client) => {
            await setUp(client)
            await test(client)
        }),
})

const ids = (items: unknown): string[] =>
    list(items)
        .map((i) => str(i.id) ?? '')
        .sort()

const cases: CoreCase[] = [
    cocCase('getAllCatOptionCombosIncludingDefaultsTest', async (client) => {
        const body = content(await client.call('GET', '/categoryOptionCombos'), 200)
        expectEqual(
            displayNames(body),
            ['CatOptCombo A', 'CatOptCombo B', 'CatOptCombo C', 'default'],
            'Returned catOptionCombos equal custom catOptions and default catOption'
        )
    }),
    cocCase('catOptionCombosExcludingDefaultTest', async (client) => {
        const body = content(
            await client.call('GET', '/categoryOptionCombos?defaults=EXCLUDE'),
            200
        )
        const names = displayNames(body)
        expectEqual(
            names,
            ['CatOptCombo A', 'CatOptCombo B', 'CatOptCombo C'],
            'Returned catOptionCombos include custom catOptions only'
        )
        expectTrue(!names.includes('default'), 'default catOptionCombo is not in payload')
    }),
    cocCase('updateCategoryOptionComboCatComboRejectedTest', async (client) => {
        const m1 = await setupCategoryMetadata(client, 'put1')
        const m2 = await setupCategoryMetadata(client, 'put2')
        const original = obj((await getCoc(client, m1.coc1)).categoryCombo).id
        await put(
            client,
            m1.coc1,
            JSON.stringify({
                name: 'Cat Opt Combo 1',
                categoryCombo: { id: m2.cc1 },
                categoryOptions: [{ id: m1.co1 }, { id: m1.co3 }],
            })
        )
        const updated = await getCoc(client, m1.coc1)
        expectEqual(obj(updated.categoryCombo).id, original, 'category combo unchanged')
        expectEqual(original, m1.cc1, 'the original category combo')
    }),
    cocCase('updateCategoryOptionComboCatOptionRejectedTest', async (client) => {
        const m1 = await setupCategoryMetadata(client, 'put3')
        const m2 = await setupCategoryMetadata(client, 'put4')
        const before = ids((await getCoc(client, m1.coc1)).categoryOptions)
        await put(
            client,
            m1.coc1,
            JSON.stringify({
                name: 'Cat Opt Combo 1',
                categoryCombo: { id: m1.cc1 },
                categoryOptions: [{ id: m1.co1 }, { id: m2.co1 }],
            })
        )
        const updated = await getCoc(client, m1.coc1)
        expectEqual(ids(updated.categoryOptions), before, 'category options unchanged')
        expectEqual(before, [m1.co1, m1.co3].sort(), 'the original options')
    }),
    cocCase('updateCategoryOptionComboCodeAndApprovalTest', async (client) => {
        const { coc1 } = await setupCategoryMetadata(client, 'put5')
        const coc = await getCoc(client, coc1)
        expectEqual(coc.code, undefined, 'no code')
        expectEqual(coc.ignoreApproval, false, 'ignoreApproval')
        await put(client, coc1, codeAndApproval('new code xyz', true))
        const updated = await getCoc(client, coc1)
        expectEqual(updated.code, 'new code xyz', 'code')
        expectEqual(updated.ignoreApproval, true, 'ignoreApproval')
    }),
    cocCase('updateCategoryOptionComboCodeOnlyTest', async (client) => {
        const { coc1 } = await setupCategoryMetadata(client, 'put6')
        const coc = await getCoc(client, coc1)
        expectEqual(coc.code, undefined, 'no code')
        expectEqual(coc.ignoreApproval, false, 'ignoreApproval')
        await put(client, coc1, approvalOnly(true))
        expectEqual((await getCoc(client, coc1)).ignoreApproval, true, 'ignoreApproval set')
        await put(client, coc1, codeOnly('new code xyz 1'))
        const updated = await getCoc(client, coc1)
        expectEqual(updated.code, 'new code xyz 1', 'code')
        expectEqual(updated.ignoreApproval, true, 'ignoreApproval still true')
    }),
    cocCase('updateCategoryOptionComboIgnoreApprovalOnlyTest', async (client) => {
        const { coc1 } = await setupCategoryMetadata(client, 'put7')
        const coc = await getCoc(client, coc1)
        expectEqual(coc.code, undefined, 'no code')
        expectEqual(coc.ignoreApproval, false, 'ignoreApproval')
        await put(client, coc1, codeOnly('code set'))
        expectEqual((await getCoc(client, coc1)).code, 'code set', 'code set')
        await put(client, coc1, approvalOnly(true))
        const updated = await getCoc(client, coc1)
        expectEqual(updated.ignoreApproval, true, 'ignoreApproval')
        expectEqual(updated.code, 'code set', 'code unchanged')
    }),
    cocCase('addAttributeValuesTest', async (client) => {
        const { coc1 } = await setupCategoryMetadata(client, 'put-attr')
        expectTrue(attributeValues(await getCoc(client, coc1)).length === 0, 'no attributes')
        content(
            await client.call('POST', '/attributes', {
                body: JSON.stringify({ id: 'AttrUid0001', name: 'Alt name', valueType: 'TEXT' }),
            }),
            201
        )
        await put(client, coc1, attributeValuesOnly('AttrUid0001', 'new alt name'))
        const updated = await getCoc(client, coc1)
        expectEqual(attributeValues(updated)[0]?.value, 'new alt name', 'attribute value')
    }),
    cocCase('updateAttributeValuesTest', async (client) => {
        const { coc1 } = await setupCategoryMetadata(client, 'put-attr2')
        expectTrue(attributeValues(await getCoc(client, coc1)).length === 0, 'no attributes')
        const avUid = await postAttributeValue(client, 'Att Val 1')
        await put(client, coc1, attributeValuesOnly(avUid, 'val created'))
        const created = await getCoc(client, coc1)
        expectEqual(attributeValues(created)[0]?.value, 'val created', 'attribute value')
        await put(client, coc1, attributeValuesOnly(avUid, 'val updated'))
        const updated = await getCoc(client, coc1)
        expectEqual(attributeValues(updated)[0]?.value, 'val updated', 'attribute value')
    }),
    cocCase('patchValidFieldsTest', async (client) => {
        const m = await setupCategoryMetadata(client, 'patch-valid')
        const coc = await getCoc(client, m.coc1)
        expectTrue(attributeValues(coc).length === 0, 'no attributes')
        expectEqual(coc.code, undefined, 'no code')
        expectEqual(coc.ignoreApproval, false, 'ignoreApproval')
        const avUid = await postAttributeValue(client, 'Att Val 2')
        await patch(
            client,
            m.coc1,
            replaceOps([
                ['/code', 'new code zzz123'],
                ['/ignoreApproval', true],
                ['/attributeValues', [{ value: 'new alt name 12', attribute: { id: avUid } }]],
            ])
        )
        const updated = await getCoc(client, m.coc1)
        expectEqual(updated.code, 'new code zzz123', 'code')
        expectEqual(updated.ignoreApproval, true, 'ignoreApproval')
        expectEqual(attributeValues(updated)[0]?.value, 'new alt name 12', 'attribute value')
        expectEqual(updated.id, m.coc1, 'id')
        expectEqual(updated.name, coc.name, 'name')
        expectEqual(ids(updated.categoryOptions), [m.co1, m.co3].sort(), 'category options')
    }),
    cocCase('patchIgnoreApprovalUnchangedTest', async (client) => {
        const { coc1 } = await setupCategoryMetadata(client, 'patch-approval')
        expectEqual((await getCoc(client, coc1)).ignoreApproval, false, 'ignoreApproval')
        await put(client, coc1, approvalOnly(true))
        expectEqual((await getCoc(client, coc1)).ignoreApproval, true, 'ignoreApproval set')
        const avUid = await postAttributeValue(client, 'Att Val 2z')
        await patch(
            client,
            coc1,
            replaceOps([
                ['/code', 'new code zzz123x'],
                ['/attributeValues', [{ value: 'new alt name zz12', attribute: { id: avUid } }]],
            ])
        )
        const updated = await getCoc(client, coc1)
        expectEqual(updated.code, 'new code zzz123x', 'code')
        expectEqual(attributeValues(updated)[0]?.value, 'new alt name zz12', 'attribute value')
        expectEqual(updated.ignoreApproval, true, 'ignoreApproval unchanged')
    }),
    cocCase('patchInvalidFieldsTest', async (client) => {
        const { coc1 } = await setupCategoryMetadata(client, 'patch-invalid')
        const coc = await getCoc(client, coc1)
        expectTrue(attributeValues(coc).length === 0, 'no attributes')
        expectEqual(coc.code, undefined, 'no code')
        expectEqual(coc.ignoreApproval, false, 'ignoreApproval')
        const avUid = await postAttributeValue(client, 'Att Val 2')
        const response = await patch(
            client,
            coc1,
            replaceOps([
                ['/name', 'new code zzz123'],
                ['/ignoreApproval', true],
                ['/attributeValues', [{ value: 'new alt name 12', attribute: { id: avUid } }]],
            ]),
            409
        )
        expectEqual(
            response.message,
            'Only properties [attributeValues, code, ignoreApproval] are updatable for Category option combo',
            'message'
        )
        expectEqual(response.errorCode, 'E1134', 'errorCode')
        const updated = await getCoc(client, coc1)
        expectEqual(updated.ignoreApproval, false, 'ignoreApproval not updated')
        expectTrue(attributeValues(updated).length === 0, 'attributes not updated')
    }),
]

export function categoryOptionComboControllerCases(): CaseGroup {
    return { cases, notExpressible: [] }
}

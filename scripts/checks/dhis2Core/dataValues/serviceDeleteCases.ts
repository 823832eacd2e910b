/**
 * DataValueSetServiceIntegrationTest, the tests on `datavalueset/` payloads: imports, updates,
 * deletions (strategy DELETE, `deleted="true"`, insignificant zeros), soft-deleted values brought
 * back, and the created/lastUpdated dates DHIS2 sets itself.
 */
import type { CoreCase } from '../case'
import { expectEqual, expectTrue } from '../case'
import { expectSuccess, expectValueCount, importAsUser, storedValues, today } from './serviceAssert'
import { Api, UID, fixture, withService } from './serviceSetup'

const CLASS = 'DataValueSetServiceIntegrationTest'

export const serviceCase = (
    method: string,
    run: (api: Api, file: (name: string) => string) => Promise<void>
): CoreCase => ({
    name: `${CLASS}.${method}`,
    run: (dir) => withService((api) => run(api, (name) => fixture(dir, name))),
})

const J = 'datavalueset/dataValueSetJ.json'
const DELETE = { importStrategy: 'DELETE' }

/** An import of `datavalueset/dataValueSetJ.json`'s one value, then one with strategy DELETE. */
const deleteJson = (method: string, second: string, query: Record<string, string>) =>
    serviceCase(method, async (api, file) => {
        await expectValueCount(api, 0)
        expectSuccess(await importAsUser(api, file(J), 'json'), 1, 0, 0)
        await expectValueCount(api, 1)
        expectSuccess(await importAsUser(api, file(second), 'json', query), 0, 0, 1)
        await expectValueCount(api, 0)
    })

/** Two XML imports of `datavalueset/` payloads: counts after the first, the second's summary. */
const twoImports = (
    method: string,
    first: string,
    firstImported: number,
    firstCount: number,
    second: string,
    expected: [number, number, number, number | undefined],
    count: number,
    query: Record<string, string> = {}
) =>
    serviceCase(method, async (api, file) => {
        await expectValueCount(api, 0)
        const summary = await importAsUser(api, file(`datavalueset/${first}`), 'xml')
        expectEqual(summary.imported, firstImported, 'imported by the first import')
        await expectValueCount(api, firstCount)
        const [imported, updated, deleted, ignored] = expected
        expectSuccess(
            await importAsUser(api, file(`datavalueset/${second}`), 'xml', query),
            imported,
            updated,
            deleted,
            ignored
        )
        await expectValueCount(api, count)
    })

async function valueOfA(api: Api) {
    const value = (await storedValues(api)).find(
        (v) => v.dataElement === UID.deA && v.period === '201201' && v.orgUnit === UID.ouA
    )
    if (!value) throw new Error('no value stored for data element A, 201201, org unit A')
    return value
}

const CREATE_DATE = 'datavalueset/dataValueSetCreateDate.json'
const CREATE_DATE_UPDATED = 'datavalueset/dataValueSetCreateDateUpdated.json'

export const deleteCases: CoreCase[] = [
    serviceCase('testImportValueJson', async (api, file) => {
        await expectValueCount(api, 0)
        expectSuccess(await importAsUser(api, file(J), 'json'), 1, 0, 0)
        await expectValueCount(api, 1)
    }),
    deleteJson('testImportDeleteValueJson', J, DELETE),
    deleteJson(
        'testImportDeleteValueJson_OmittingValue',
        'datavalueset/dataValueSetJDeleteNoValue.json',
        DELETE
    ),
    deleteJson(
        'testImportDeleteValueJson_NewValue',
        'datavalueset/dataValueSetJDeleteNewValue.json',
        DELETE
    ),
    deleteJson(
        'testImportDeleteValueJson_ZeroValue',
        'datavalueset/dataValueSetJDeleteZeroValue.json',
        {}
    ),
    twoImports(
        'testImportDeleteValuesXml',
        'dataValueSetA.xml',
        3,
        3,
        'dataValueSetADeleted.xml',
        [0, 0, 3, undefined],
        0
    ),
    serviceCase('testImportValuesXml', async (api, file) => {
        await expectValueCount(api, 0)
        expectSuccess(
            await importAsUser(api, file('datavalueset/dataValueSetB.xml'), 'xml'),
            12,
            0,
            0
        )
        await expectValueCount(api, 12)
    }),
    twoImports(
        'testImportUpdateValuesXml',
        'dataValueSetB.xml',
        12,
        12,
        'dataValueSetBUpdate.xml',
        [2, 4, 0, undefined],
        14
    ),
    serviceCase('testCreatedDateWhenDataValueCreated_IgnoreCreatedDateSupplied', async (api, f) => {
        await expectValueCount(api, 0)
        await importAsUser(api, f(CREATE_DATE), 'json')
        expectEqual((await valueOfA(api)).created?.slice(0, 10), today(), 'created')
    }),
    serviceCase('testCreatedDateWhenDataValueUpdated_IgnoreCreatedDateSupplied', async (api, f) => {
        await expectValueCount(api, 0)
        await importAsUser(api, f(CREATE_DATE), 'json')
        // The Java test waits two seconds so that created and lastUpdated differ.
        await new Promise((resolve) => setTimeout(resolve, 2000))
        await importAsUser(api, f(CREATE_DATE_UPDATED), 'json')
        const value = await valueOfA(api)
        expectEqual(value.comment, 'new comment', 'comment')
        expectEqual(value.value, '22', 'value')
        expectTrue(value.created !== value.lastUpdated, 'created and lastUpdated differ')
        expectEqual(value.created?.slice(0, 10), today(), 'created')
    }),
    serviceCase(
        'testLastUpdatedDateWhenDataValueCreated_IgnoreLastUpdatedDateSupplied',
        async (api, f) => {
            await expectValueCount(api, 0)
            await importAsUser(api, f(CREATE_DATE), 'json')
            expectEqual((await valueOfA(api)).lastUpdated?.slice(0, 10), today(), 'lastUpdated')
        }
    ),
    serviceCase(
        'testLastUpdatedDateWhenDataValueUpdated_IgnoreLastUpdatedDateSupplied',
        async (api, f) => {
            await expectValueCount(api, 0)
            await importAsUser(api, f(CREATE_DATE), 'json')
            await importAsUser(api, f(CREATE_DATE_UPDATED), 'json')
            const value = await valueOfA(api)
            expectEqual(value.comment, 'new comment', 'comment')
            expectEqual(value.value, '22', 'value')
            expectEqual(value.lastUpdated?.slice(0, 10), today(), 'lastUpdated')
        }
    ),
    serviceCase('testImportDeletedValuesXml', async (api, file) => {
        await expectValueCount(api, 0)
        expectSuccess(
            await importAsUser(api, file('datavalueset/dataValueSetBDeleted.xml'), 'xml'),
            12,
            0,
            0
        )
        await expectValueCount(api, 8)
    }),
    twoImports(
        'testImportReverseDeletedValuesXml',
        'dataValueSetBDeleted.xml',
        12,
        8,
        'dataValueSetB.xml',
        [4, 0, 0, 8],
        12
    ),
    twoImports(
        'testImportAddAndReverseDeletedValuesXml',
        'dataValueSetBDeleted.xml',
        12,
        8,
        'dataValueSetBNew.xml',
        [8, 0, 0, 4],
        16
    ),
    twoImports(
        'testDeleteValuesXml',
        'dataValueSetB.xml',
        12,
        12,
        'dataValueSetBDeleted.xml',
        [0, 0, 4, 8],
        8
    ),
    twoImports(
        'testImportAndDeleteValuesXml',
        'dataValueSetB.xml',
        12,
        12,
        'dataValueSetBNewDeleted.xml',
        [2, 0, 4, 6],
        10
    ),
    twoImports(
        'testImportValuesDeleteStrategyXml',
        'dataValueSetB.xml',
        12,
        12,
        'dataValueSetB.xml',
        [0, 0, 12, undefined],
        0,
        DELETE
    ),
]

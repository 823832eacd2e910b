/**
 * DataValueSetServiceIntegrationTest, the tests where DHIS2 rejects some or all values: unknown
 * identifiers, org units outside the user's hierarchy, strict and required import options,
 * booleans, empty values, option dates and org units, data set periods, sharing, and audits.
 */
import type { CoreCase } from '../case'
import { expectEqual } from '../case'
import { auditTypes, expectNoAudits } from './serviceImportCases'
import {
    Summary,
    expectConflictCount,
    expectCounts,
    expectStored,
    expectSuccess,
    expectValueCount,
    importAsUser,
    occurrencesOf,
    storedValues,
    totalOccurrences,
} from './serviceAssert'
import { serviceCase } from './serviceDeleteCases'
import { ACCESS, ADMIN, Api, UID, categoryOption, dataSetA } from './serviceSetup'

const dxf2 = (name: string) => `dxf2/datavalueset/${name}`

const WARNING = (imported: number, ignored: number) => ({
    imported,
    updated: 0,
    deleted: 0,
    ignored,
    status: 'WARNING',
})

/** `dataValueSetNonStrict.xml` with one strict or required option on. */
const nonStrict = (method: string, option: string, check: (summary: Summary) => void): CoreCase =>
    serviceCase(method, async (api, file) => {
        const xml = file(dxf2('dataValueSetNonStrict.xml'))
        check(await importAsUser(api, xml, 'xml', { [option]: 'true' }))
    })

const oneConflict = (s: Summary) => {
    expectConflictCount(s, 1)
    expectCounts(s, WARNING(2, 1))
}

const mergedConflict = (indexes: number[]) => (s: Summary) => {
    expectEqual(totalOccurrences(s), 2, 'total conflict occurrences')
    expectConflictCount(s, 1)
    expectEqual(s.conflicts[0]?.indexes, indexes, 'indexes of the conflict')
    expectCounts(s, WARNING(1, 2))
}

/** The superuser changes data set A or category options; then the test's user imports. */
const asSuperuser = (api: Api, payload: Record<string, unknown>) => api.metadata(payload)

/** `yyyyMM` of this month moved by `months` (createMonthlyPeriod(addMonths(thisMonth, n))). */
function monthFromNow(months: number): string {
    const now = new Date()
    const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + months, 1))
    return `${d.getUTCFullYear()}${String(d.getUTCMonth() + 1).padStart(2, '0')}`
}

/** A data set A import of `name` after data set A's and the options' sharing are set. */
const withSharing = (
    method: string,
    name: string,
    access: { dataSet: string; options?: string },
    check: (s: Summary) => void
): CoreCase =>
    serviceCase(method, async (api, file) => {
        const options = access.options
        await asSuperuser(api, {
            dataSets: [dataSetA({ access: access.dataSet })],
            ...(options
                ? {
                      categoryOptions: [
                          categoryOption('A', { access: options }),
                          categoryOption('B', { access: options }),
                      ],
                  }
                : {}),
        })
        check(await importAsUser(api, file(dxf2(name)), 'xml'))
    })

const isError = (s: Summary) => expectEqual(s.status, 'ERROR', 'status')

export const ruleCases: CoreCase[] = [
    serviceCase('testImportDataValuesBooleanCsv', async (api, file) => {
        const s = await importAsUser(api, file(dxf2('dataValueSetBooleanTest.csv')), 'csv')
        expectEqual(totalOccurrences(s), 4, 'total conflict occurrences')
        expectEqual(occurrencesOf(s, 'E7619'), 4, 'E7619 occurrences')
        expectConflictCount(s, 2)
        expectEqual(s.conflicts[0]?.indexes, [10, 11], 'first conflict indexes')
        expectEqual(s.conflicts[1]?.indexes, [16, 17], 'second conflict indexes')
        for (const v of await storedValues(api))
            expectEqual(['true', 'false'].includes(v.value ?? ''), true, `stored ${v.value}`)
    }),
    serviceCase('testImportDataValuesWithOrgUnitOutsideHierarchy', async (api, file) => {
        await expectValueCount(api, 0)
        const s = await importAsUser(api, file(dxf2('dataValueSetE.xml')), 'xml')
        expectEqual(s.status, 'WARNING', 'status')
        expectConflictCount(s, 2)
        const values = await expectValueCount(api, 1)
        expectStored(values, UID.deA, '201201', UID.ouA, UID.ocDef, UID.ocA)
    }),
    serviceCase('testImportDataValuesWithInvalidAttributeOptionCombo', async (api, file) => {
        await expectValueCount(api, 0)
        const s = await importAsUser(api, file(dxf2('dataValueSetF.xml')), 'xml')
        expectEqual(s.imported, 0, 'imported')
        isError(s)
        await expectValueCount(api, 0)
    }),
    serviceCase('testImportDataValuesWithNonExistingDataElementOrgUnit', async (api, file) => {
        await expectValueCount(api, 0)
        const s = await importAsUser(api, file(dxf2('dataValueSetG.xml')), 'xml')
        expectConflictCount(s, 2)
        expectCounts(s, WARNING(1, 3))
        await expectValueCount(api, 1)
    }),
    nonStrict('testImportDataValuesWithStrictPeriods', 'strictPeriods', (s) => {
        expectConflictCount(s, 2)
        expectCounts(s, WARNING(1, 2))
    }),
    nonStrict(
        'testImportDataValuesWithStrictCategoryOptionCombos',
        'strictCategoryOptionCombos',
        oneConflict
    ),
    nonStrict(
        'testImportDataValuesWithStrictAttributeOptionCombos',
        'strictAttributeOptionCombos',
        oneConflict
    ),
    nonStrict(
        'testImportDataValuesWithRequiredCategoryOptionCombo',
        'requireCategoryOptionCombo',
        mergedConflict([1, 2])
    ),
    nonStrict(
        'testImportDataValuesWithRequiredAttributeOptionCombo',
        'requireAttributeOptionCombo',
        mergedConflict([0, 2])
    ),
    nonStrict(
        'testImportDataValuesWithStrictOrganisationUnits',
        'strictOrganisationUnits',
        oneConflict
    ),
    serviceCase('testImportDataValuesInvalidOptionCode', async (api, file) => {
        const s = await importAsUser(api, file(dxf2('dataValueSetInvalid.xml')), 'xml')
        expectConflictCount(s, 1)
        expectEqual(s.imported, 2, 'imported')
        expectEqual(s.status, 'WARNING', 'status')
    }),
    serviceCase('testImportDataValuesInvalidAttributeOptionComboDates', async (api, file) => {
        await asSuperuser(api, {
            categoryOptions: [
                categoryOption('A', { startDate: '2012-02-01', endDate: '2012-02-29' }),
            ],
        })
        const s = await importAsUser(api, file(dxf2('dataValueSetH.xml')), 'xml')
        expectConflictCount(s, 2)
        expectCounts(s, WARNING(1, 2))
        const values = await storedValues(api)
        expectEqual(values.length, 1, 'stored values')
        expectStored(values, UID.deB, '201202', UID.ouB, UID.ocDef, UID.ocA)
    }),
    serviceCase('testImportDataValuesInvalidAttributeOptionComboOrgUnit', async (api, file) => {
        await asSuperuser(api, {
            categoryOptions: [categoryOption('A', { organisationUnits: [UID.ouA, UID.ouB] })],
        })
        const s = await importAsUser(api, file(dxf2('dataValueSetH.xml')), 'xml')
        expectConflictCount(s, 1)
        expectCounts(s, WARNING(2, 1))
        const values = await storedValues(api)
        expectEqual(values.length, 2, 'stored values')
        expectStored(values, UID.deA, '201201', UID.ouA, UID.ocDef, UID.ocA)
        expectStored(values, UID.deB, '201202', UID.ouB, UID.ocDef, UID.ocA)
    }),
    serviceCase('testImportDataValuesUpdatedAudit', async (api, file) => {
        await expectValueCount(api, 0)
        expectSuccess(await importAsUser(api, file(dxf2('dataValueSetA.xml')), 'xml'), 3, 0, 0)
        await expectValueCount(api, 3)
        const s = await importAsUser(api, file(dxf2('dataValueSetAUpdate.xml')), 'xml')
        expectSuccess(s, 0, 3, 0)
        for (const v of await expectValueCount(api, 3))
            expectEqual(await auditTypes(api, v), ['UPDATE'], 'audits of the updated value')
    }),
    // skipAudit counts only for a user with F_SKIP_DATA_IMPORT_AUDIT, as the Java test's user
    // has; the sandbox's operator has not (its users are fixed), so this case imports as admin,
    // whose ALL includes it. Capture scope and outcomes are the same for these payloads.
    serviceCase('testImportDataValuesUpdatedSkipAudit', async (api, file) => {
        await expectValueCount(api, 0)
        const first = await importAsUser(api, file(dxf2('dataValueSetA.xml')), 'xml', {}, ADMIN)
        expectSuccess(first, 3, 0, 0)
        await expectValueCount(api, 3)
        const update = file(dxf2('dataValueSetAUpdate.xml'))
        const s = await importAsUser(api, update, 'xml', { skipAudit: 'true' }, ADMIN)
        expectSuccess(s, 0, 3, 0)
        await expectNoAudits(api, await expectValueCount(api, 3))
    }),
    serviceCase('testImportNullDataValues', async (api, file) => {
        const s = await importAsUser(api, file(dxf2('dataValueSetANull.xml')), 'xml')
        expectEqual(s.status, 'WARNING', 'status')
        expectEqual(s.ignored, 2, 'ignored')
        expectEqual(s.imported, 1, 'imported')
        expectConflictCount(s, 2)
        await expectValueCount(api, 1)
    }),
    serviceCase('testImportDataValuesWithDataSetAllowsPeriods', async (api) => {
        await asSuperuser(api, { dataSets: [dataSetA({ expiryDays: 62, openFuturePeriods: 2 })] })
        const [tooEarly, okBefore, okAfter, tooLate, outOfRange] = [4, 1, -1, -4, 6].map(
            monthFromNow
        )
        const row = (de: string, pe: string | undefined, v: string) =>
            `  <dataValue dataElement="${de}" period="${pe ?? ''}" value="${v}" />\n`
        const xml =
            '<dataValueSet xmlns="http://dhis2.org/schema/dxf/2.0" idScheme="code" dataSet="DS_A" orgUnit="OU_A">\n' +
            row('DE_A', tooEarly, '10001') +
            row('DE_B', okBefore, '10002') +
            row('DE_C', okAfter, '10003') +
            row('DE_D', tooLate, '10004') +
            row('DE_D', outOfRange, '10005') +
            '</dataValueSet>\n'
        const s = await importAsUser(api, xml, 'xml')
        expectConflictCount(s, 3)
        expectCounts(s, WARNING(2, 3))
        const values = await storedValues(api)
        expectEqual(values.length, 2, 'stored values')
        expectStored(values, UID.deB, okBefore ?? '', UID.ouA)
        expectStored(values, UID.deC, okAfter ?? '', UID.ouA)
    }),
    withSharing(
        'testImportValueDataSetWriteFail',
        'dataValueSetA.xml',
        { dataSet: ACCESS.DATA_READ },
        isError
    ),
    withSharing(
        'testImportValueDefaultCatComboOk',
        'dataValueSetA.xml',
        { dataSet: ACCESS.DATA_READ_WRITE },
        (s) => expectSuccess(s, 3, 0, 0)
    ),
    withSharing(
        'testImportValueCatComboFail',
        'dataValueSetACatCombo.xml',
        { dataSet: ACCESS.DATA_READ_WRITE, options: ACCESS.READ },
        (s) => expectEqual(s.status, 'WARNING', 'status')
    ),
    withSharing(
        'testImportValueCatComboOk',
        'dataValueSetACatCombo.xml',
        { dataSet: ACCESS.DATA_READ_WRITE, options: ACCESS.DATA_WRITE },
        (s) => expectSuccess(s, 3, 0, 0)
    ),
    withSharing(
        'testImportValueCatComboFailDS',
        'dataValueSetACatCombo.xml',
        { dataSet: ACCESS.DATA_READ, options: ACCESS.DATA_WRITE },
        isError
    ),
    withSharing(
        'testImportValueCategoryOptionWriteOk',
        'dataValueSetA.xml',
        { dataSet: ACCESS.DATA_READ_WRITE, options: ACCESS.DATA_READ_WRITE },
        (s) => expectSuccess(s, 3, 0, 0)
    ),
]

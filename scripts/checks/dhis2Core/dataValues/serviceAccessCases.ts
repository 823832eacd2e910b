/**
 * DataValueSetServiceIntegrationTest, the tests the superuser prepares by changing data set A or
 * the category options (expiry and future periods, sharing), and the audit tests.
 */
import type { CoreCase } from '../case'
import { expectEqual } from '../case'
import { auditTypes, expectNoAudits } from './serviceImportCases'
import {
    Summary,
    WARNING,
    expectError,
    expectConflictCount,
    expectCounts,
    expectStored,
    expectSuccess,
    expectValueCount,
    importAsUser,
    storedValues,
} from './serviceAssert'
import { serviceCase } from './serviceDeleteCases'
import { ACCESS, ADMIN, Api, UID, categoryOption, dataSetA } from './serviceSetup'

const dxf2 = (name: string) => `dxf2/datavalueset/${name}`

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

export const accessCases: CoreCase[] = [
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
        expectError
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
        expectError
    ),
    withSharing(
        'testImportValueCategoryOptionWriteOk',
        'dataValueSetA.xml',
        { dataSet: ACCESS.DATA_READ_WRITE, options: ACCESS.DATA_READ_WRITE },
        (s) => expectSuccess(s, 3, 0, 0)
    ),
]

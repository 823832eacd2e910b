/**
 * DataValueSetServiceIntegrationTest, the tests where DHIS2 rejects some or all values: unknown
 * identifiers, org units outside the user's hierarchy, strict and required import options,
 * booleans, empty values, and the attribute option combo's dates and org units.
 */
import type { CoreCase } from '../case'
import { expectEqual } from '../case'
import {
    Summary,
    WARNING,
    expectError,
    expectConflictCount,
    expectCounts,
    expectStored,
    expectValueCount,
    importAsUser,
    occurrencesOf,
    storedValues,
    totalOccurrences,
} from './serviceAssert'
import { serviceCase } from './serviceDeleteCases'
import { UID, categoryOption } from './serviceSetup'

const dxf2 = (name: string) => `dxf2/datavalueset/${name}`

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
        expectError(s)
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
        await api.metadata({
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
        await api.metadata({
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
    serviceCase('testImportNullDataValues', async (api, file) => {
        const s = await importAsUser(api, file(dxf2('dataValueSetANull.xml')), 'xml')
        expectEqual(s.status, 'WARNING', 'status')
        expectEqual(s.ignored, 2, 'ignored')
        expectEqual(s.imported, 1, 'imported')
        expectConflictCount(s, 2)
        await expectValueCount(api, 1)
    }),
]

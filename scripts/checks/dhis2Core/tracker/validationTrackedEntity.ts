/**
 * dhis2-core `tracker/imports/validation/TrackedEntityImportValidationTest` (2.41) over the Web
 * API. The tests' users (`Users.USER_n`) come from the metadata export's `users` (support's
 * `applyFixtureUsers`); `params.setUserId` is importing as that user.
 */
import type { Dhis2Sandbox } from '../../../../sandbox/dhis2'
import type { CaseGroup, CoreCase } from '../case'
import { expectEqual } from '../case'
import {
    assertHasErrors,
    assertHasOnlyErrors,
    assertNoErrors,
    fromJson,
    importTracker,
    reportStats,
    trackerCase,
    usernameOf,
} from './support'

const V = 'tracker/validations/'
const USER_1 = 'oZZ43IHxuUM'
const USER_3 = 'fY22f5N1xSy'
const USER_4 = 'iAji3gyZYQL'
const USER_5 = 'oajYcE7VMBs'
const USER_7 = 'E5AiPnHG3t5'
const USER_8 = 'xbgFeL0l3Ap'

type Params = Record<string, string>

/** `importTracker(params, fromJson(file))`, as admin or as the user with UID `userId`. */
export function importFileAs(
    sandbox: Dhis2Sandbox,
    dir: string,
    file: string,
    params: Params = {},
    userId?: string
) {
    const asUser = userId ? usernameOf(sandbox, userId) : undefined
    return importTracker(sandbox, fromJson(dir, `${V}${file}`), params, asUser)
}

export function trackedEntityImportValidationCases(): CaseGroup {
    const name = (method: string) => `TrackedEntityImportValidationTest.${method}`
    const metadata = 'tracker/tracker_basic_metadata.json'
    const test = (
        method: string,
        body: (s: Dhis2Sandbox, dir: string) => Promise<void>
    ): CoreCase => trackerCase(name(method), metadata, body)
    const object = { atomicMode: 'OBJECT' }
    const update = { importStrategy: 'CREATE_AND_UPDATE', atomicMode: 'OBJECT' }
    const ownership =
        'transfers program ownership (TrackerOwnershipManager.transferOwnership; over the Web API PUT /api/tracker/ownership/transfer), which the sandbox does not serve: it does not model program ownership'
    return {
        cases: [
            test('failValidationWhenTrackedEntityAttributeHasWrongOptionValue', async (s, dir) => {
                assertHasOnlyErrors(
                    await importFileAs(s, dir, 'te-with_invalid_option_value.json'),
                    'E1125'
                )
            }),
            test('successValidationWhenTrackedEntityAttributeHasValidOptionValue', async (s, dir) => {
                assertNoErrors(await importFileAs(s, dir, 'te-with_valid_option_value.json'))
            }),
            test('failValidationWhenTrackedEntityAttributesHaveSameUniqueValues', async (s, dir) => {
                assertHasErrors(
                    await importFileAs(s, dir, 'te-with_unique_attributes.json'),
                    2,
                    'E1064'
                )
            }),
            test('testTeValidationOkAll', async (s, dir) => {
                assertNoErrors(await importFileAs(s, dir, 'te-data_with_different_ou.json'))
            }),
            test('testNoCreateTeiAccessOutsideCaptureScopeOu', async (s, dir) => {
                const report = await importFileAs(
                    s,
                    dir,
                    'te-data_with_different_ou.json',
                    object,
                    USER_7
                )
                assertHasOnlyErrors(report, 'E1000')
                expectEqual(reportStats(report).created, 2, 'created')
                expectEqual(reportStats(report).ignored, 1, 'ignored')
            }),
            test('testUpdateAccessInSearchScopeOu', async (s, dir) => {
                const first = await importFileAs(s, dir, 'te-data_with_different_ou.json')
                assertNoErrors(first)
                expectEqual(reportStats(first).created, 3, 'created')
                const report = await importFileAs(
                    s,
                    dir,
                    'te-data_with_different_ou.json',
                    update,
                    USER_8
                )
                assertNoErrors(report)
                expectEqual(reportStats(report).updated, 3, 'updated')
            }),
            test('testNoUpdateAccessOutsideSearchScopeOu', async (s, dir) => {
                const first = await importFileAs(s, dir, 'te-data_with_different_ou.json')
                assertNoErrors(first)
                expectEqual(reportStats(first).created, 3, 'created')
                const report = await importFileAs(
                    s,
                    dir,
                    'te-data_with_different_ou.json',
                    update,
                    USER_5
                )
                assertHasOnlyErrors(report, 'E1003')
                expectEqual(reportStats(report).updated, 2, 'updated')
                expectEqual(reportStats(report).ignored, 1, 'ignored')
            }),
            test('testNoWriteAccessInAcl', async (s, dir) => {
                assertHasErrors(
                    await importFileAs(s, dir, 'te-data_ok.json', {}, USER_1),
                    13,
                    'E1001'
                )
            }),
            test('testWriteAccessInAclViaUserGroup', async (s, dir) => {
                assertNoErrors(await importFileAs(s, dir, 'te-data_ok.json', {}, USER_3))
            }),
            test('testGeoOk', async (s, dir) => {
                assertNoErrors(await importFileAs(s, dir, 'te-data_error_geo-ok.json'))
            }),
            test('testTeAttrNonExistentAttr', async (s, dir) => {
                assertHasErrors(
                    await importFileAs(s, dir, 'te-data_error_attr-non-existing.json'),
                    2,
                    'E1006'
                )
            }),
            test('testDeleteCascadeEnrollments', async (s, dir) => {
                assertNoErrors(await importFileAs(s, dir, 'enrollments_te_te-data.json'), 'te-data')
                assertNoErrors(
                    await importFileAs(s, dir, 'enrollments_te_enrollments-data.json'),
                    'enrollments'
                )
                const report = await importFileAs(
                    s,
                    dir,
                    'enrollments_te_te-data.json',
                    { importStrategy: 'DELETE' },
                    USER_4
                )
                assertHasErrors(report, 2, 'E1100')
            }),
            test('testTeDeleteOk', async (s, dir) => {
                assertNoErrors(await importFileAs(s, dir, 'te-data.json'))
                const report = await importFileAs(s, dir, 'te-data-delete.json', {
                    importStrategy: 'DELETE',
                })
                assertNoErrors(report)
                expectEqual(reportStats(report).deleted, 1, 'deleted')
            }),
        ],
        notExpressible: [
            'shouldFailToDeleteWhenUserHasAccessToRegistrationUnitAndTEWasTransferred',
            'shouldFailToDeleteWhenTEWasTransferredAndUserHasAccessToTransferredOrgUnitAndTEOUIsNotInCaptureScope',
            'shouldDeleteWhenTEWasTransferredAndUserHasAccessToTransferredOrgUnitAndTEOUIsInCaptureScope',
            'shouldFailToUpdateWhenUserHasAccessToRegistrationUnitAndTEWasTransferred',
            'shouldUpdateWhenTEWasTransferredAndUserHasAccessToTransferredOrgUnit',
        ].map((method) => ({ name: name(method), why: ownership })),
    }
}

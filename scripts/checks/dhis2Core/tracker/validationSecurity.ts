/**
 * dhis2-core `tracker/imports/validation/EventSecurityImportValidationTest` and
 * `EnrollmentSecurityImportValidationTest` (2.41) over the Web API: the tests that use the
 * metadata export's users. Java's `manager.update(user)` of a search scope is setup, done on the
 * sandbox's user in process like the users themselves (support's `applyFixtureUsers`).
 */
import type { Dhis2Sandbox } from '../../../../sandbox/dhis2'
import type { CaseGroup, CoreCase } from '../case'
import { CaseFailure } from '../case'
import { assertHasError, assertHasErrors, assertNoErrors, trackerCase } from './support'
import { importFileAs } from './validationTrackedEntity'

const METADATA = 'tracker/tracker_basic_metadata.json'
const USER_2 = 'MbkW4Bhfw7o'
const USER_5 = 'oajYcE7VMBs'
const USER_11 = 'xkMgMi7Ci2D'

function setSearchScope(s: Dhis2Sandbox, userId: string, orgUnits: string[]): void {
    const user = s.users.find((u) => u.id === userId)
    if (!user) throw new CaseFailure(`no user ${userId}`)
    user.teiSearchOrganisationUnits = orgUnits
}

function eventSecurityCases(): CoreCase[] {
    const name = (method: string) => `EventSecurityImportValidationTest.${method}`
    // initTest: the metadata, enrollments_te_te-data.json, enrollments_te_enrollments-data.json.
    const test = (
        method: string,
        body: (s: Dhis2Sandbox, dir: string) => Promise<void>
    ): CoreCase =>
        trackerCase(name(method), METADATA, async (s, dir) => {
            assertNoErrors(await importFileAs(s, dir, 'enrollments_te_te-data.json'), 'setup te')
            assertNoErrors(
                await importFileAs(s, dir, 'enrollments_te_enrollments-data.json'),
                'setup en'
            )
            await body(s, dir)
        })
    const create = { importStrategy: 'CREATE' }
    return [
        test('shouldSucceedWhenCreatingScheduledEventFromInsideSearchOrgUnit', async (s, dir) => {
            setSearchScope(s, USER_5, ['QfUVllTs6cS'])
            const report = await importFileAs(
                s,
                dir,
                'events-scheduled-with-registration.json',
                create,
                USER_5
            )
            assertNoErrors(report)
        }),
        test('shouldFailWhenCreatingScheduledEventFromOutsideSearchOrgUnit', async (s, dir) => {
            const report = await importFileAs(
                s,
                dir,
                'events-scheduled-with-registration.json',
                create,
                USER_5
            )
            assertHasError(report, 'E1000')
        }),
        test('shouldUpdateTrackerEventOrgUnitWhenUserHasCaptureScopeAccessToPayloadOrgUnit', async (s, dir) => {
            assertNoErrors(
                await importFileAs(s, dir, 'event-with-orgunit-change-create-data.json'),
                'create'
            )
            const report = await importFileAs(
                s,
                dir,
                'event-with-orgunit-change-update-data.json',
                {},
                USER_11
            )
            assertNoErrors(report)
        }),
        test('shouldFailWhenUpdatingTrackerEventOrgUnitToOneOutsideUserCaptureScope', async (s, dir) => {
            assertNoErrors(
                await importFileAs(s, dir, 'event-with-orgunit-change-create-data.json'),
                'create'
            )
            const report = await importFileAs(
                s,
                dir,
                'event-with-orgunit-change-update-data.json',
                {},
                USER_5
            )
            assertHasError(report, 'E1000')
        }),
    ]
}

function enrollmentSecurityCases(): CoreCase[] {
    const name = (method: string) => `EnrollmentSecurityImportValidationTest.${method}`
    return [
        trackerCase(name('testNoWriteAccessToOrg'), METADATA, async (s, dir) => {
            assertNoErrors(await importFileAs(s, dir, 'enrollments_te_te-data.json'), 'setup')
            const report = await importFileAs(
                s,
                dir,
                'enrollments_te_enrollments-data.json',
                { importStrategy: 'CREATE' },
                USER_2
            )
            assertHasErrors(report, 4, 'E1000')
        }),
    ]
}

export function securityCases(): CaseGroup {
    return { cases: [...eventSecurityCases(), ...enrollmentSecurityCases()], notExpressible: [] }
}

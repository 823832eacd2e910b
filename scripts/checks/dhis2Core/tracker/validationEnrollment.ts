/**
 * dhis2-core `tracker/imports/validation/EnrollmentImportValidationTest` (2.41) over the Web API.
 */
import type { Dhis2Sandbox } from '../../../../sandbox/dhis2'
import type { CaseGroup, CoreCase } from '../case'
import { expectEqual } from '../case'
import {
    asArray,
    asObject,
    assertHasErrors,
    assertHasOnlyErrors,
    assertNoErrors,
    fromJson,
    getTrackerObject,
    importTracker,
    readIntegrationFixture,
    reportStats,
    trackerCase,
} from './support'
import { importFileAs } from './validationTrackedEntity'

const USER_2 = 'MbkW4Bhfw7o'
const USER_4 = 'iAji3gyZYQL'
const USER_5 = 'oajYcE7VMBs'
const USER_11 = 'xkMgMi7Ci2D'

export function enrollmentImportValidationCases(): CaseGroup {
    const name = (method: string) => `EnrollmentImportValidationTest.${method}`
    const metadata = 'tracker/tracker_basic_metadata.json'
    // initTest: the metadata, then enrollments_te_te-data.json without errors.
    const test = (
        method: string,
        body: (s: Dhis2Sandbox, dir: string) => Promise<void>
    ): CoreCase =>
        trackerCase(name(method), metadata, async (sandbox, dir) => {
            assertNoErrors(await importFileAs(sandbox, dir, 'enrollments_te_te-data.json'), 'setup')
            await body(sandbox, dir)
        })
    const updateOrgUnitAs = async (s: Dhis2Sandbox, dir: string, userId: string) => {
        assertNoErrors(
            await importFileAs(s, dir, 'enrollments_te_enrollments-data_2.json'),
            'data_2'
        )
        return importFileAs(s, dir, 'enrollments_te_enrollments-data_2-update.json', {}, userId)
    }
    return {
        cases: [
            test('testEnrollmentValidationOkAll', async (s, dir) => {
                assertNoErrors(await importFileAs(s, dir, 'enrollments_te_enrollments-data.json'))
            }),
            // The Java test reads the owner from the preheat; the Web API shows it as programOwners.
            test('testPreheatOwnershipForSubsequentEnrollment', async (s, dir) => {
                assertNoErrors(await importFileAs(s, dir, 'enrollments_te_enrollments-data.json'))
                const payload = fromJson(
                    dir,
                    'tracker/validations/enrollments_te_enrollments-data.json'
                )
                for (const en of asArray(payload.enrollments)) {
                    const te = await getTrackerObject(
                        s,
                        'trackedEntities',
                        String(en.trackedEntity),
                        {
                            fields: 'programOwners[program,orgUnit]',
                            program: String(en.program),
                        }
                    )
                    const owner = asArray(te.body.programOwners).find(
                        (o) => o.program === en.program
                    )
                    expectEqual(owner?.orgUnit, en.orgUnit, `owner of ${String(en.trackedEntity)}`)
                }
            }),
            // fromJson fails on the unreadable occurredAt; over the Web API the body is unreadable: 400.
            test('testDisplayIncidentDateTrueButDateValueIsInvalid', async (s, dir) => {
                const raw = readIntegrationFixture(
                    dir,
                    'tracker/validations/enrollments_error-displayIncident.json'
                )
                const response = await importTracker(s, { enrollments: asArray(raw.enrollments) })
                expectEqual(
                    response.httpStatus,
                    400,
                    `HTTP status (${JSON.stringify(response.body).slice(0, 300)})`
                )
            }),
            test('testNoWriteAccessToOrg', async (s, dir) => {
                const report = await importFileAs(
                    s,
                    dir,
                    'enrollments_te_enrollments-data.json',
                    {},
                    USER_2
                )
                assertHasErrors(report, 4, 'E1000')
            }),
            test('shouldUpdateEnrollmentOrgUnitWhenUserHasCaptureScopeAccessToPayloadOrgUnit', async (s, dir) => {
                assertNoErrors(await updateOrgUnitAs(s, dir, USER_11))
            }),
            test('shouldFailWhenUpdatingEnrollmentOrgUnitIfUserHasNoCaptureScopeAccessToPayloadOrgUnit', async (s, dir) => {
                assertHasErrors(await updateOrgUnitAs(s, dir, USER_5), 1, 'E1000')
            }),
            test('testOnlyProgramAttributesAllowedOnEnrollments', async (s, dir) => {
                assertHasErrors(
                    await importFileAs(s, dir, 'enrollments_error_non_program_attr.json'),
                    3,
                    'E1019'
                )
            }),
            test('testAttributesOk', async (s, dir) => {
                const report = await importFileAs(s, dir, 'enrollments_te_attr-data.json')
                assertNoErrors(report)
                const typeReport = asObject(
                    asObject(asObject(report.body.bundleReport).typeReportMap).ENROLLMENT
                )
                expectEqual(
                    asArray(typeReport.objectReports).length,
                    1,
                    'enrollment object reports'
                )
            }),
            test('testDeleteCascadeEnrollments', async (s, dir) => {
                assertNoErrors(
                    await importFileAs(s, dir, 'enrollments_te_attr-data.json'),
                    'attr-data'
                )
                assertNoErrors(
                    await importFileAs(s, dir, 'events-with-registration.json', {
                        importStrategy: 'CREATE',
                    }),
                    'events'
                )
                const report = await importFileAs(
                    s,
                    dir,
                    'enrollments_te_attr-data.json',
                    { importStrategy: 'DELETE' },
                    USER_4
                )
                assertHasOnlyErrors(report, 'E1103', 'E1091')
            }),
            test('testActiveEnrollmentAlreadyExists', async (s, dir) => {
                assertNoErrors(
                    await importFileAs(s, dir, 'enrollments_double-tei-enrollment_part1.json')
                )
                const report = await importFileAs(
                    s,
                    dir,
                    'enrollments_double-tei-enrollment_part2.json'
                )
                assertHasOnlyErrors(report, 'E1015')
            }),
            test('testEnrollmentDeleteOk', async (s, dir) => {
                assertNoErrors(await importFileAs(s, dir, 'enrollments_te_enrollments-data.json'))
                const report = await importFileAs(
                    s,
                    dir,
                    'enrollments_te_enrollments-data-delete.json',
                    {
                        importStrategy: 'DELETE',
                    }
                )
                assertNoErrors(report)
                expectEqual(reportStats(report).deleted, 1, 'deleted')
            }),
            test('testBadEnrollmentNoteNoValue', async (s, dir) => {
                assertNoErrors(await importFileAs(s, dir, 'enrollments_bad-note-no-value.json'))
            }),
        ],
        notExpressible: [],
    }
}

/**
 * dhis2-core `tracker/imports/bundle/ReportSummaryDeleteIntegrationTest` (2.41) over the Web API,
 * as the fixture's admin (the sandbox's admin, with its org unit scopes).
 *
 * `manager.getAll(Enrollment.class)` also counts the one enrollment DHIS2 keeps for each program
 * without registration (its events hang on it); the Web API never lists those, so the count here
 * is the listed enrollments plus one per WITHOUT_REGISTRATION program of the metadata.
 */
import type { Dhis2Sandbox } from '../../../../sandbox/dhis2'
import type { CaseGroup, CoreCase } from '../case'
import { expectEqual, expectTrue } from '../case'
import {
    allTrackedEntities,
    asArray,
    asObject,
    assertHasError,
    assertHasOnlyErrors,
    assertNoErrors,
    fromJson,
    importMetadata,
    importTracker,
    listTrackerObjects,
    readIntegrationFixture,
    withSandbox,
} from './support'
import type { TrackerResponse } from './support'

const METADATA = 'tracker/tracker_basic_metadata.json'
const DELETE = { importStrategy: 'DELETE' }

function programsWithoutRegistration(dir: string): number {
    const metadata = readIntegrationFixture(dir, METADATA)
    return asArray(metadata.programs).filter((p) => p.programType === 'WITHOUT_REGISTRATION').length
}

/** `manager.getAll(Enrollment.class).size()` (see the header). */
async function allEnrollments(sandbox: Dhis2Sandbox, dir: string): Promise<number> {
    const listed = await listTrackerObjects(sandbox, 'enrollments', {})
    return listed.length + programsWithoutRegistration(dir)
}

/** `manager.getAll(Event.class).size()`. */
async function allEvents(sandbox: Dhis2Sandbox): Promise<number> {
    return (await listTrackerObjects(sandbox, 'events', {})).length
}

function typeReport(report: TrackerResponse, trackerType: string) {
    return asObject(asObject(asObject(report.body.bundleReport).typeReportMap)[trackerType])
}

/** `assertImportedObjects` / `assertDeletedObjects`: the type's count and its object reports. */
function assertObjects(
    stat: 'created' | 'deleted',
    expected: number,
    report: TrackerResponse,
    trackerType: string
): void {
    const type = typeReport(report, trackerType)
    expectTrue('stats' in type, `typeReportMap has ${trackerType}`)
    expectEqual(asObject(type.stats)[stat], expected, `${trackerType} ${stat}`)
    expectEqual(asArray(type.objectReports).length, expected, `${trackerType} object reports`)
}

/** `initTest`: the metadata, then tracker_basic_data_before_deletion.json, all created. */
async function initTest(sandbox: Dhis2Sandbox, dir: string): Promise<void> {
    await importMetadata(sandbox, dir, METADATA)
    const objects = fromJson(dir, 'tracker/tracker_basic_data_before_deletion.json')
    const sizes = ['trackedEntities', 'enrollments', 'events', 'relationships'].map(
        (key) => asArray(objects[key]).length
    )
    expectEqual(sizes, [13, 2, 2, 2], 'initTest payload sizes')
    const report = await importTracker(sandbox, objects)
    assertObjects('created', 13, report, 'TRACKED_ENTITY')
    assertObjects('created', 2, report, 'ENROLLMENT')
    assertObjects('created', 2, report, 'EVENT')
    assertObjects('created', 2, report, 'RELATIONSHIP')
    expectEqual(await allEnrollments(sandbox, dir), 6, 'initTest enrollments')
    expectEqual(
        await allEvents(sandbox),
        asObject(typeReport(report, 'EVENT').stats).created ?? null,
        'initTest events'
    )
}

function deleteCase(
    method: string,
    body: (sandbox: Dhis2Sandbox, dir: string) => Promise<void>
): CoreCase {
    return {
        name: `ReportSummaryDeleteIntegrationTest.${method}`,
        run: (dir) =>
            withSandbox(async (sandbox) => {
                await initTest(sandbox, dir)
                await body(sandbox, dir)
            }),
    }
}

export function reportSummaryDeleteCases(): CaseGroup {
    return {
        cases: [
            deleteCase('shouldFailToDeleteNotExistentRelationship', async (sandbox, dir) => {
                const objects = fromJson(
                    dir,
                    'tracker/relationships_existent_and_not_existent_for_deletion.json'
                )
                expectEqual(asArray(objects.relationships).length, 2, 'relationships sent')
                const report = await importTracker(sandbox, objects, {
                    ...DELETE,
                    atomicMode: 'OBJECT',
                })
                assertObjects('deleted', 1, report, 'RELATIONSHIP')
                assertHasOnlyErrors(report, 'E4016')
            }),
            deleteCase('shouldSuccessfullyDeleteRelationships', async (sandbox, dir) => {
                const objects = fromJson(dir, 'tracker/relationships_basic_data_for_deletion.json')
                expectEqual(asArray(objects.relationships).length, 2, 'relationships sent')
                const report = await importTracker(sandbox, objects, DELETE)
                assertNoErrors(report)
                assertObjects('deleted', 2, report, 'RELATIONSHIP')
            }),
            deleteCase('testTrackedEntityDeletion', async (sandbox, dir) => {
                const objects = fromJson(dir, 'tracker/tracked_entity_basic_data_for_deletion.json')
                expectEqual(asArray(objects.trackedEntities).length, 9, 'tracked entities sent')
                const report = await importTracker(sandbox, objects, DELETE)
                assertNoErrors(report)
                assertObjects('deleted', 9, report, 'TRACKED_ENTITY')
                expectEqual(
                    (await allTrackedEntities(sandbox)).length,
                    4,
                    'remaining tracked entities'
                )
                expectEqual(await allEnrollments(sandbox, dir), 4, 'remaining enrollments')
            }),
            deleteCase('testEnrollmentDeletion', async (sandbox, dir) => {
                expectEqual(await allEvents(sandbox), 2, 'events before')
                const report = await importTracker(
                    sandbox,
                    fromJson(dir, 'tracker/enrollment_basic_data_for_deletion.json'),
                    DELETE
                )
                assertNoErrors(report)
                assertObjects('deleted', 1, report, 'ENROLLMENT')
                expectEqual(await allEnrollments(sandbox, dir), 5, 'remaining enrollments')
                expectEqual(await allEvents(sandbox), 1, 'remaining events')
            }),
            deleteCase('testEventDeletion', async (sandbox, dir) => {
                const report = await importTracker(
                    sandbox,
                    fromJson(dir, 'tracker/event_basic_data_for_deletion.json'),
                    DELETE
                )
                assertNoErrors(report)
                assertObjects('deleted', 1, report, 'EVENT')
                expectEqual(await allEvents(sandbox), 1, 'remaining events')
            }),
            deleteCase('testNonExistentEnrollment', async (sandbox, dir) => {
                const report = await importTracker(
                    sandbox,
                    fromJson(dir, 'tracker/non_existent_enrollment_basic_data_for_deletion.json'),
                    DELETE
                )
                assertHasError(report, 'E1081')
            }),
            deleteCase('testDeleteMultipleEntities', async (sandbox, dir) => {
                const report = await importTracker(
                    sandbox,
                    fromJson(dir, 'tracker/tracker_data_for_deletion.json'),
                    DELETE
                )
                assertNoErrors(report)
                assertObjects('deleted', 1, report, 'ENROLLMENT')
                assertObjects('deleted', 1, report, 'TRACKED_ENTITY')
            }),
        ],
        notExpressible: [
            {
                name: 'ReportSummaryDeleteIntegrationTest.shouldSuccessfullyDeleteTrackedEntityAndNotAccessibleRelationshipLinkedToIt',
                why:
                    "deletes as the fixture user USER_10, whom only the metadata export's `users` create; " +
                    "the sandbox has no /api/users and importing users would replace the admin's password",
            },
        ],
    }
}

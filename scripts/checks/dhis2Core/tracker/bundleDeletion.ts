/**
 * dhis2-core `tracker/imports/bundle/ReportSummaryDeleteIntegrationTest` (2.41) over the Web API.
 */
import type { Dhis2Sandbox } from '../../../../sandbox/dhis2'
import type { CaseGroup, CoreCase } from '../case'
import { expectEqual, expectTrue } from '../case'
import {
    allEnrollments,
    allEvents,
    allTrackedEntities,
    asArray,
    assertHasError,
    assertHasOnlyErrors,
    assertNoErrors,
    fromJson,
    importTracker,
    trackerCase,
    typeReport,
    usernameOf,
} from './support'
import type { TrackerResponse } from './support'

const USER_10 = 'Xl2V8x8R1R5'

function expectObjects(
    report: TrackerResponse,
    type: string,
    stat: 'created' | 'deleted',
    expected: number
): void {
    const { stats, objectReports } = typeReport(report, type)
    expectTrue(stats !== undefined, `typeReportMap has ${type}`)
    expectEqual(stats?.[stat], expected, `${type} ${stat}`)
    expectEqual(objectReports.length, expected, `${type} entity reports`)
}

export function reportSummaryDeleteCases(): CaseGroup {
    const name = (method: string) => `ReportSummaryDeleteIntegrationTest.${method}`
    // initTest: the metadata, then tracker_basic_data_before_deletion.json, checked.
    const test = (
        method: string,
        body: (s: Dhis2Sandbox, dir: string) => Promise<void>
    ): CoreCase =>
        trackerCase(name(method), 'tracker/tracker_basic_metadata.json', async (s, dir) => {
            const payload = fromJson(dir, 'tracker/tracker_basic_data_before_deletion.json')
            expectEqual(asArray(payload.trackedEntities).length, 13, 'setup tracked entities')
            expectEqual(asArray(payload.enrollments).length, 2, 'setup enrollments')
            expectEqual(asArray(payload.events).length, 2, 'setup events')
            expectEqual(asArray(payload.relationships).length, 2, 'setup relationships')
            const report = await importTracker(s, payload)
            expectObjects(report, 'TRACKED_ENTITY', 'created', 13)
            expectObjects(report, 'ENROLLMENT', 'created', 2)
            expectObjects(report, 'EVENT', 'created', 2)
            expectObjects(report, 'RELATIONSHIP', 'created', 2)
            expectEqual((await allEnrollments(s)).length, 6, 'setup: all enrollments')
            expectEqual(
                (await allEvents(s)).length,
                typeReport(report, 'EVENT').stats?.created,
                'setup: all events'
            )
            await body(s, dir)
        })
    const remove = { importStrategy: 'DELETE' }
    const removeEach = { importStrategy: 'DELETE', atomicMode: 'OBJECT' }
    const load = (dir: string, file: string) => fromJson(dir, `tracker/${file}`)
    return {
        cases: [
            test('shouldFailToDeleteNotExistentRelationship', async (s, dir) => {
                const payload = load(
                    dir,
                    'relationships_existent_and_not_existent_for_deletion.json'
                )
                expectEqual(asArray(payload.relationships).length, 2, 'relationships')
                const report = await importTracker(s, payload, removeEach)
                expectObjects(report, 'RELATIONSHIP', 'deleted', 1)
                assertHasOnlyErrors(report, 'E4016')
            }),
            test('shouldSuccessfullyDeleteRelationships', async (s, dir) => {
                const payload = load(dir, 'relationships_basic_data_for_deletion.json')
                expectEqual(asArray(payload.relationships).length, 2, 'relationships')
                const report = await importTracker(s, payload, remove)
                assertNoErrors(report)
                expectObjects(report, 'RELATIONSHIP', 'deleted', 2)
            }),
            test('shouldSuccessfullyDeleteTrackedEntityAndNotAccessibleRelationshipLinkedToIt', async (s, dir) => {
                const payload = load(dir, 'te_with_inaccessible_relationship_for_deletion.json')
                expectEqual(asArray(payload.trackedEntities).length, 1, 'tracked entities')
                const report = await importTracker(s, payload, removeEach, usernameOf(s, USER_10))
                expectObjects(report, 'TRACKED_ENTITY', 'deleted', 1)
                assertHasOnlyErrors(report, 'E4020')
            }),
            test('testTrackedEntityDeletion', async (s, dir) => {
                const payload = load(dir, 'tracked_entity_basic_data_for_deletion.json')
                expectEqual(asArray(payload.trackedEntities).length, 9, 'tracked entities')
                const report = await importTracker(s, payload, remove)
                assertNoErrors(report)
                expectObjects(report, 'TRACKED_ENTITY', 'deleted', 9)
                expectEqual((await allTrackedEntities(s)).length, 4, 'remaining tracked entities')
                expectEqual((await allEnrollments(s)).length, 4, 'remaining enrollments')
            }),
            test('testEnrollmentDeletion', async (s, dir) => {
                expectEqual((await allEvents(s)).length, 2, 'events before')
                const report = await importTracker(
                    s,
                    load(dir, 'enrollment_basic_data_for_deletion.json'),
                    remove
                )
                assertNoErrors(report)
                expectObjects(report, 'ENROLLMENT', 'deleted', 1)
                expectEqual((await allEnrollments(s)).length, 5, 'remaining enrollments')
                expectEqual((await allEvents(s)).length, 1, 'remaining events')
            }),
            test('testEventDeletion', async (s, dir) => {
                const report = await importTracker(
                    s,
                    load(dir, 'event_basic_data_for_deletion.json'),
                    remove
                )
                assertNoErrors(report)
                expectObjects(report, 'EVENT', 'deleted', 1)
                expectEqual((await allEvents(s)).length, 1, 'remaining events')
            }),
            test('testNonExistentEnrollment', async (s, dir) => {
                const payload = load(dir, 'non_existent_enrollment_basic_data_for_deletion.json')
                assertHasError(await importTracker(s, payload, remove), 'E1081')
            }),
            test('testDeleteMultipleEntities', async (s, dir) => {
                const report = await importTracker(
                    s,
                    load(dir, 'tracker_data_for_deletion.json'),
                    remove
                )
                assertNoErrors(report)
                expectObjects(report, 'ENROLLMENT', 'deleted', 1)
                expectObjects(report, 'TRACKED_ENTITY', 'deleted', 1)
            }),
        ],
        notExpressible: [],
    }
}

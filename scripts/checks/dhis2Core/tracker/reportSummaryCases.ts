/**
 * dhis2-core `tracker/imports/bundle/ReportSummaryIntegrationTest` (2.41) over the Web API. The
 * Java test imports as the fixture's admin `M5zQapPyTZI` (a superuser): the sandbox's admin, given
 * that user's org unit scopes by the support's metadata import.
 */
import type { CaseGroup } from '../case'
import { expectEqual } from '../case'
import {
    assertNoErrors,
    errorReports,
    fromJson,
    importTracker,
    reportStats,
    reportStatus,
    trackerCase,
} from './support'
import type { TrackerResponse } from './support'

const METADATA = 'tracker/simple_metadata.json'
const OBJECT = { atomicMode: 'OBJECT' }
const OBJECT_CREATE_AND_UPDATE = { atomicMode: 'OBJECT', importStrategy: 'CREATE_AND_UPDATE' }

interface Counts {
    created: number
    updated: number
    ignored: number
    deleted: number
}

/** The four `assertEquals(n, report.getStats().getX())` of each test. */
function expectStats(report: TrackerResponse, expected: Counts, what = 'stats'): void {
    const { created, updated, ignored, deleted } = reportStats(report)
    expectEqual({ created, updated, ignored, deleted }, expected, what)
}

/** A test with an invalid object: status OK, one validation error, then the stats. */
function expectPartialImport(report: TrackerResponse, expected: Counts): void {
    expectEqual(reportStatus(report), 'OK', 'status')
    expectEqual(errorReports(report).length, 1, 'validation errors')
    expectStats(report, expected)
}

export function reportSummaryCases(): CaseGroup {
    const name = (method: string) => `ReportSummaryIntegrationTest.${method}`
    const fixture = (file: string) => `tracker/${file}.json`
    return {
        cases: [
            trackerCase(name('testStatsCountForOneCreatedTEI'), METADATA, async (sandbox, dir) => {
                const report = await importTracker(
                    sandbox,
                    fromJson(dir, fixture('single_tei')),
                    OBJECT
                )
                assertNoErrors(report)
                expectStats(report, { created: 1, updated: 0, ignored: 0, deleted: 0 })
            }),
            trackerCase(
                name('testStatsCountForOneCreatedAndOneUpdatedTEI'),
                METADATA,
                async (sandbox, dir) => {
                    await importTracker(sandbox, fromJson(dir, fixture('single_tei')), OBJECT)
                    const report = await importTracker(
                        sandbox,
                        fromJson(dir, fixture('one_update_tei_and_one_new_tei')),
                        OBJECT_CREATE_AND_UPDATE
                    )
                    assertNoErrors(report)
                    expectStats(report, { created: 1, updated: 1, ignored: 0, deleted: 0 })
                }
            ),
            trackerCase(
                name('testStatsCountForOneCreatedAndOneUpdatedTEIAndOneInvalidTEI'),
                METADATA,
                async (sandbox, dir) => {
                    await importTracker(sandbox, fromJson(dir, fixture('single_tei')), OBJECT)
                    const report = await importTracker(
                        sandbox,
                        fromJson(
                            dir,
                            fixture('one_update_tei_and_one_new_tei_and_one_invalid_tei')
                        ),
                        OBJECT_CREATE_AND_UPDATE
                    )
                    expectPartialImport(report, { created: 1, updated: 1, ignored: 1, deleted: 0 })
                }
            ),
            trackerCase(
                name('testStatsCountForOneCreatedEnrollment'),
                METADATA,
                async (sandbox, dir) => {
                    await importTracker(sandbox, fromJson(dir, fixture('single_tei')), OBJECT)
                    const report = await importTracker(
                        sandbox,
                        fromJson(dir, fixture('single_enrollment')),
                        OBJECT_CREATE_AND_UPDATE
                    )
                    assertNoErrors(report)
                    expectStats(report, { created: 1, updated: 0, ignored: 0, deleted: 0 })
                }
            ),
            trackerCase(
                name('testStatsCountForOneCreatedEnrollmentAndUpdateSameEnrollment'),
                METADATA,
                async (sandbox, dir) => {
                    await importTracker(sandbox, fromJson(dir, fixture('single_tei')), OBJECT)
                    const first = await importTracker(
                        sandbox,
                        fromJson(dir, fixture('single_enrollment')),
                        OBJECT_CREATE_AND_UPDATE
                    )
                    assertNoErrors(first, 'first enrollment import')
                    expectStats(first, { created: 1, updated: 0, ignored: 0, deleted: 0 }, 'first')
                    const second = await importTracker(
                        sandbox,
                        fromJson(dir, fixture('single_enrollment')),
                        OBJECT_CREATE_AND_UPDATE
                    )
                    assertNoErrors(second, 'second enrollment import')
                    expectStats(
                        second,
                        { created: 0, updated: 1, ignored: 0, deleted: 0 },
                        'second'
                    )
                }
            ),
            trackerCase(
                name('testStatsCountForOneUpdateEnrollmentAndOneCreatedEnrollment'),
                METADATA,
                async (sandbox, dir) => {
                    await importTracker(
                        sandbox,
                        fromJson(dir, fixture('one_update_tei_and_one_new_tei')),
                        OBJECT
                    )
                    await importTracker(
                        sandbox,
                        fromJson(dir, fixture('single_enrollment')),
                        OBJECT
                    )
                    const report = await importTracker(
                        sandbox,
                        fromJson(dir, fixture('one_update_enrollment_and_one_new_enrollment')),
                        OBJECT_CREATE_AND_UPDATE
                    )
                    assertNoErrors(report)
                    expectStats(report, { created: 1, updated: 1, ignored: 0, deleted: 0 })
                }
            ),
            trackerCase(
                name(
                    'testStatsCountForOneUpdateEnrollmentAndOneCreatedEnrollmentAndOneInvalidEnrollment'
                ),
                METADATA,
                async (sandbox, dir) => {
                    await importTracker(sandbox, fromJson(dir, fixture('three_teis')), OBJECT)
                    await importTracker(
                        sandbox,
                        fromJson(dir, fixture('single_enrollment')),
                        OBJECT
                    )
                    const report = await importTracker(
                        sandbox,
                        fromJson(dir, fixture('one_update_and_one_new_and_one_invalid_enrollment')),
                        OBJECT_CREATE_AND_UPDATE
                    )
                    expectPartialImport(report, { created: 1, updated: 1, ignored: 1, deleted: 0 })
                }
            ),
            trackerCase(
                name('testStatsCountForOneCreatedEvent'),
                METADATA,
                async (sandbox, dir) => {
                    await importTracker(sandbox, fromJson(dir, fixture('single_tei')), OBJECT)
                    await importTracker(
                        sandbox,
                        fromJson(dir, fixture('single_enrollment')),
                        OBJECT
                    )
                    const report = await importTracker(
                        sandbox,
                        fromJson(dir, fixture('single_event')),
                        OBJECT
                    )
                    assertNoErrors(report)
                    expectStats(report, { created: 1, updated: 0, ignored: 0, deleted: 0 })
                }
            ),
            trackerCase(
                name('testStatsCountForOneUpdateEventAndOneNewEvent'),
                METADATA,
                async (sandbox, dir) => {
                    await importTracker(sandbox, fromJson(dir, fixture('single_tei')), OBJECT)
                    await importTracker(
                        sandbox,
                        fromJson(dir, fixture('single_enrollment')),
                        OBJECT
                    )
                    await importTracker(sandbox, fromJson(dir, fixture('single_event')), OBJECT)
                    const report = await importTracker(
                        sandbox,
                        fromJson(dir, fixture('one_update_event_and_one_new_event')),
                        OBJECT_CREATE_AND_UPDATE
                    )
                    assertNoErrors(report)
                    expectStats(report, { created: 1, updated: 1, ignored: 0, deleted: 0 })
                }
            ),
            trackerCase(
                name('testStatsCountForOneUpdateEventAndOneNewEventAndOneInvalidEvent'),
                METADATA,
                async (sandbox, dir) => {
                    await importTracker(sandbox, fromJson(dir, fixture('single_tei')), OBJECT)
                    await importTracker(
                        sandbox,
                        fromJson(dir, fixture('single_enrollment')),
                        OBJECT
                    )
                    await importTracker(sandbox, fromJson(dir, fixture('single_event')), OBJECT)
                    const report = await importTracker(
                        sandbox,
                        fromJson(dir, fixture('one_update_and_one_new_and_one_invalid_event')),
                        OBJECT_CREATE_AND_UPDATE
                    )
                    expectPartialImport(report, { created: 1, updated: 1, ignored: 1, deleted: 0 })
                }
            ),
        ],
        notExpressible: [],
    }
}

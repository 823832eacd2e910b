/**
 * dhis2-core `tracker/imports/validation/EventImportValidationTest` (2.41) over the Web API.
 */
import type { Dhis2Sandbox } from '../../../../sandbox/dhis2'
import type { CaseGroup, CoreCase } from '../case'
import { expectEqual, expectTrue } from '../case'
import {
    asArray,
    asObject,
    assertHasOnlyErrors,
    assertNoErrors,
    fromJson,
    getTrackerObject,
    importTracker,
    readIntegrationFixture,
    reportStats,
    toWebPayload,
    trackerCase,
} from './support'
import type { TrackerResponse } from './support'
import { importFileAs } from './validationTrackedEntity'

const ADMIN_USER_UID = 'M5zQapPyTZI'
const USER_2 = 'MbkW4Bhfw7o'
const USER_6 = 'VfaA5WwHLdP'
const V = 'tracker/validations/'
const UID = /^[a-zA-Z][a-zA-Z0-9]{10}$/

/** `getEventFromReport`: the first event of the report's EVENT type report. */
function eventUidOf(report: TrackerResponse): string {
    const typeReport = asObject(asObject(asObject(report.body.bundleReport).typeReportMap).EVENT)
    return String(asArray(typeReport.objectReports)[0]?.uid)
}

/** `createEvent`: CREATE_AND_UPDATE, no errors. */
async function createEvent(s: Dhis2Sandbox, dir: string, file: string): Promise<TrackerResponse> {
    const report = await importFileAs(s, dir, file, { importStrategy: 'CREATE_AND_UPDATE' })
    assertNoErrors(report, file)
    return report
}

/** The Java note assertions, on the Web API's view of a note (uid, storedAt, storedBy, createdBy). */
async function expectNotes(s: Dhis2Sandbox, event: string, texts: string[], since: number) {
    const response = await getTrackerObject(s, 'events', event, { fields: 'notes' })
    const notes = asArray(response.body.notes)
    expectEqual(notes.length, texts.length, 'notes')
    for (const text of texts) {
        const note = notes.find((n) => {
            const value = String(n.value)
            return value.startsWith(text) || value.endsWith(text)
        })
        if (!note) throw new Error(`Can't find a note starting or ending with ${text}`)
        expectTrue(UID.test(String(note.note)), `note uid ${String(note.note)}`)
        expectTrue(
            Date.parse(`${String(note.storedAt)}Z`) > since,
            `note ${text} created after the start`
        )
        expectEqual(note.storedBy, 'admin', `creator of ${text}`)
        expectEqual(asObject(note.createdBy).uid, ADMIN_USER_UID, `lastUpdatedBy of ${text}`)
    }
}

export function eventImportValidationCases(): CaseGroup {
    const name = (method: string) => `EventImportValidationTest.${method}`
    const metadata = 'tracker/tracker_basic_metadata.json'
    // initTest: the metadata, enrollments_te_te-data.json, enrollments_te_enrollments-data.json.
    const test = (
        method: string,
        body: (s: Dhis2Sandbox, dir: string) => Promise<void>
    ): CoreCase =>
        trackerCase(name(method), metadata, async (sandbox, dir) => {
            assertNoErrors(
                await importFileAs(sandbox, dir, 'enrollments_te_te-data.json'),
                'setup te'
            )
            assertNoErrors(
                await importFileAs(sandbox, dir, 'enrollments_te_enrollments-data.json'),
                'setup en'
            )
            await body(sandbox, dir)
        })
    const onlyErrors = (method: string, file: string, ...codes: string[]): CoreCase =>
        test(method, async (s, dir) =>
            assertHasOnlyErrors(await importFileAs(s, dir, file), ...codes)
        )
    const noErrors = (method: string, file: string): CoreCase =>
        test(method, async (s, dir) => assertNoErrors(await importFileAs(s, dir, file)))
    const deletedEventFails = (importStrategy: string) => async (s: Dhis2Sandbox, dir: string) => {
        await createEvent(s, dir, 'events-with-notes-data.json')
        const stored = await getTrackerObject(s, 'events', 'uLxFbxfYDQE')
        expectEqual(stored.httpStatus, 200, 'event uLxFbxfYDQE stored')
        // programStageServiceInstance.deleteEvent: a soft delete, as DELETE through the importer.
        const removal = { events: [{ event: 'uLxFbxfYDQE' }] }
        assertNoErrors(await importTracker(s, removal, { importStrategy: 'DELETE' }), 'delete')
        const report = await importFileAs(s, dir, 'events-with-notes-data.json', { importStrategy })
        assertHasOnlyErrors(report, 'E1082')
    }
    return {
        cases: [
            onlyErrors(
                'testInvalidEnrollmentPreventsValidEventFromBeingCreated',
                'invalid_enrollment_with_valid_event.json',
                'E1070',
                'E5000'
            ),
            onlyErrors(
                'failValidationWhenTrackedEntityAttributeHasWrongOptionValue',
                'events-with_invalid_option_value.json',
                'E1125'
            ),
            noErrors(
                'successWhenTrackedEntityAttributeHasValidOptionValue',
                'events-with_valid_option_value.json'
            ),
            noErrors('testEventValidationOkAll', 'events-with-registration.json'),
            noErrors(
                'testEventValidationOkWithoutAttributeOptionCombo',
                'events-without-attribute-option-combo.json'
            ),
            test('testTrackerAndProgramEventUpdateSuccess', async (s, dir) => {
                assertNoErrors(
                    await importFileAs(s, dir, 'program_and_tracker_events.json'),
                    'create'
                )
                const report = await importFileAs(s, dir, 'program_and_tracker_events.json', {
                    importStrategy: 'UPDATE',
                })
                assertNoErrors(report, 'update')
            }),
            test('testCantWriteAccessCatCombo', async (s, dir) => {
                const report = await importFileAs(
                    s,
                    dir,
                    'events-cat-write-access.json',
                    {},
                    USER_6
                )
                assertHasOnlyErrors(report, 'E1096', 'E1099', 'E1104', 'E1095')
            }),
            test('testNoWriteAccessToOrg', async (s, dir) => {
                const report = await importFileAs(
                    s,
                    dir,
                    'events-with-registration.json',
                    {},
                    USER_2
                )
                assertHasOnlyErrors(report, 'E1000')
            }),
            test('testNonRepeatableProgramStage', async (s, dir) => {
                assertNoErrors(
                    await importFileAs(s, dir, 'events_non-repeatable-programstage_part1.json')
                )
                assertHasOnlyErrors(
                    await importFileAs(s, dir, 'events_non-repeatable-programstage_part2.json'),
                    'E1039'
                )
            }),
            test('shouldSuccessfullyImportRepeatedEventsInEventProgram', async (s, dir) => {
                assertNoErrors(
                    await importFileAs(
                        s,
                        dir,
                        'program_events_non-repeatable-programstage_part1.json'
                    )
                )
                assertNoErrors(
                    await importFileAs(
                        s,
                        dir,
                        'program_events_non-repeatable-programstage_part2.json'
                    )
                )
            }),
            // fromJson fails on the unreadable dates; over the Web API the body is unreadable: 400.
            test('testWrongScheduledDateString', async (s, dir) => {
                const raw = readIntegrationFixture(dir, `${V}events_error-no-wrong-date.json`)
                const response = await importTracker(s, toWebPayload(raw))
                expectEqual(
                    response.httpStatus,
                    400,
                    `HTTP status (${JSON.stringify(response.body).slice(0, 300)})`
                )
            }),
            onlyErrors(
                'testEventProgramHasNonDefaultCategoryCombo',
                'events_non-default-combo.json',
                'E1055'
            ),
            test('shouldBlockUpdateOfCompletedEventWhenBlockEntryFormIsTrue', async (s, dir) => {
                const payload = fromJson(dir, `${V}single_active_event.json`)
                assertNoErrors(await importTracker(s, payload), 'active')
                const completed = {
                    ...payload,
                    events: asArray(payload.events).map((e, i) =>
                        i === 0 ? { ...e, status: 'COMPLETED' } : e
                    ),
                }
                assertNoErrors(await importTracker(s, completed), 'completing')
                assertHasOnlyErrors(await importTracker(s, completed), 'E1326')
            }),
            onlyErrors(
                'testCategoryOptionComboNotFound',
                'events_cant-find-cat-opt-combo.json',
                'E1115'
            ),
            onlyErrors(
                'testCategoryOptionComboNotFoundGivenSubsetOfCategoryOptions',
                'events_cant-find-aoc-with-subset-of-cos.json',
                'E1117'
            ),
            onlyErrors(
                'testCOFoundButAOCNotFound',
                'events_cant-find-aoc-but-co-exists.json',
                'E1115'
            ),
            onlyErrors('testCategoryOptionsNotFound', 'events_cant-find-cat-option.json', 'E1116'),
            onlyErrors(
                'testAttributeCategoryOptionNotInProgramCC',
                'events-aoc-not-in-program-cc.json',
                'E1054'
            ),
            onlyErrors(
                'testAttributeCategoryOptionAndCODoNotMatch',
                'events-aoc-and-co-dont-match.json',
                'E1117'
            ),
            onlyErrors(
                'testAttributeCategoryOptionCannotBeFoundForEventProgramCCAndGivenCategoryOption',
                'events_cant-find-cat-option-combo-for-given-cc-and-co.json',
                'E1117'
            ),
            onlyErrors(
                'testWrongDatesInCatCombo',
                'events_combo-date-wrong.json',
                'E1056',
                'E1057'
            ),
            test('testValidateAndAddNotesToEvent', async (s, dir) => {
                const since = Date.now()
                const report = await createEvent(s, dir, 'events-with-notes-data.json')
                await expectNotes(
                    s,
                    eventUidOf(report),
                    ['first note', 'second note', 'third note'],
                    since
                )
            }),
            test('testValidateAndAddNotesToUpdatedEvent', async (s, dir) => {
                const since = Date.now()
                await createEvent(s, dir, 'events-with-notes-data.json')
                const report = await createEvent(s, dir, 'events-with-notes-update-data.json')
                const texts = [
                    'first note',
                    'second note',
                    'third note',
                    '4th note',
                    '5th note',
                    '6th note',
                ]
                await expectNotes(s, eventUidOf(report), texts, since)
            }),
            test('testUpdateDeleteEventFails', deletedEventFails('UPDATE')),
            test('testInsertDeleteEventFails', deletedEventFails('CREATE_AND_UPDATE')),
            test('testEventDeleteOk', async (s, dir) => {
                assertNoErrors(await importFileAs(s, dir, 'events-with-registration.json'))
                const report = await importFileAs(s, dir, 'event-data-delete.json', {
                    importStrategy: 'DELETE',
                })
                assertNoErrors(report)
                expectEqual(reportStats(report).deleted, 1, 'deleted')
            }),
        ],
        notExpressible: [],
    }
}

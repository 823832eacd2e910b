/**
 * dhis2-core `tracker/imports/bundle/EnrollmentImportTest` and `EventImportTest` (2.41) over the
 * Web API: completedBy/completedAt and storedBy as the view classes show them.
 */
import type { Dhis2Sandbox } from '../../../../sandbox/dhis2'
import type { CaseGroup, CoreCase } from '../case'
import { expectEqual, expectTrue } from '../case'
import {
    asArray,
    assertNoErrors,
    fromJson,
    getTrackerObject,
    importTracker,
    trackerCase,
} from './support'
import type { JsonObject } from './support'

const METADATA = 'tracker/simple_metadata.json'
const DATA = 'tracker/te_enrollment_event.json'

/** The payload with its first `collection` object's status set (`setStatus` in Java). */
function withStatus(
    payload: JsonObject,
    collection: 'enrollments' | 'events',
    status: string
): JsonObject {
    return {
        ...payload,
        [collection]: asArray(payload[collection]).map((o, i) => (i === 0 ? { ...o, status } : o)),
    }
}

const firstUid = (payload: JsonObject, collection: 'enrollments' | 'events'): string => {
    const first = asArray(payload[collection])[0]
    return String(collection === 'enrollments' ? first?.enrollment : first?.event)
}

async function read(
    s: Dhis2Sandbox,
    kind: 'trackedEntities' | 'enrollments' | 'events',
    uid: string
) {
    const response = await getTrackerObject(s, kind, uid)
    expectEqual(response.httpStatus, 200, `GET ${kind}/${uid}`)
    return response.body
}

/** `assertEnrollmentCompletedData`. */
async function expectEnrollmentCompletedData(s: Dhis2Sandbox, uid: string): Promise<void> {
    const en = await read(s, 'enrollments', uid)
    const status = String(en.status)
    if (status === 'ACTIVE') {
        expectEqual(en.completedBy, undefined, 'completedBy of ACTIVE')
        expectEqual(en.completedAt, undefined, 'completedAt of ACTIVE')
    } else if (status === 'COMPLETED') {
        expectEqual(en.completedBy, 'admin', 'completedBy of COMPLETED')
        expectTrue(
            en.completedAt !== undefined && en.completedAt !== null,
            'completedAt of COMPLETED'
        )
    } else if (status === 'CANCELLED') {
        expectEqual(en.completedBy, undefined, 'completedBy of CANCELLED')
        expectTrue(
            en.completedAt !== undefined && en.completedAt !== null,
            'completedAt of CANCELLED'
        )
    }
}

function enrollmentImportCases(): CoreCase[] {
    const name = (method: string) => `EnrollmentImportTest.${method}`
    const statuses = ['ACTIVE', 'CANCELLED', 'COMPLETED']
    const transitions: Array<[string, string]> = [
        ['ACTIVE', 'COMPLETED'],
        ['ACTIVE', 'CANCELLED'],
        ['ACTIVE', 'COMPLETED'],
        ['CANCELLED', 'COMPLETED'],
        ['CANCELLED', 'CANCELLED'],
        ['CANCELLED', 'COMPLETED'],
        ['COMPLETED', 'COMPLETED'],
        ['COMPLETED', 'CANCELLED'],
        ['COMPLETED', 'COMPLETED'],
    ]
    return [
        ...statuses.map((status) =>
            trackerCase(
                name(`shouldCorrectlyPopulateCompletedDataWhenCreatingAnEnrollment(${status})`),
                METADATA,
                async (s, dir) => {
                    const payload = withStatus(fromJson(dir, DATA), 'enrollments', status)
                    assertNoErrors(await importTracker(s, payload))
                    await expectEnrollmentCompletedData(s, firstUid(payload, 'enrollments'))
                }
            )
        ),
        ...transitions.map(([saved, updated], index) =>
            trackerCase(
                name(
                    `shouldCorrectlyPopulateCompletedDataWhenUpdatingAnEnrollment[${index + 1}](${saved}, ${updated})`
                ),
                METADATA,
                async (s, dir) => {
                    const payload = fromJson(dir, DATA)
                    assertNoErrors(
                        await importTracker(s, withStatus(payload, 'enrollments', saved)),
                        saved
                    )
                    assertNoErrors(
                        await importTracker(s, withStatus(payload, 'enrollments', updated)),
                        updated
                    )
                    await expectEnrollmentCompletedData(s, firstUid(payload, 'enrollments'))
                }
            )
        ),
        trackerCase(
            name('shouldSetStoredByToAuthenticatedUserForTrackedEntity'),
            METADATA,
            async (s, dir) => {
                assertNoErrors(await importTracker(s, fromJson(dir, DATA)))
                const te = await getTrackerObject(s, 'trackedEntities', 'IOR1AXXl24H', {
                    fields: 'storedBy',
                })
                expectEqual(te.body.storedBy, 'admin', 'storedBy')
            }
        ),
        trackerCase(
            name('shouldSetStoredByToAuthenticatedUserForEnrollment'),
            METADATA,
            async (s, dir) => {
                assertNoErrors(await importTracker(s, fromJson(dir, DATA)))
                expectEqual(
                    (await read(s, 'enrollments', 'TvctPPhpD8u')).storedBy,
                    'admin',
                    'storedBy'
                )
            }
        ),
    ]
}

function eventImportCases(): CoreCase[] {
    const name = (method: string) => `EventImportTest.${method}`
    const notCompleted = ['ACTIVE', 'SCHEDULE', 'OVERDUE', 'SKIPPED']
    const expectCompleted = async (s: Dhis2Sandbox, uid: string) => {
        const ev = await read(s, 'events', uid)
        expectEqual(ev.completedBy, 'admin', 'completedBy')
        expectTrue(ev.completedAt !== undefined && ev.completedAt !== null, 'completedAt')
    }
    const expectNotCompleted = async (s: Dhis2Sandbox, uid: string) => {
        const ev = await read(s, 'events', uid)
        expectEqual(ev.completedBy, undefined, 'completedBy')
        expectEqual(ev.completedAt, undefined, 'completedAt')
    }
    return [
        trackerCase(
            name('shouldPopulateCompletedDataWhenCreatingAnEventWithStatusCompleted'),
            METADATA,
            async (s, dir) => {
                const payload = withStatus(fromJson(dir, DATA), 'events', 'COMPLETED')
                assertNoErrors(await importTracker(s, payload))
                await expectCompleted(s, firstUid(payload, 'events'))
            }
        ),
        ...notCompleted.map((status) =>
            trackerCase(
                name(
                    `shouldNotPopulateCompletedDataWhenCreatingAnEventWithNotCompletedStatus(${status})`
                ),
                METADATA,
                async (s, dir) => {
                    const payload = withStatus(fromJson(dir, DATA), 'events', status)
                    assertNoErrors(await importTracker(s, payload))
                    await expectNotCompleted(s, firstUid(payload, 'events'))
                }
            )
        ),
        trackerCase(
            name('shouldDeleteCompletedDataWhenUpdatingAnEventWithStatusActive'),
            METADATA,
            async (s, dir) => {
                const payload = fromJson(dir, DATA)
                assertNoErrors(
                    await importTracker(s, withStatus(payload, 'events', 'COMPLETED')),
                    'COMPLETED'
                )
                assertNoErrors(
                    await importTracker(s, withStatus(payload, 'events', 'ACTIVE')),
                    'ACTIVE'
                )
                await expectNotCompleted(s, firstUid(payload, 'events'))
            }
        ),
        ...notCompleted.map((status) =>
            trackerCase(
                name(
                    `shouldPopulateCompletedDataWhenUpdatingAnEventWithStatusCompleted(${status})`
                ),
                METADATA,
                async (s, dir) => {
                    const payload = fromJson(dir, DATA)
                    assertNoErrors(
                        await importTracker(s, withStatus(payload, 'events', status)),
                        status
                    )
                    assertNoErrors(
                        await importTracker(s, withStatus(payload, 'events', 'COMPLETED')),
                        'COMPLETED'
                    )
                    await expectCompleted(s, firstUid(payload, 'events'))
                }
            )
        ),
        trackerCase(
            name('shouldSetStoredByToAuthenticatedUserForEvent'),
            METADATA,
            async (s, dir) => {
                assertNoErrors(await importTracker(s, fromJson(dir, DATA)))
                expectEqual((await read(s, 'events', 'D9PbzJY8bJO')).storedBy, 'admin', 'storedBy')
            }
        ),
    ]
}

export function completionCases(): CaseGroup {
    return { cases: [...enrollmentImportCases(), ...eventImportCases()], notExpressible: [] }
}

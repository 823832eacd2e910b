/**
 * dhis2-core `tracker/imports/bundle/TrackerBundleServiceTest`, `TrackerEventBundleServiceTest` and
 * `EventDataValueTest` (2.41) over the Web API.
 */
import type { CaseGroup } from '../case'
import { expectEqual, expectTrue } from '../case'
import {
    allEvents,
    allTrackedEntities,
    asArray,
    assertNoErrors,
    fromJson,
    getTrackerObject,
    importTracker,
    request,
    trackerCase,
} from './support'
import type { Dhis2Sandbox } from '../../../../sandbox/dhis2'

function trackerBundleServiceCases(): CaseGroup {
    const name = (method: string) => `TrackerBundleServiceTest.${method}`
    const metadata = 'tracker/tracker_basic_metadata.json'
    return {
        cases: [
            trackerCase(name('testVerifyMetadata'), metadata, async (s) => {
                const program = await request(
                    s,
                    'GET',
                    'programs/E8o1E9tAppy?fields=id,programStages'
                )
                const orgUnit = await request(s, 'GET', 'organisationUnits/QfUVllTs6cS?fields=id')
                expectEqual(program.httpStatus, 200, 'program E8o1E9tAppy')
                expectEqual(orgUnit.httpStatus, 200, 'org unit QfUVllTs6cS')
                expectTrue(asArray(program.body.programStages).length > 0, 'program has stages')
            }),
            // trackerBundleService.create + commit, no validation: validationMode=SKIP as a superuser.
            trackerCase(name('testTrackedEntityImport'), metadata, async (s, dir) => {
                const payload = fromJson(dir, 'tracker/trackedentity_basic_data.json')
                expectEqual(asArray(payload.trackedEntities).length, 13, 'tracked entities sent')
                await importTracker(s, payload, { validationMode: 'SKIP' })
                expectEqual((await allTrackedEntities(s)).length, 13, 'tracked entities stored')
            }),
        ],
        notExpressible: [],
    }
}

function trackerEventBundleServiceCases(): CaseGroup {
    const name = (method: string) => `TrackerEventBundleServiceTest.${method}`
    const metadata = 'tracker/event_metadata.json'
    const data = 'tracker/event_events_and_enrollment.json'
    return {
        cases: [
            trackerCase(name('testCreateSingleEventData'), metadata, async (s, dir) => {
                const payload = fromJson(dir, data)
                expectEqual(asArray(payload.events).length, 8, 'events sent')
                assertNoErrors(await importTracker(s, payload))
                expectEqual((await allEvents(s)).length, 8, 'events stored')
            }),
            trackerCase(name('testUpdateSingleEventData'), metadata, async (s, dir) => {
                const params = { importStrategy: 'CREATE_AND_UPDATE' }
                assertNoErrors(await importTracker(s, fromJson(dir, data), params), 'first')
                expectEqual((await allEvents(s)).length, 8, 'events after the first import')
                assertNoErrors(await importTracker(s, fromJson(dir, data), params), 'second')
                expectEqual((await allEvents(s)).length, 8, 'events after the second import')
            }),
        ],
        notExpressible: [],
    }
}

function eventDataValueCases(): CaseGroup {
    const name = (method: string) => `EventDataValueTest.${method}`
    const metadata = 'tracker/simple_metadata.json'
    const test = (method: string, body: (s: Dhis2Sandbox, dir: string) => Promise<void>) =>
        trackerCase(name(method), metadata, async (s, dir) => {
            assertNoErrors(
                await importTracker(s, fromJson(dir, 'tracker/single_tei.json')),
                'setup te'
            )
            assertNoErrors(
                await importTracker(s, fromJson(dir, 'tracker/single_enrollment.json')),
                'setup en'
            )
            await body(s, dir)
        })
    const onlyEvent = async (s: Dhis2Sandbox) => {
        const events = await allEvents(s)
        expectEqual(events.length, 1, 'events')
        const read = await getTrackerObject(s, 'events', String(events[0]?.event))
        return asArray(read.body.dataValues)
    }
    return {
        cases: [
            test('successWhenEventHasNoProgramAndHasProgramStage', async (s, dir) => {
                assertNoErrors(
                    await importTracker(
                        s,
                        fromJson(dir, 'tracker/validations/events-with_no_program.json')
                    )
                )
            }),
            test('testEventDataValue', async (s, dir) => {
                assertNoErrors(
                    await importTracker(s, fromJson(dir, 'tracker/event_with_data_values.json'))
                )
                expectEqual((await onlyEvent(s)).length, 4, 'data values')
            }),
            test('testEventDataValueUpdate', async (s, dir) => {
                assertNoErrors(
                    await importTracker(s, fromJson(dir, 'tracker/event_with_data_values.json'))
                )
                const before = await onlyEvent(s)
                expectEqual(before.length, 4, 'data values')
                const update = fromJson(dir, 'tracker/event_with_updated_data_values.json')
                assertNoErrors(
                    await importTracker(s, update, { importStrategy: 'CREATE_AND_UPDATE' }),
                    'update'
                )
                const after = await onlyEvent(s)
                expectEqual(after.length, 3, 'data values after the update')
                const values = after.map((dv) => dv.value)
                for (const v of ['First', 'Second', 'Fourth updated'])
                    expectTrue(values.includes(v), `a data value ${v} in ${JSON.stringify(values)}`)
                const fourth = (list: typeof after) =>
                    list.find((dv) => dv.dataElement === 'DATAEL00004')
                expectEqual(
                    fourth(after)?.createdAt,
                    fourth(before)?.createdAt,
                    'created of DATAEL00004'
                )
                expectEqual(fourth(after)?.value, 'Fourth updated', 'value of DATAEL00004')
            }),
            test('shouldSetStoredByToAuthenticatedUserForEventDataValues', async (s, dir) => {
                assertNoErrors(
                    await importTracker(s, fromJson(dir, 'tracker/event_with_data_values.json'))
                )
                for (const dv of await onlyEvent(s))
                    expectEqual(dv.storedBy, 'admin', `storedBy of ${String(dv.dataElement)}`)
            }),
        ],
        notExpressible: [],
    }
}

export function bundleServiceCases(): CaseGroup {
    const groups = [
        trackerBundleServiceCases(),
        trackerEventBundleServiceCases(),
        eventDataValueCases(),
    ]
    return {
        cases: groups.flatMap((g) => g.cases),
        notExpressible: groups.flatMap((g) => g.notExpressible),
    }
}

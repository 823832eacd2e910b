/**
 * @jest-environment node
 */
import { JsonRecord, records } from '../json'
import {
    bdModel,
    body,
    buildRequest,
    call,
    fixture,
    keysOf,
    responseFixture,
} from '../testing/request'
import { enrollment, trackedEntity } from './testData'
import { statusOf } from './testImport'

/** Asynchronous imports: the accepted job, its notifications and report, per version. */

describe('POST tracker (async)', () => {
    it.each([
        [40, 'TrackerJob'],
        [41, undefined],
        [42, 'TrackerJobWebMessageResponse'],
    ] as const)(
        '2.%i: job accepted → notifications newest first → report; lost after loseJobState',
        async (minor, responseType) => {
            let now = new Date('2024-06-03T10:21:07Z').getTime()
            const model = bdModel(minor, {
                clock: { now: () => new Date(now) },
                asyncJobDelayMs: 500,
            })
            const res = await call(
                model,
                buildRequest(minor, 'POST', 'tracker', {
                    body: {
                        trackedEntities: [
                            trackedEntity('Asyncte0001', 'AS-1', [enrollment('Asyncen0001')]),
                        ],
                    },
                })
            )
            const accepted = body(res)
            const expected = fixture('tracker-async-accepted.json')
            expect(keysOf(accepted)).toEqual(keysOf(expected))
            expect(accepted).toMatchObject({
                httpStatus: 'OK',
                httpStatusCode: 200,
                status: 'OK',
                message: 'Tracker job added',
            })
            const response = accepted.response as JsonRecord
            expect(response.responseType).toBe(responseType)
            const id = String(response.id)
            expect(response.location).toBe(`https://dhis2.example.org/api/tracker/jobs/${id}`)
            expect(res.headers?.Location).toBe(response.location)
            expect(await statusOf(model, minor, `tracker/jobs/${id}/report`)).toBe(404)
            now += 500
            const notifications = records(
                (await call(model, buildRequest(minor, 'GET', `tracker/jobs/${id}`))).body
            )
            const fixtureNotes = records(responseFixture('tracker-job-notifications.json'))
            expect(notifications).toHaveLength(12)
            expect(keysOf(notifications[0])).toEqual(keysOf(fixtureNotes[0]))
            expect(notifications[0]).toMatchObject({
                uid: id,
                completed: true,
                message:
                    'Import complete with status OK, 2 created, 0 updated, 0 deleted, 0 ignored',
            })
            expect(notifications[11]).toMatchObject({
                message: 'Tracker import started',
                dataType: 'PARAMETERS',
            })
            const report = body(
                await call(model, buildRequest(minor, 'GET', `tracker/jobs/${id}/report`))
            )
            expect(report).toMatchObject({ status: 'OK', stats: { created: 2 } })
            model.loseJobState()
            expect(await statusOf(model, minor, `tracker/jobs/${id}/report`)).toBe(404)
        }
    )
})

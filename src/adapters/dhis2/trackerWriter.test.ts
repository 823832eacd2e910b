/**
 * @jest-environment node
 */
import accepted from '../../../test/fixtures/dhis2/responses/tracker-async-accepted.json'
import notifications from '../../../test/fixtures/dhis2/responses/tracker-job-notifications.json'
import reportError from '../../../test/fixtures/dhis2/responses/tracker-report-error.json'
import reportOk from '../../../test/fixtures/dhis2/responses/tracker-report-ok.json'
import { FakeClock } from '../../../test/fakes/fakeClock'
import type { TrackerPayload } from '../../core/tracker/payload'
import { emptyTrackerPayload } from '../../core/tracker/payload'
import { WriteCancelledError } from './failures'
import type { Script } from './testing/scriptedEngine'
import { fail, httpError, networkError, reply, scriptedEngine } from './testing/scriptedEngine'
import { createTrackerWriter } from './trackerWriter'

const JOB = 'aYMT42idP8q'
const running = [{ ...notifications[1], completed: false }]
const v41 = { major: 2, minor: 41, patch: 3 }
const commit = { dryRun: false, strategy: 'CREATE_AND_UPDATE' } as const

function writer(script: Script, options: { maxPollMs?: number; sync?: boolean } = {}) {
    const engine = scriptedEngine(script)
    const clock = new FakeClock()
    const target = createTrackerWriter(engine, v41, {
        clock,
        pollIntervalMs: 100,
        maxPollMs: options.maxPollMs ?? 60_000,
        sync: options.sync,
    })
    return { engine, clock, target }
}

// DHIS2 answers a job's report with 404 until the job is done (TrackerImportController.getJobReport).
const notReady = fail(
    httpError(404, { httpStatusCode: 404, message: `Summary for job ${JOB} does not exist` })
)

/** A job that is still running at the first poll and done at the second. */
const asyncJob = (report: unknown): Script => ({
    'create tracker': reply(accepted),
    [`read tracker/jobs/${JOB}`]: [reply(running), reply(notifications)],
    [`read tracker/jobs/${JOB}/report`]: [notReady, reply(report)],
})

/** A job that never gets done: its report stays a 404. */
const neverDone = (notificationAnswers: Script[string]): Script => ({
    'create tracker': reply(accepted),
    [`read tracker/jobs/${JOB}`]: notificationAnswers,
    [`read tracker/jobs/${JOB}/report`]: notReady,
})

const oneEvent: TrackerPayload = {
    ...emptyTrackerPayload(),
    events: [
        {
            event: 'Tbhut1lcO2m',
            enrollment: 'rP1YcJhxdLR',
            trackedEntity: 'r8T8cT9Llcp',
            program: 'C15BBx4PSBf',
            programStage: 'CH7Lg690vBD',
            orgUnit: 'yI54G6cBAtY',
            status: 'COMPLETED',
            occurredAt: '2024-02-12',
            dataValues: [],
        },
    ],
}

describe('the tracker writer', () => {
    it('sends nothing for an empty payload', async () => {
        const { engine, target } = writer({})
        const result = await target.importTracker(emptyTrackerPayload(), commit)
        expect(result).toMatchObject({ status: 'OK', rejected: [] })
        expect(engine.requests).toEqual([])
    })

    it('posts an async OBJECT-atomic import, polls until the job is done and reads its report', async () => {
        const { engine, clock, target } = writer(asyncJob(reportOk))
        const result = await target.importTracker(oneEvent, commit)

        expect(result).toEqual({
            status: 'OK',
            counts: { created: 4, updated: 0, deleted: 0, ignored: 0 },
            conflicts: [],
            rejected: [],
        })
        expect(engine.requests[0]?.params).toEqual({
            async: true,
            atomicMode: 'OBJECT',
            importMode: 'COMMIT',
            importStrategy: 'CREATE_AND_UPDATE',
            reportMode: 'ERRORS',
        })
        // Each poll reads the report first; only while there is none, the notifications.
        expect(engine.requests.map((r) => r.id)).toEqual([
            undefined,
            `${JOB}/report`,
            JOB,
            `${JOB}/report`,
        ])
        expect(clock.sleeps).toEqual([100, 200])
    })

    it('needs two requests for a job that is done by the first poll', async () => {
        const { engine, target } = writer({
            'create tracker': reply(accepted),
            [`read tracker/jobs/${JOB}/report`]: reply(reportOk),
        })
        expect((await target.importTracker(oneEvent, commit)).status).toBe('OK')
        expect(engine.requests.map((r) => r.id)).toEqual([undefined, `${JOB}/report`])
    })

    it('validates only (importMode=VALIDATE) on a dry run', async () => {
        const { engine, target } = writer(asyncJob(reportOk))
        await target.importTracker(oneEvent, { ...commit, dryRun: true })
        expect(engine.requests[0]?.params.importMode).toBe('VALIDATE')
    })

    it('maps every error report to the object it names', async () => {
        const { target } = writer(asyncJob(reportError))
        const result = await target.importTracker(oneEvent, commit)

        expect(result.status).toBe('ERROR')
        expect(result.failure).toBeUndefined()
        expect(result.counts).toEqual({ created: 0, updated: 0, deleted: 0, ignored: 6 })
        expect(result.rejected).toEqual([
            {
                trackerType: 'TRACKED_ENTITY',
                uid: 'InJXchfDZFU',
                errors: [
                    {
                        code: 'E1064',
                        message:
                            'Non-unique attribute value `BD-KAL-000123` for attribute `caS6LyxoM41`',
                        uid: 'InJXchfDZFU',
                        object: 'InJXchfDZFU',
                        trackerType: 'TRACKED_ENTITY',
                    },
                ],
            },
            expect.objectContaining({
                uid: 'OuZ4H4O8P2n',
                errors: [expect.objectContaining({ code: 'E1000' })],
            }),
        ])
    })

    it('reads errors that a bundle report lists per object', async () => {
        const report = {
            ...reportOk,
            status: 'ERROR',
            bundleReport: {
                typeReportMap: {
                    EVENT: {
                        objectReports: [
                            {
                                trackerType: 'EVENT',
                                uid: 'Tbhut1lcO2m',
                                errorReports: [
                                    { errorCode: 'E1087', message: 'Data element not found' },
                                ],
                            },
                        ],
                    },
                },
            },
        }
        const { target } = writer(asyncJob(report))
        const result = await target.importTracker(oneEvent, commit)
        expect(result.rejected).toEqual([
            {
                trackerType: 'EVENT',
                uid: 'Tbhut1lcO2m',
                errors: [expect.objectContaining({ code: 'E1087', uid: 'Tbhut1lcO2m' })],
            },
        ])
    })

    it('normalises the 409 of a sync import, whose body is the report', async () => {
        const { engine, target } = writer(
            { 'create tracker': fail(httpError(409, reportError)) },
            { sync: true }
        )
        const result = await target.importTracker(oneEvent, commit)
        expect(engine.requests[0]?.params.async).toBe(false)
        expect(result.rejected.map((r) => r.uid)).toEqual(['InJXchfDZFU', 'OuZ4H4O8P2n'])
    })

    it('waits for a report that is not ready yet (404) once the job has completed', async () => {
        const { target } = writer({
            ...asyncJob(reportOk),
            [`read tracker/jobs/${JOB}`]: reply(notifications),
            [`read tracker/jobs/${JOB}/report`]: [
                fail(httpError(404, { httpStatusCode: 404, message: 'not ready' })),
                reply(reportOk),
            ],
        })
        const result = await target.importTracker(oneEvent, commit)
        expect(result.counts.created).toBe(4)
    })

    it.each([
        ['whose notifications vanish (DHIS2 restarted)', [reply(running), reply([])]],
        ['that DHIS2 no longer knows (404)', [fail(httpError(404, { httpStatusCode: 404 }))]],
    ])('fails a job %s as retryable, without waiting for ever', async (_, answers) => {
        const { target } = writer(neverDone(answers))
        const result = await target.importTracker(oneEvent, commit)
        expect(result.failure).toEqual({
            kind: 'transport',
            retryable: true,
            code: 'DHIS2_IMPORT_REPORT_LOST',
            message: expect.stringContaining('sent again in the next run'),
        })
        expect(result.rejected).toEqual([])
    })

    it('gives up on a job that never completes after maxPollMs, as retryable', async () => {
        const { clock, target } = writer(neverDone(reply(running)), { maxPollMs: 5_000 })
        const result = await target.importTracker(oneEvent, commit)
        expect(result.failure).toMatchObject({ code: 'DHIS2_IMPORT_TIMEOUT', retryable: true })
        expect(clock.sleeps.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(5_000)
    })

    it('keeps polling through a network blip', async () => {
        const { target } = writer({
            ...asyncJob(reportOk),
            [`read tracker/jobs/${JOB}`]: [fail(networkError()), reply(notifications)],
        })
        expect((await target.importTracker(oneEvent, commit)).status).toBe('OK')
    })

    it.each([
        ['a network error', networkError(), 'transport', true],
        // undici rejects the body read this way when the connection resets mid-answer.
        [
            'a connection reset while the answer arrives',
            new TypeError('terminated'),
            'transport',
            true,
        ],
        ['a 503', httpError(503, { httpStatusCode: 503 }), 'transport', true],
        ['a 502 without body', httpError(502), 'transport', true],
        [
            'a 401',
            httpError(401, { httpStatusCode: 401, message: 'Unauthorized' }),
            'access',
            false,
        ],
        ['a 403', httpError(403), 'access', false],
        [
            'a 400 WebMessage',
            httpError(400, { httpStatusCode: 400, status: 'ERROR', message: 'Bad payload' }),
            'rejected',
            false,
        ],
        [
            'a 409 WebMessage without a report',
            httpError(409, {
                httpStatusCode: 409,
                status: 'ERROR',
                message: 'Conflict',
                errorCode: 'E1004',
            }),
            'rejected',
            false,
        ],
    ] as const)(
        'turns %s into a %s failure (retryable: %s), never a throw',
        async (_, error, kind, retryable) => {
            const { target } = writer({ 'create tracker': fail(error) })
            const result = await target.importTracker(oneEvent, commit)
            expect(result.status).toBe('ERROR')
            expect(result.failure).toMatchObject({ kind, retryable })
            expect(result.rejected).toEqual([])
        }
    )

    it('deletes events by UID with importStrategy=DELETE', async () => {
        const { engine, target } = writer(asyncJob(reportOk))
        await target.deleteEvents(['Tbhut1lcO2m'], { dryRun: false })
        expect(engine.requests[0]?.params.importStrategy).toBe('DELETE')
        expect(engine.requests[0]?.data).toEqual({ events: [{ event: 'Tbhut1lcO2m' }] })
    })

    it('stops with a cancellation when the run is aborted', async () => {
        const controller = new AbortController()
        const { target } = writer(
            neverDone(() => {
                controller.abort()
                return running
            })
        )
        await expect(
            target.importTracker(oneEvent, { ...commit, signal: controller.signal })
        ).rejects.toThrow(WriteCancelledError)
    })
})

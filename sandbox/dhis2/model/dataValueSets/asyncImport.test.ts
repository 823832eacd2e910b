/**
 * @jest-environment node
 */
import { JsonRecord, records } from '../json'
import { bdModel, body, buildRequest, call } from '../testing/request'
import { bcg, payload } from './testData'

/** An asynchronous import as a job: tasks, then the summary, until the job state is lost (2.42). */

describe('POST dataValueSets — validation and semantics (2.42)', () => {
    it('async import: job → notifications → summary; lost after loseJobState', async () => {
        let now = new Date('2024-06-03T10:00:00Z').getTime()
        const model = bdModel(42, { clock: { now: () => new Date(now) }, asyncJobDelayMs: 1000 })
        const res = await call(
            model,
            buildRequest(42, 'POST', 'dataValueSets', {
                body: payload([bcg('1')]),
                query: { async: 'true' },
            })
        )
        expect(body(res)).toMatchObject({
            httpStatus: 'OK',
            // From 2.41 the job is named after its type and start (JobConfiguration(JobType)).
            message: `Initiated DATAVALUE_IMPORT (${now})`,
            response: {
                jobType: 'DATAVALUE_IMPORT',
                responseType: 'JobConfigurationWebMessageResponse',
            },
        })
        const id = String((body(res).response as JsonRecord).id)
        const summaryPath = `system/taskSummaries/DATAVALUE_IMPORT/${id}`
        // Not ready: SystemController answers 200 with an empty body.
        const early = await call(model, buildRequest(42, 'GET', summaryPath))
        expect(early).toEqual({ status: 200 })
        const pending = await call(
            model,
            buildRequest(42, 'GET', `system/tasks/DATAVALUE_IMPORT/${id}`)
        )
        expect(records(pending.body)[0]).toMatchObject({ completed: false })
        now += 1000
        const tasks = await call(
            model,
            buildRequest(42, 'GET', `system/tasks/DATAVALUE_IMPORT/${id}`)
        )
        expect(records(tasks.body)[0]).toMatchObject({
            completed: true,
            category: 'DATAVALUE_IMPORT',
        })
        const summary = body(await call(model, buildRequest(42, 'GET', summaryPath)))
        expect(summary).toMatchObject({
            responseType: 'ImportSummary',
            status: 'SUCCESS',
            importCount: { imported: 1 },
        })
        model.loseJobState()
        expect(await call(model, buildRequest(42, 'GET', summaryPath))).toEqual({ status: 200 })
    })
})

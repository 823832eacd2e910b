/**
 * @jest-environment node
 */
import conflict240 from '../../../test/fixtures/dhis2/responses/dataValueSets-conflict-2.40.json'
import success240 from '../../../test/fixtures/dhis2/responses/dataValueSets-success-2.40.json'
import { FakeClock } from '../../../test/fakes/fakeClock'
import type { DataValuePayload } from '../../core/ports/dhis2Target'
import { createDataValueSetsWriter } from './dataValueSetsWriter'
import type { Script } from './testing/scriptedEngine'
import { fail, httpError, networkError, reply, scriptedEngine } from './testing/scriptedEngine'

const MONTHLY = 'Qnf0P01U3T1'
const value = (orgUnit: string, period: string, v = '1'): DataValuePayload => ({
    dataElement: 'B0jp1RrdN32',
    period,
    orgUnit,
    categoryOptionCombo: 'ocU7V0kuUHq',
    attributeOptionCombo: 'HllvX50cXC0',
    value: v,
})
const commit = { dryRun: false }

function writer(script: Script, minor = 40, asyncThreshold = 100) {
    const engine = scriptedEngine(script)
    const clock = new FakeClock()
    const target = createDataValueSetsWriter(
        engine,
        { major: 2, minor, patch: 0 },
        { clock, asyncThreshold, pollIntervalMs: 100, maxPollMs: 10_000 }
    )
    return { engine, target }
}

const summary = (status: string, importCount: object, conflicts: object[] = []) => ({
    responseType: 'ImportSummary',
    status,
    importCount: { imported: 0, updated: 0, ignored: 0, deleted: 0, ...importCount },
    conflicts,
})

describe('the dataValueSets writer', () => {
    it('posts the data set at the root, upserts, and reads the 200 summary', async () => {
        const { engine, target } = writer({ 'create dataValueSets': reply(success240) })
        const values = [value('yI54G6cBAtY', '202405')]
        const result = await target.importDataValues(MONTHLY, values, { dryRun: true })
        expect(result.counts).toEqual({ created: 37, updated: 2, deleted: 0, ignored: 0 })
        expect(engine.requests[0]?.params).toEqual({
            dryRun: true,
            async: false,
            importStrategy: 'CREATE_AND_UPDATE',
        })
        expect(engine.requests[0]?.data).toEqual({ dataSet: MONTHLY, dataValues: values })
    })

    it('reads the conflicts of a 409 (the engine rejects it) instead of failing', async () => {
        const { target } = writer({ 'create dataValueSets': fail(httpError(409, conflict240)) })
        const result = await target.importDataValues(MONTHLY, [], commit)
        expect(result.failure).toBeUndefined()
        expect(result.conflicts.map((c) => c.code)).toEqual(['E7619', 'E7617', 'E7610'])
    })

    it.each([
        ['a network error', networkError(), 'transport', true],
        ['a 502', httpError(502), 'transport', true],
        ['a 401', httpError(401), 'access', false],
        [
            'a 403',
            httpError(403, { httpStatusCode: 403, message: 'Access is denied' }),
            'access',
            false,
        ],
    ] as const)('turns %s into a %s failure (retryable: %s)', async (_, error, kind, retryable) => {
        const { target } = writer({ 'create dataValueSets': fail(error) })
        const result = await target.importDataValues(MONTHLY, [value('a', '202405')], commit)
        expect(result.failure).toMatchObject({ kind, retryable })
    })

    it('imports large payloads as an async job and reads its task summary', async () => {
        const { engine, target } = writer(
            {
                'create dataValueSets': reply({
                    httpStatus: 'OK',
                    status: 'OK',
                    message: 'Initiated dataValueImport',
                    response: { id: 'JOB12345678', jobType: 'DATAVALUE_IMPORT' },
                }),
                'read system/tasks/DATAVALUE_IMPORT/JOB12345678': [
                    reply([{ completed: false, message: 'Process started' }]),
                    reply([{ completed: true, message: 'Import done' }]),
                ],
                'read system/taskSummaries/DATAVALUE_IMPORT/JOB12345678': reply(
                    summary('SUCCESS', { imported: 3 })
                ),
            },
            40,
            2
        )
        const values = [1, 2, 3].map((n) => value('yI54G6cBAtY', `20240${n}`))
        const result = await target.importDataValues(MONTHLY, values, commit)
        expect(engine.requests[0]?.params.async).toBe(true)
        expect(result).toMatchObject({ status: 'OK', counts: { created: 3 } })
    })

    it('on 2.43 posts each org unit and period alone when a group check threw all values away', async () => {
        const values = [
            value('yI54G6cBAtY', '202405'),
            value('TJVyV3rXr9T', '202405'),
            value('yI54G6cBAtY', '202405', '2'),
        ]
        const groupRejected = httpError(409, {
            httpStatusCode: 409,
            status: 'ERROR',
            response: summary('ERROR', {}, [
                { errorCode: 'E8022', value: 'Org unit not assigned', indexes: [0, 1, 2] },
            ]),
        })
        const { engine, target } = writer(
            {
                'create dataValueSets': [
                    fail(groupRejected),
                    reply({ status: 'OK', response: summary('SUCCESS', { updated: 2 }) }),
                    fail(
                        httpError(409, {
                            httpStatusCode: 409,
                            status: 'ERROR',
                            response: summary('ERROR', {}, [
                                {
                                    errorCode: 'E8022',
                                    value: 'Org unit not assigned',
                                    indexes: [0],
                                },
                            ]),
                        })
                    ),
                ],
            },
            43
        )
        const result = await target.importDataValues(MONTHLY, values, commit)
        const sizes = engine.requests.map((r) => {
            const posted: unknown = Object(r.data).dataValues
            return Array.isArray(posted) ? posted.length : 0
        })
        expect(sizes).toEqual([3, 2, 1])
        expect(result.counts.updated).toBe(2)
        expect(result.rejectedIndexes).toEqual([1])
        expect(result.conflicts).toEqual([expect.objectContaining({ code: 'E8022', indexes: [1] })])
        expect(result.status).toBe('ERROR')
    })

    it('does not split on versions that reject value by value', async () => {
        const { engine, target } = writer(
            { 'create dataValueSets': fail(httpError(409, conflict240)) },
            42
        )
        await target.importDataValues(MONTHLY, [value('a', '1'), value('b', '2')], commit)
        expect(engine.requests).toHaveLength(1)
    })
})

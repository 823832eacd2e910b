/**
 * @jest-environment node
 */
import teiSummaries from '../../../test/fixtures/dhis2/responses/legacy-tei-import-summaries.json'
import { FakeClock } from '../../../test/fakes/fakeClock'
import type { TrackerPayload } from '../../core/tracker/payload'
import { LEGACY_CONFLICT, legacyObjectResults } from './legacyImportSummaries'
import { createLegacyTrackerWriter } from './legacyTrackerWriter'
import type { Script } from './testing/scriptedEngine'
import { fail, httpError, reply, scriptedEngine } from './testing/scriptedEngine'

const TE = 'r8T8cT9Llcp'
const EN = 'rP1YcJhxdLR'
const EV = 'Tbhut1lcO2m'
const commit = { dryRun: false, strategy: 'CREATE_AND_UPDATE' } as const

const payload: TrackerPayload = {
    trackedEntities: [
        {
            trackedEntity: TE,
            trackedEntityType: 'ligA6yGUkYl',
            orgUnit: 'yI54G6cBAtY',
            attributes: [{ attribute: 'caS6LyxoM41', value: 'BD-KAL-000123' }],
        },
    ],
    enrollments: [
        {
            enrollment: EN,
            trackedEntity: TE,
            program: 'C15BBx4PSBf',
            orgUnit: 'yI54G6cBAtY',
            status: 'ACTIVE',
            enrolledAt: '2024-02-12',
            occurredAt: '2024-02-11',
        },
    ],
    events: [
        {
            event: EV,
            enrollment: EN,
            trackedEntity: TE,
            program: 'C15BBx4PSBf',
            programStage: 'CH7Lg690vBD',
            orgUnit: 'yI54G6cBAtY',
            status: 'COMPLETED',
            occurredAt: '2024-02-12',
            dataValues: [{ dataElement: 'qR6eP15RJ7h', value: 'BCG' }],
        },
    ],
    relationships: [],
}

const ok = (reference: string, imported = 1) => ({
    httpStatus: 'OK',
    status: 'OK',
    response: {
        responseType: 'ImportSummaries',
        status: 'SUCCESS',
        importSummaries: [
            {
                status: 'SUCCESS',
                importCount: { imported, updated: 1 - imported, ignored: 0, deleted: 0 },
                conflicts: [],
                reference,
            },
        ],
    },
})

const refusedTei = httpError(409, {
    httpStatus: 'Conflict',
    httpStatusCode: 409,
    status: 'ERROR',
    message: 'One or more conflicts encountered, please check import summary.',
    response: {
        responseType: 'ImportSummaries',
        status: 'ERROR',
        importSummaries: [
            {
                status: 'ERROR',
                importCount: { imported: 0, updated: 0, ignored: 1, deleted: 0 },
                conflicts: [{ object: 'caS6LyxoM41', value: 'Non-unique attribute value' }],
                reference: TE,
            },
        ],
    },
})

function writer(script: Script) {
    const engine = scriptedEngine(script)
    const target = createLegacyTrackerWriter(
        engine,
        { major: 2, minor: 40, patch: 0 },
        {
            clock: new FakeClock(),
            pollIntervalMs: 10,
        }
    )
    return { engine, target }
}

describe('the legacy tracker writer', () => {
    it('reads the ImportSummaries of a bulk post, per object', () => {
        expect(legacyObjectResults(teiSummaries, 'TRACKED_ENTITY', [TE])).toEqual({
            counts: { created: 1, updated: 0, deleted: 0, ignored: 0 },
            conflicts: [],
            rejected: [],
        })
    })

    it('posts instances, then enrollments, then events, with our UIDs and legacy names', async () => {
        const { engine, target } = writer({
            'create trackedEntityInstances': reply(teiSummaries),
            'create enrollments': reply(ok(EN)),
            'create events': reply(ok(EV, 0)),
        })
        const result = await target.importTracker(payload, commit)

        expect(result).toEqual({
            status: 'OK',
            counts: { created: 2, updated: 1, deleted: 0, ignored: 0 },
            conflicts: [],
            rejected: [],
        })
        expect(engine.requests.map((r) => r.resource)).toEqual([
            'trackedEntityInstances',
            'enrollments',
            'events',
        ])
        expect(engine.requests[0]?.params).toEqual({ strategy: 'CREATE_AND_UPDATE' })
        expect(engine.requests[1]?.data).toEqual({
            enrollments: [
                {
                    enrollment: EN,
                    trackedEntityInstance: TE,
                    program: 'C15BBx4PSBf',
                    orgUnit: 'yI54G6cBAtY',
                    status: 'ACTIVE',
                    enrollmentDate: '2024-02-12',
                    incidentDate: '2024-02-11',
                },
            ],
        })
        expect(engine.requests[2]?.data).toMatchObject({
            events: [{ event: EV, trackedEntityInstance: TE, eventDate: '2024-02-12' }],
        })
    })

    it('does not send what belongs to a refused instance (E5000), and keeps the refusal', async () => {
        const { engine, target } = writer({
            'create trackedEntityInstances': fail(refusedTei),
        })
        const result = await target.importTracker(payload, commit)

        expect(engine.requests).toHaveLength(1)
        expect(result.status).toBe('ERROR')
        expect(result.rejected.map((r) => [r.trackerType, r.uid, r.errors[0]?.code])).toEqual([
            ['TRACKED_ENTITY', TE, LEGACY_CONFLICT],
            ['ENROLLMENT', EN, 'E5000'],
            ['EVENT', EV, 'E5000'],
        ])
        expect(result.counts.ignored).toBe(3)
    })

    it('stops with a retryable failure when DHIS2 fails between steps', async () => {
        const { target } = writer({
            'create trackedEntityInstances': reply(teiSummaries),
            'create enrollments': fail(httpError(503, { httpStatusCode: 503 })),
        })
        const result = await target.importTracker(payload, commit)
        expect(result.failure).toMatchObject({ kind: 'transport', retryable: true })
    })

    it('deletes events through the legacy events endpoint', async () => {
        const { engine, target } = writer({ 'create events': reply(ok(EV, 0)) })
        await target.deleteEvents([EV], { dryRun: false })
        expect(engine.requests[0]?.params).toEqual({ strategy: 'DELETE' })
        expect(engine.requests[0]?.data).toEqual({ events: [{ event: EV }] })
    })
})

/**
 * Tracker requests fill up across OpenSRP pages, and the events cursor still moves only past pages
 * whose every record DHIS2 answered for (DESIGN §2), with fakes behind every port.
 */
import type { TrackerImportResult, TrackerTarget } from '../../src/core/ports/dhis2Target'
import type { CursorStream } from '../../src/core/ports/cursorStore'
import type { TrackerMapper } from '../../src/core/sync/mappers'
import type { StreamCheckpoint } from '../../src/core/sync/overlapCursor'
import { runSync, type SyncRun } from '../../src/core/sync/runSync'
import { emptyTrackerPayload, type TrackerPayload } from '../../src/core/tracker/payload'
import { FakeClock } from '../fakes/fakeClock'
import { InMemoryOpenSrpSource } from '../fakes/inMemoryOpenSrpSource'
import { InMemorySyncStore } from '../fakes/inMemorySyncStore'

const uid = (prefix: string, n: string) => `${prefix}${n.padStart(10, '0')}`.slice(0, 11)

const mapper: TrackerMapper = {
    trackedEntityType: 'TETYPE00001',
    idAttribute: 'ATTRIBUTE01',
    eventUidOf: (key) => uid('E', key.replace(/\D/g, '')),
    idAttributeValue: (client) => client.baseEntityId,
    mapClient: () => ({ ok: 'skip', reason: 'events only in this test' }),
    mapVaccination: (event) => ({
        ok: true,
        value: {
            event: uid('E', (event.formSubmissionId ?? event.id).replace(/\D/g, '')),
            enrollment: 'ENROLLMENT1',
            trackedEntity: 'TRACKEDENT1',
            program: 'PROGRAM0001',
            programStage: 'STAGE000001',
            orgUnit: 'ORGUNIT0001',
            status: 'COMPLETED',
            occurredAt: event.eventDate.slice(0, 10),
            dataValues: [{ dataElement: 'DATAELEMENT', value: event.eventDate.slice(0, 10) }],
        },
    }),
}

const vaccination = (n: number, date = '2024-01-01', formSubmissionId = `f${n}`) => ({
    _id: `ev${n}`,
    formSubmissionId,
    type: 'Event',
    baseEntityId: 'child',
    eventType: 'Vaccination',
    eventDate: `${date}T10:00:00.000+06:00`,
    identifiers: {},
    details: {},
    obs: [],
})

function setup(
    events: number,
    answer: (payload: TrackerPayload, call: number) => boolean,
    log: string[] = []
) {
    const sent: TrackerPayload[] = []
    const target: TrackerTarget = {
        kind: 'tracker',
        async importTracker(payload) {
            sent.push(payload)
            const call = sent.length
            log.push(`send ${call}`)
            // DHIS2 takes a while: the connector reads on meanwhile.
            await new Promise((resolve) => setTimeout(resolve, 30))
            log.push(`answered ${call}`)
            const fine = answer(payload, sent.length)
            const result: TrackerImportResult = {
                status: fine ? 'OK' : 'ERROR',
                counts: {
                    created: fine ? payload.events.length : 0,
                    updated: 0,
                    deleted: 0,
                    ignored: 0,
                },
                conflicts: [],
                rejected: [],
                ...(fine
                    ? {}
                    : {
                          failure: {
                              kind: 'transport',
                              message: 'DHIS2 answered 503',
                              retryable: true,
                          },
                      }),
            }
            return result
        },
        async deleteEvents(uids) {
            log.push(`delete ${uids.join(',')}`)
            return {
                status: 'OK',
                counts: { created: 0, updated: 0, deleted: 0, ignored: 0 },
                conflicts: [],
                rejected: [],
            }
        },
        async findTrackedEntitiesByAttribute() {
            return []
        },
    }
    const source = new InMemoryOpenSrpSource({ pageSize: 2, overlap: 0 })
    source.add({ events: Array.from({ length: events }, (_, i) => vaccination(i)) })
    const streamEvents = source.streamEvents.bind(source)
    source.streamEvents = async function* (...args) {
        for await (const page of streamEvents(...args)) {
            log.push(`page ${page.checkpoint.high}`)
            yield page
        }
    }
    const saved = new Map<string, StreamCheckpoint>()
    const saves: string[] = []
    const store = new InMemorySyncStore()
    const clock = new FakeClock(1_000_000)
    const run: SyncRun = {
        source,
        cursors: {
            async load(scope: string, stream: CursorStream) {
                return saved.get(`${scope}.${stream}`)
            },
            async save(scope: string, stream: CursorStream, checkpoint: StreamCheckpoint) {
                saves.push(`${scope}.${stream}@${checkpoint.high}`)
                saved.set(`${scope}.${stream}`, checkpoint)
            },
        },
        clock,
        scopeKey: 'all',
        events: { endpoint: 'getAll' },
        dryRun: false,
        maxErrors: 100,
        tracker: {
            target,
            mapper,
            store,
            clock,
            hash: (value) => JSON.stringify(value),
            batchSize: 5,
            now: clock.now(),
            maxAttempts: 3,
        },
    }
    return { run, sent, saved, saves, source, emptyTrackerPayload }
}

describe('tracker requests across OpenSRP pages', () => {
    it('fills each request to the batch size whatever the page size, and saves the cursor at the end', async () => {
        const { run, sent, saved } = setup(12, () => true)
        const summary = await runSync(run)
        expect(summary.status).toBe('succeeded')
        expect(sent.map((p) => p.events.length)).toEqual([5, 5, 2])
        expect(summary.tracker).toMatchObject({ created: 12, failed: 0 })
        expect(saved.get('all.events')?.high).toBe(12)
    })

    it('reads the next pages while DHIS2 answers a request, and sends one request at a time', async () => {
        const log: string[] = []
        const { run } = setup(12, () => true, log)
        expect((await runSync(run)).status).toBe('succeeded')
        // Request 1 (events 1–5) goes out during page 3; pages 4 and 5 are read before its answer.
        expect(log.slice(log.indexOf('send 1'), log.indexOf('answered 1'))).toContain('page 8')
        for (const call of [2, 3])
            expect(log.indexOf(`send ${call}`)).toBeGreaterThan(log.indexOf(`answered ${call - 1}`))
    })

    it('deletes a voided vaccination only after the request that creates it was answered', async () => {
        const log: string[] = []
        const { run, source } = setup(6, () => true, log)
        // Event 1 (ev1) is voided in the last page, while it is still in the request in flight.
        source.add({ events: [{ ...vaccination(9, '2024-01-01', 'f1'), voided: true }] })
        expect((await runSync(run)).status).toBe('succeeded')
        const deletion = log.findIndex((line) => line.startsWith('delete'))
        expect(log[deletion]).toBe('delete E0000000001')
        expect(deletion).toBeGreaterThan(log.indexOf('answered 1'))
    })

    it('keeps the cursor before the page whose events were waiting when DHIS2 failed', async () => {
        const { run, sent, saved } = setup(12, (_, call) => call !== 2)
        const summary = await runSync(run)
        expect(summary.status).toBe('failed')
        // Request 1 held events 1–5 (pages 1–2 and half of page 3): pages 1–2 are confirmed.
        expect(sent).toHaveLength(2)
        expect(saved.get('all.events')?.high).toBe(4)
        // The resumed run sends what was not confirmed, and nothing twice that DHIS2 has.
        const sentBefore = sent.length
        const again = await runSync(run)
        expect(again.status).toBe('succeeded')
        const resent = sent.slice(sentBefore).flatMap((p) => p.events.map((e) => e.event))
        expect(resent).toHaveLength(7)
        expect(new Set(resent).size).toBe(7)
        expect(saved.get('all.events')?.high).toBe(12)
    })

    it('sends two versions of one event in order, never both in one request', async () => {
        const { run, sent, source } = setup(0, () => true)
        source.add({
            events: [
                vaccination(0, '2024-01-01', 'f7'),
                vaccination(1),
                vaccination(2, '2024-02-02', 'f7'),
            ],
        })
        const summary = await runSync(run)
        expect(summary.tracker?.failed).toBe(0)
        const versions = sent.flatMap((p) => p.events.filter((e) => e.event === 'E0000000007'))
        expect(versions.map((e) => e.occurredAt)).toEqual(['2024-01-01', '2024-02-02'])
        for (const p of sent)
            expect(new Set(p.events.map((e) => e.event)).size).toBe(p.events.length)
    })
})

/**
 * Clients fill tracker requests across OpenSRP pages, with one request in flight while the next
 * pages are read and mapped, and the clients cursor still moves only past pages whose every
 * client DHIS2 answered for. Fakes behind every port.
 */
import type { TrackerImportResult, TrackerTarget } from '../../src/core/ports/dhis2Target'
import type { CursorStream } from '../../src/core/ports/cursorStore'
import type { OpenSrpSource } from '../../src/core/ports/openSrpSource'
import type { TrackerMapper } from '../../src/core/sync/mappers'
import type { StreamCheckpoint } from '../../src/core/sync/overlapCursor'
import { runSync, type SyncRun } from '../../src/core/sync/runSync'
import type { TrackerPayload } from '../../src/core/tracker/payload'
import { FakeClock } from '../fakes/fakeClock'
import { InMemoryOpenSrpSource } from '../fakes/inMemoryOpenSrpSource'
import { InMemorySyncStore } from '../fakes/inMemorySyncStore'

const uidOf = (baseEntityId: string) => `T${baseEntityId.replace(/\D/g, '').padStart(10, '0')}`

const mapper: TrackerMapper = {
    trackedEntityType: 'TETYPE00001',
    idAttribute: 'ATTRIBUTE01',
    eventUidOf: (key) => `E${key.replace(/\D/g, '').padStart(10, '0')}`,
    idAttributeValue: (client) => client.baseEntityId,
    mapClient: (client) => ({
        ok: true,
        value: {
            trackedEntity: {
                trackedEntity: uidOf(client.baseEntityId),
                trackedEntityType: 'TETYPE00001',
                orgUnit: 'ORGUNIT0001',
                attributes: [
                    { attribute: 'ATTRIBUTE01', value: client.baseEntityId },
                    { attribute: 'FIRSTNAME01', value: client.firstName ?? '' },
                ],
            },
            enrollments: [],
            relationships: [],
        },
    }),
    mapVaccination: () => ({ ok: 'skip', reason: 'clients only in this test' }),
}

const client = (n: number, firstName = 'Asha') => ({
    _id: `c${n}`,
    type: 'Client',
    baseEntityId: `child${n}`,
    firstName,
    identifiers: {},
    attributes: {},
    addresses: [],
    relationships: {},
})

/** Records every request in order, answers after a while, and counts requests in flight. */
function setup(options: { batchSize: number; fails?: (call: number) => boolean }) {
    const log: string[] = []
    const sent: TrackerPayload[] = []
    let inFlight = 0
    let mostInFlight = 0
    const target: TrackerTarget = {
        kind: 'tracker',
        async importTracker(payload) {
            sent.push(payload)
            const call = sent.length
            const line = payload.trackedEntities
                .map((te) => `${te.trackedEntity}:${te.attributes[1]?.value}`)
                .join(',')
            inFlight++
            mostInFlight = Math.max(mostInFlight, inFlight)
            log.push(`send ${line}`)
            // DHIS2 takes a while: the connector reads on meanwhile.
            await new Promise((resolve) => setTimeout(resolve, 20))
            log.push(`answered ${line}`)
            inFlight--
            const fine = !options.fails?.(call)
            const result: TrackerImportResult = {
                status: fine ? 'OK' : 'ERROR',
                counts: {
                    created: fine ? payload.trackedEntities.length : 0,
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
                              kind: 'transport' as const,
                              message: 'DHIS2 answered 503',
                              retryable: true,
                          },
                      }),
            }
            return result
        },
        async deleteEvents() {
            throw new Error('no deletions in this test')
        },
        async findTrackedEntitiesByAttribute() {
            return []
        },
    }
    const source = new InMemoryOpenSrpSource({ pageSize: 2, overlap: 0 })
    const saved = new Map<string, StreamCheckpoint>()
    const store = new InMemorySyncStore()
    const clock = new FakeClock(1_000_000)
    const run = (from: OpenSrpSource = source): SyncRun => ({
        source: from,
        cursors: {
            async load(scope: string, stream: CursorStream) {
                return saved.get(`${scope}.${stream}`)
            },
            async save(scope: string, stream: CursorStream, checkpoint: StreamCheckpoint) {
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
            batchSize: options.batchSize,
            now: clock.now(),
            maxAttempts: 3,
        },
    })
    return {
        log,
        sent,
        source,
        store,
        run,
        cursor: () => saved.get('all.clients')?.high,
        mostInFlight: () => mostInFlight,
    }
}

describe('clients across OpenSRP pages', () => {
    it('fill full requests across pages, one in flight while the next pages are read', async () => {
        const t = setup({ batchSize: 5 })
        t.source.add({ clients: Array.from({ length: 12 }, (_, i) => client(i + 1)) })
        const stream = t.source.streamClients.bind(t.source)
        const source: OpenSrpSource = Object.assign(Object.create(t.source) as OpenSrpSource, {
            async *streamClients(from: StreamCheckpoint | undefined) {
                for await (const batch of stream(from)) {
                    t.log.push(`read page to ${batch.checkpoint.high}`)
                    yield batch
                }
            },
        })

        const summary = await runSync(t.run(source))

        expect(summary.status).toBe('succeeded')
        // Six pages of two: requests of five, five and two, not one per page.
        expect(t.sent.map((p) => p.trackedEntities.length)).toEqual([5, 5, 2])
        expect(summary.tracker).toMatchObject({ created: 12, failed: 0 })
        expect(t.mostInFlight()).toBe(1)
        // Pages were read while the first request was in flight.
        const sentFirst = t.log.findIndex((line) => line.startsWith('send'))
        const answeredFirst = t.log.findIndex((line) => line.startsWith('answered'))
        expect(t.log.slice(sentFirst, answeredFirst).some((l) => l.startsWith('read'))).toBe(true)
        expect(t.cursor()).toBe(12)
    })

    it('send a newer version of a client only after the request carrying the older one', async () => {
        const t = setup({ batchSize: 10 })
        t.source.add({ clients: [client(1), client(2), client(3)] })
        // An edit of child1 arrives on a later page of the same stream (a device uploading while
        // the run reads), still in the same request being filled.
        const edit = new InMemoryOpenSrpSource({ pageSize: 2, overlap: 0 })
        edit.add({ clients: [client(1, 'Edited')] })
        const stream = t.source.streamClients.bind(t.source)
        const source: OpenSrpSource = Object.assign(Object.create(t.source) as OpenSrpSource, {
            async *streamClients(from: StreamCheckpoint | undefined) {
                yield* stream(from)
                yield* edit.streamClients(undefined)
            },
        })

        expect((await runSync(t.run(source))).status).toBe('succeeded')

        const older = t.log.findIndex(
            (line) => line.startsWith('answered') && line.includes(`${uidOf('child1')}:Asha`)
        )
        const newer = t.log.findIndex((line) => line.includes(`${uidOf('child1')}:Edited`))
        expect(older).toBeGreaterThanOrEqual(0)
        expect(newer).toBeGreaterThan(older)
        const stored = (await t.store.getRecords(['client:child1'])).get('client:child1')
        expect(stored?.hash).toContain('Edited')
        expect(t.mostInFlight()).toBe(1)
    })

    it('keep the cursor before the pages of a request DHIS2 did not answer, and resume from there', async () => {
        let failing = true
        const t = setup({ batchSize: 3, fails: (call) => failing && call === 2 })
        t.source.add({ clients: Array.from({ length: 9 }, (_, i) => client(i + 1)) })

        const summary = await runSync(t.run())

        expect(summary.status).toBe('failed')
        // The first request (clients 1–3, pages 1–2) was answered; the second (4–6) was not.
        // Client 4 shares page 2 with client 3, so the cursor stays at the end of page 1.
        expect(t.cursor()).toBe(2)

        failing = false
        const again = await runSync(t.run())
        expect(again.status).toBe('succeeded')
        expect(again.tracker).toMatchObject({ created: 6, unchanged: 1, failed: 0 })
        expect(t.cursor()).toBe(9)
    })
})

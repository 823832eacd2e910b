/**
 * The pipeline's checkpoint rules with fakes behind every port (DESIGN §2): a cursor moves only
 * past batches DHIS2 answered for; a DHIS2 that fails as a whole stops the run before its batch;
 * rejected records go to the retry queue and the summary; a dry run changes no state.
 */
import { OpenSrpError } from '../../src/adapters/opensrp/errors'
import type { TrackerImportResult, TrackerTarget } from '../../src/core/ports/dhis2Target'
import type { OpenSrpSource } from '../../src/core/ports/openSrpSource'
import type { CursorStream } from '../../src/core/ports/cursorStore'
import type { TrackerMapper } from '../../src/core/sync/mappers'
import type { StreamCheckpoint } from '../../src/core/sync/overlapCursor'
import { runSync, type SyncRun } from '../../src/core/sync/runSync'
import { emptyTrackerPayload, type TrackerPayload } from '../../src/core/tracker/payload'
import { FakeClock } from '../fakes/fakeClock'
import { InMemoryOpenSrpSource } from '../fakes/inMemoryOpenSrpSource'
import { InMemorySyncStore } from '../fakes/inMemorySyncStore'

const uidOf = (id: string) =>
    `T${id
        .replace(/[^A-Za-z0-9]/g, '')
        .padEnd(10, '0')
        .slice(0, 10)}`

const mapper: TrackerMapper = {
    trackedEntityType: 'TETYPE00001',
    idAttribute: 'ATTRIBUTE01',
    eventUidOf: (key) => uidOf(`e${key}`),
    idAttributeValue: (client) => client.baseEntityId,
    mapClient: (client) => ({
        ok: true,
        value: {
            trackedEntity: {
                trackedEntity: uidOf(client.baseEntityId),
                trackedEntityType: 'TETYPE00001',
                orgUnit: 'ORGUNIT0001',
                attributes: [{ attribute: 'ATTRIBUTE01', value: client.baseEntityId }],
            },
            enrollments: [],
            relationships: [],
        },
    }),
    mapVaccination: () => ({ ok: 'skip', reason: 'not in this test' }),
}

const ok = (payload: TrackerPayload): TrackerImportResult => ({
    status: 'OK',
    counts: { created: payload.trackedEntities.length, updated: 0, deleted: 0, ignored: 0 },
    conflicts: [],
    rejected: [],
})

function target(answer: (payload: TrackerPayload, call: number) => TrackerImportResult) {
    const sent: TrackerPayload[] = []
    const fake: TrackerTarget = {
        kind: 'tracker',
        async importTracker(payload) {
            sent.push(payload)
            return answer(payload, sent.length)
        },
        async deleteEvents() {
            return ok(emptyTrackerPayload())
        },
        async findTrackedEntitiesByAttribute() {
            return []
        },
    }
    return { fake, sent }
}

function cursors() {
    const saved = new Map<string, StreamCheckpoint>()
    return {
        saved,
        store: {
            async load(scope: string, stream: CursorStream) {
                return saved.get(`${scope}.${stream}`)
            },
            async save(scope: string, stream: CursorStream, checkpoint: StreamCheckpoint) {
                saved.set(`${scope}.${stream}`, checkpoint)
            },
        },
    }
}

function source(clients: number) {
    const src = new InMemoryOpenSrpSource({ pageSize: 2 })
    src.add({
        clients: Array.from({ length: clients }, (_, i) => ({
            _id: `c${i}`,
            type: 'Client',
            baseEntityId: `child${i}`,
            identifiers: {},
            attributes: {},
            addresses: [],
            relationships: {},
        })),
    })
    return src
}

function run(
    over: Partial<SyncRun> & { target: TrackerTarget }
): SyncRun & { store: InMemorySyncStore } {
    const store = new InMemorySyncStore()
    const clock = new FakeClock(1_000_000)
    const { target: trackerTarget, ...rest } = over
    return {
        store,
        source: source(5),
        cursors: cursors().store,
        clock,
        scopeKey: 'all',
        events: { endpoint: 'getAll' },
        dryRun: false,
        maxErrors: 100,
        tracker: {
            target: trackerTarget,
            mapper,
            store,
            clock,
            hash: (value) => JSON.stringify(value),
            batchSize: 1,
            now: clock.now(),
            maxAttempts: 3,
        },
        ...rest,
    }
}

describe('runSync checkpoints', () => {
    it('saves the clients cursor after each page DHIS2 answered, and sends nothing the second time', async () => {
        const { fake, sent } = target((p) => ok(p))
        const c = cursors()
        const first = run({ target: fake, cursors: c.store })
        const summary = await runSync(first)
        expect(summary.status).toBe('succeeded')
        expect(summary.tracker).toMatchObject({ created: 5, failed: 0 })
        expect(c.saved.get('all.clients')?.high).toBe(5)
        const again = await runSync({ ...first })
        expect(again.tracker).toMatchObject({ created: 0, unchanged: 0 })
        // Read again from the start (a lost cursor): every record is known and unchanged.
        c.saved.clear()
        const reread = await runSync({ ...first })
        expect(reread.tracker).toMatchObject({ created: 0, unchanged: 5 })
        expect(sent).toHaveLength(5)
    })

    it('stops when DHIS2 fails as a whole, with the cursor before the failed page', async () => {
        const { fake } = target((p, call) =>
            call === 3
                ? {
                      ...ok(p),
                      status: 'ERROR',
                      failure: {
                          kind: 'transport',
                          message: 'DHIS2 answered 503',
                          retryable: true,
                      },
                  }
                : ok(p)
        )
        const c = cursors()
        const summary = await runSync(run({ target: fake, cursors: c.store }))
        expect(summary.status).toBe('failed')
        expect(summary.failure).toEqual({
            code: 'DHIS2_UNREACHABLE',
            message: 'DHIS2 answered 503',
        })
        // Pages of 2 clients: the first page (clients 0–1) was confirmed, the second (2–3) was not.
        expect(c.saved.get('all.clients')?.high).toBe(2)
    })

    it('puts a rejected record in the retry queue and the summary, and moves on', async () => {
        const { fake } = target((p) => {
            const te = p.trackedEntities[0]
            if (te?.attributes[0]?.value !== 'child1') return ok(p)
            const error = {
                code: 'E1064',
                message: 'Non-unique attribute value',
                uid: te.trackedEntity,
            }
            return {
                status: 'ERROR',
                counts: { created: 0, updated: 0, deleted: 0, ignored: 1 },
                conflicts: [error],
                rejected: [
                    { trackerType: 'TRACKED_ENTITY', uid: te.trackedEntity, errors: [error] },
                ],
            }
        })
        const c = cursors()
        const r = run({ target: fake, cursors: c.store })
        const summary = await runSync(r)
        expect(summary.status).toBe('completed-with-errors')
        expect(summary.errors).toEqual([
            expect.objectContaining({ sourceId: 'child1', kind: 'rejected', code: 'E1064' }),
        ])
        expect(c.saved.get('all.clients')?.high).toBe(5)
        const queue = await r.store.listFailed(0, 10)
        expect(queue.map((q) => [q.key, q.attempts])).toEqual([['client:child1', 1]])
    })

    it('changes no state in a dry run', async () => {
        const { fake } = target((p) => ok(p))
        const c = cursors()
        const r = run({ target: fake, cursors: c.store, dryRun: true })
        await runSync(r)
        expect(c.saved.size).toBe(0)
        expect(await r.store.getRecords(['client:child0'])).toEqual(new Map())
    })

    it('keeps the code of a DHIS2 failure that has one (a job lost to a restart)', async () => {
        const { fake } = target((p) => ({
            ...ok(p),
            status: 'ERROR',
            failure: {
                kind: 'transport',
                message: 'DHIS2 no longer knows import job x',
                retryable: true,
                code: 'DHIS2_IMPORT_REPORT_LOST',
            },
        }))
        const summary = await runSync(run({ target: fake }))
        expect(summary.failure?.code).toBe('DHIS2_IMPORT_REPORT_LOST')
    })

    it('ends as failed, with what OpenSRP said, when OpenSRP stops answering mid-stream', async () => {
        const { fake } = target((p) => ok(p))
        const healthy = source(5)
        const failing: OpenSrpSource = {
            listLocations: () => healthy.listLocations(),
            checkConnection: () => healthy.checkConnection(),
            streamEvents: (selection, from) => healthy.streamEvents(selection, from),
            async *streamClients(from) {
                let pages = 0
                for await (const page of healthy.streamClients(from)) {
                    if (++pages === 2)
                        throw new OpenSrpError('timeout', 'OpenSRP did not answer in time.')
                    yield page
                }
            },
        }
        const c = cursors()
        const summary = await runSync(run({ target: fake, source: failing, cursors: c.store }))
        expect(summary.status).toBe('failed')
        expect(summary.failure).toEqual({
            code: 'OPENSRP_UNREACHABLE',
            message: 'OpenSRP did not answer in time.',
        })
        expect(c.saved.get('all.clients')?.high).toBe(2)
    })

    it('still throws an error that is a bug, not a failure of OpenSRP or DHIS2', async () => {
        const { fake } = target(() => {
            throw new TypeError('x is undefined')
        })
        await expect(runSync(run({ target: fake }))).rejects.toThrow('x is undefined')
    })
})

/**
 * A vaccination of a child whose own record cannot be sent (here: no sex) is not sent to DHIS2,
 * which could only refuse it for a missing enrollment: it waits in the retry queue with why, and
 * follows once the child's record is fixed. Fakes behind every port.
 */
import type { TrackerImportResult, TrackerTarget } from '../../src/core/ports/dhis2Target'
import type { CursorStream } from '../../src/core/ports/cursorStore'
import type { TrackerMapper } from '../../src/core/sync/mappers'
import type { StreamCheckpoint } from '../../src/core/sync/overlapCursor'
import { runSync, type SyncRun } from '../../src/core/sync/runSync'
import type { TrackerPayload } from '../../src/core/tracker/payload'
import { FakeClock } from '../fakes/fakeClock'
import { InMemoryOpenSrpSource } from '../fakes/inMemoryOpenSrpSource'
import { InMemorySyncStore } from '../fakes/inMemorySyncStore'

const mapper: TrackerMapper = {
    trackedEntityType: 'TETYPE00001',
    idAttribute: 'ATTRIBUTE01',
    eventUidOf: () => 'EVENT000001',
    idAttributeValue: (client) => client.baseEntityId,
    mapClient: (client) =>
        client.gender
            ? {
                  ok: true,
                  value: {
                      trackedEntity: {
                          trackedEntity: 'TRACKEDENT1',
                          trackedEntityType: 'TETYPE00001',
                          orgUnit: 'ORGUNIT0001',
                          attributes: [],
                      },
                      enrollments: [],
                      relationships: [],
                  },
              }
            : {
                  ok: false,
                  errors: [
                      {
                          sourceId: client.baseEntityId,
                          recordKind: 'client',
                          kind: 'mapping',
                          code: 'OSRP_UNKNOWN_SEX',
                          message: 'no sex',
                      },
                  ],
              },
    mapVaccination: () => ({
        ok: true,
        value: {
            event: 'EVENT000001',
            enrollment: 'ENROLLMENT1',
            trackedEntity: 'TRACKEDENT1',
            program: 'PROGRAM0001',
            programStage: 'STAGE000001',
            orgUnit: 'ORGUNIT0001',
            status: 'COMPLETED',
            occurredAt: '2024-01-01',
            dataValues: [],
        },
    }),
}

const child = (gender?: string) => ({
    _id: 'c1',
    type: 'Client',
    baseEntityId: 'child-1',
    ...(gender ? { gender } : {}),
    identifiers: {},
    attributes: {},
    addresses: [],
    relationships: {},
})

const bcg = {
    _id: 'ev1',
    type: 'Event',
    baseEntityId: 'child-1',
    eventType: 'Vaccination',
    eventDate: '2024-01-01T10:00:00.000+06:00',
    identifiers: {},
    details: {},
    obs: [],
}

describe('a vaccination of a child that cannot be sent', () => {
    it('waits in the retry queue with why, and is sent once the child is fixed', async () => {
        const sent: TrackerPayload[] = []
        const target: TrackerTarget = {
            kind: 'tracker',
            async importTracker(payload): Promise<TrackerImportResult> {
                sent.push(payload)
                const created = payload.trackedEntities.length + payload.events.length
                return {
                    status: 'OK',
                    counts: { created, updated: 0, deleted: 0, ignored: 0 },
                    conflicts: [],
                    rejected: [],
                }
            },
            async deleteEvents() {
                throw new Error('no deletion here')
            },
            async findTrackedEntitiesByAttribute() {
                return []
            },
        }
        const source = new InMemoryOpenSrpSource({ pageSize: 10 })
        source.add({ clients: [child()], events: [bcg] })
        const saved = new Map<string, StreamCheckpoint>()
        const store = new InMemorySyncStore()
        const clock = new FakeClock(1_000_000)
        const run = (): SyncRun => ({
            source,
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
                batchSize: 50,
                now: clock.now(),
                maxAttempts: 5,
            },
        })

        const first = await runSync(run())
        expect(first.errors.map((e) => [e.sourceId, e.code])).toEqual([
            ['child-1', 'OSRP_UNKNOWN_SEX'],
            ['ev1', 'OSRP_CLIENT_REFUSED'],
        ])
        expect(sent.flatMap((p) => p.events)).toEqual([])
        const waiting = (await store.getRecords(['event:ev1'])).get('event:ev1')
        expect(waiting).toMatchObject({
            status: 'failed',
            lastError: { code: 'OSRP_CLIENT_REFUSED' },
        })

        source.add({ clients: [child('Female')] })
        await clock.sleep(48 * 3_600_000)
        const second = await runSync(run())
        expect(second.errors).toEqual([])
        expect(sent.flatMap((p) => p.events.map((e) => e.event))).toEqual(['EVENT000001'])
        expect((await store.getRecords(['event:ev1'])).get('event:ev1')?.status).toBe('synced')
    })
})

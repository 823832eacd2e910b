/** @jest-environment node */
import { FakeClock } from '../../../test/fakes/fakeClock'
import { InMemorySyncStore } from '../../../test/fakes/inMemorySyncStore'
import type { OpenSrpClient, OpenSrpEvent } from '../domain/opensrp'
import type { TrackerImportResult, TrackerTarget } from '../ports/dhis2Target'
import type { SyncedRecord } from '../ports/syncStore'
import type { TrackerPayload } from '../tracker/payload'
import { ErrorLog } from './errorLog'
import type { TrackerMapper } from './mappers'
import { PendingRequests } from './pendingRequests'
import { emptyTrackerTotals, type TrackerContext } from './trackerContext'
import { syncVaccinations } from './vaccinationSync'

const client = (id: string, gender?: string): OpenSrpClient => ({
    id: `doc-${id}`,
    baseEntityId: id,
    ...(gender ? { gender } : {}),
    identifiers: {},
    attributes: {},
    addresses: [],
    relationships: {},
    voided: false,
    serverVersion: 1,
})

const vaccination = (id: string, baseEntityId: string): OpenSrpEvent => ({
    id,
    baseEntityId,
    eventType: 'Vaccination',
    eventDate: '2024-01-01T10:00:00.000Z',
    identifiers: {},
    details: {},
    obs: [],
    voided: false,
    serverVersion: 2,
})

/** Clients without a gender are refused, as a mapping error. */
function fakeMapper(mapped: string[]): TrackerMapper {
    return {
        trackedEntityType: 'TETYPE00001',
        idAttribute: 'ATTRIBUTE01',
        eventUidOf: (key) => `EV-${key}`,
        idAttributeValue: (c) => c.baseEntityId,
        mapClient(c) {
            mapped.push(c.baseEntityId)
            if (!c.gender) {
                return {
                    ok: false,
                    errors: [
                        {
                            sourceId: c.baseEntityId,
                            recordKind: 'client',
                            kind: 'mapping',
                            code: 'OSRP_UNKNOWN_SEX',
                            message: 'no sex',
                        },
                    ],
                }
            }
            const te = `TE-${c.baseEntityId}`
            return {
                ok: true,
                value: {
                    trackedEntity: {
                        trackedEntity: te,
                        trackedEntityType: 'TETYPE00001',
                        orgUnit: 'ORGUNIT0001',
                        attributes: [],
                    },
                    enrollments: [
                        {
                            enrollment: `EN-${c.baseEntityId}`,
                            trackedEntity: te,
                            program: 'PROGRAM0001',
                            orgUnit: 'ORGUNIT0001',
                            status: 'ACTIVE',
                            enrolledAt: '2024-01-01',
                        },
                    ],
                    relationships: [],
                },
            }
        },
        mapVaccination: (event) => ({
            ok: true,
            value: {
                event: `EV-${event.id}`,
                enrollment: `EN-${event.baseEntityId}`,
                trackedEntity: `TE-${event.baseEntityId}`,
                program: 'PROGRAM0001',
                programStage: 'STAGE000001',
                orgUnit: 'ORGUNIT0001',
                status: 'COMPLETED',
                occurredAt: '2024-01-01',
                dataValues: [],
            },
        }),
    }
}

const record = (key: string, uid: string, status: SyncedRecord['status']): SyncedRecord => ({
    key,
    uid,
    hash: 'h',
    status,
    serverVersion: 1,
    attempts: 0,
    updatedAt: 0,
})

/**
 * synced: in the store with our UID; adopted: synced under another UID; failed: in the store but
 * not synced; fresh: unknown to the store; refused: unknown and its record cannot be mapped.
 */
async function syncPage(knowsUids: boolean) {
    const mapped: string[] = []
    const base = fakeMapper(mapped)
    const mapper: TrackerMapper = knowsUids
        ? Object.assign(base, { trackedEntityUidOf: (c: OpenSrpClient) => `TE-${c.baseEntityId}` })
        : base
    const store = new InMemorySyncStore()
    await store.putRecords([
        record('client:synced', 'TE-synced', 'synced'),
        record('client:adopted', 'THEIRS00001', 'synced'),
        record('enrollment:adopted:PROGRAM0001', 'THEIRSENR01', 'synced'),
        record('client:failed', 'TE-failed', 'failed'),
    ])
    const sent: TrackerPayload[] = []
    const target: TrackerTarget = {
        kind: 'tracker',
        async importTracker(payload): Promise<TrackerImportResult> {
            sent.push(payload)
            return {
                status: 'OK',
                counts: { created: 1, updated: 0, deleted: 0, ignored: 0 },
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
    const ctx: TrackerContext = {
        target,
        mapper,
        store,
        clock: new FakeClock(1_000_000),
        errors: new ErrorLog(100),
        hash: (value) => JSON.stringify(value),
        dryRun: false,
        batchSize: 50,
        totals: emptyTrackerTotals(),
        now: 1_000_000,
        maxAttempts: 5,
    }
    const clients = [
        client('synced', 'F'),
        client('adopted', 'F'),
        client('failed', 'M'),
        client('fresh', 'M'),
        client('refused'),
    ]
    const pending = new PendingRequests(ctx)
    await syncVaccinations(
        clients.map((c) => vaccination(`ev-${c.baseEntityId}`, c.baseEntityId)),
        new Map(clients.map((c) => [c.baseEntityId, c])),
        ctx,
        pending
    )
    await pending.flushAndSettle()
    return { mapped, sent, totals: ctx.totals, errors: ctx.errors.kept }
}

describe('the vaccinations of one events page', () => {
    it('builds no payload for a client the store knows as synced under our UID', async () => {
        const { mapped } = await syncPage(true)
        expect(mapped).toEqual(['adopted', 'failed', 'fresh', 'refused'])
    })

    it('sends exactly what building every client payload sends', async () => {
        const lean = await syncPage(true)
        const full = await syncPage(false)
        expect(full.mapped).toContain('synced')
        expect(lean.sent).toEqual(full.sent)
        expect(lean.totals).toEqual(full.totals)
        expect(lean.errors).toEqual(full.errors)
    })

    it('still puts an adopted client’s vaccination on its adopted UIDs, bundling only unsynced clients', async () => {
        const { sent } = await syncPage(true)
        const events = sent.flatMap((p) => p.events)
        expect(events.find((e) => e.event === 'EV-ev-adopted')).toMatchObject({
            trackedEntity: 'THEIRS00001',
            enrollment: 'THEIRSENR01',
        })
        expect(events.map((e) => e.event).sort()).toEqual(
            ['EV-ev-adopted', 'EV-ev-failed', 'EV-ev-fresh', 'EV-ev-synced'].sort()
        )
        const bundled = sent.flatMap((p) => p.trackedEntities.map((t) => t.trackedEntity))
        expect(bundled.sort()).toEqual(['TE-failed', 'TE-fresh'])
    })
})

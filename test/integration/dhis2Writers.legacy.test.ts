/** @jest-environment ./test/setup/nodeFetchEnvironment.js */
import type { Dhis2Sandbox } from '../../sandbox/dhis2'
import { startDhis2Sandbox } from '../../sandbox/dhis2'
import {
    LEGACY_UNSUPPORTED,
    LegacyTrackerUnavailableError,
    createLegacyTrackerWriter,
} from '../../src/adapters/dhis2/legacyTrackerWriter'
import type { Engine, ServerVersion } from '../../src/adapters/dhis2/writerEngine'
import { engineFor } from './support/dhis2Engine'
import { childPayload, realClock, trackedEntitiesInDhis2, uidsOf } from './support/dhis2WriterData'

const commit = { dryRun: false, strategy: 'CREATE_AND_UPDATE' } as const
const fast = { clock: realClock, pollIntervalMs: 10 }

describe.each([38, 40, 41] as const)('the legacy tracker writer on DHIS2 2.%i', (minor) => {
    let dhis2: Dhis2Sandbox
    let engine: Engine
    let version: ServerVersion

    beforeAll(async () => {
        dhis2 = await startDhis2Sandbox({ minor, asyncJobDelayMs: 5 })
        ;({ engine, version } = await engineFor(dhis2, 'operator'))
    })
    afterAll(() => dhis2.close())

    it('creates tracked entity instances and enrollments, then updates them in place', async () => {
        const writer = createLegacyTrackerWriter(engine, version, fast)
        const children = [{ id: `L${minor}-1` }, { id: `L${minor}-2` }]
        const payload = { ...childPayload(children), events: [] }

        const first = await writer.importTracker(payload, commit)
        expect(first).toMatchObject({ status: 'OK', rejected: [], conflicts: [] })
        expect(first.counts).toEqual({ created: 4, updated: 0, deleted: 0, ignored: 0 })

        const renamed = children.map((c) => ({ ...c, name: 'Amina' }))
        const second = await writer.importTracker({ ...childPayload(renamed), events: [] }, commit)
        expect(second).toMatchObject({ status: 'OK', rejected: [] })
        expect(second.counts).toEqual({ created: 0, updated: 4, deleted: 0, ignored: 0 })

        const ours = (await trackedEntitiesInDhis2(engine, minor)).filter((te) =>
            te.osrpId?.startsWith(`L${minor}-`)
        )
        expect(ours.map((te) => te.trackedEntity).sort()).toEqual(
            children.map((c) => uidsOf(c.id).trackedEntity).sort()
        )
    })

    it('names the refused instance, skips what depends on it, and writes the rest', async () => {
        const writer = createLegacyTrackerWriter(engine, version, fast)
        const bad = { id: `LB${minor}-bad`, sex: 'UNKNOWN' }
        const payload = { ...childPayload([bad, { id: `LB${minor}-1` }]), events: [] }
        const result = await writer.importTracker(payload, commit)

        expect(result.status).toBe('ERROR')
        expect(result.counts.created).toBe(2)
        expect(result.rejected.map((r) => [r.trackerType, r.uid, r.errors[0]?.code])).toEqual([
            ['TRACKED_ENTITY', uidsOf(bad.id).trackedEntity, expect.any(String)],
            ['ENROLLMENT', uidsOf(bad.id).enrollment, 'E5000'],
        ])
        expect(result.rejected[0]?.errors[0]?.message).toMatch(/UNKNOWN/)
    })

    it('returns the events as rejected, with a clear code, because this server has no /api/events', async () => {
        const writer = createLegacyTrackerWriter(engine, version, fast)
        const child = { id: `LE${minor}-1` }
        const result = await writer.importTracker(childPayload([child]), commit)
        expect(result.counts.created).toBe(2)
        expect(result.rejected).toEqual([
            {
                trackerType: 'EVENT',
                uid: uidsOf(child.id).event,
                errors: [expect.objectContaining({ code: LEGACY_UNSUPPORTED })],
            },
        ])
    })

    it('validates a dry run on /api/tracker and writes nothing', async () => {
        const writer = createLegacyTrackerWriter(engine, version, fast)
        const before = await trackedEntitiesInDhis2(engine, minor)
        const result = await writer.importTracker(childPayload([{ id: `LD${minor}-1` }]), {
            ...commit,
            dryRun: true,
        })
        expect(result).toMatchObject({ status: 'OK', rejected: [] })
        expect(await trackedEntitiesInDhis2(engine, minor)).toEqual(before)
    })
})

describe('the legacy tracker writer on DHIS2 2.42 and later', () => {
    it.each([42, 43])('refuses to start on 2.%i, saying why', (minor) => {
        expect(() =>
            createLegacyTrackerWriter(
                { query: jest.fn(), mutate: jest.fn() },
                { major: 2, minor, patch: 0 },
                fast
            )
        ).toThrow(LegacyTrackerUnavailableError)
    })
})

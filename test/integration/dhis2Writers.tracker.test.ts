/** @jest-environment ./test/setup/nodeFetchEnvironment.js */
import type { Dhis2Sandbox } from '../../sandbox/dhis2'
import { startDhis2Sandbox } from '../../sandbox/dhis2'
import { createTrackerWriter } from '../../src/adapters/dhis2/trackerWriter'
import type { Engine, ServerVersion } from '../../src/adapters/dhis2/writerEngine'
import type { Clock } from '../../src/core/ports/clock'
import { engineFor } from './support/dhis2Engine'
import {
    OSRP_ID,
    PERSON,
    childPayload,
    eventInDhis2,
    realClock,
    trackedEntitiesInDhis2,
    uidsOf,
} from './support/dhis2WriterData'

const commit = { dryRun: false, strategy: 'CREATE_AND_UPDATE' } as const
const fast = { clock: realClock, pollIntervalMs: 10 }

describe.each([38, 40, 41, 42, 43] as const)('the /api/tracker writer on DHIS2 2.%i', (minor) => {
    let dhis2: Dhis2Sandbox
    let engine: Engine
    let version: ServerVersion

    beforeAll(async () => {
        dhis2 = await startDhis2Sandbox({ minor, asyncJobDelayMs: 5 })
        ;({ engine, version } = await engineFor(dhis2, 'operator'))
    })
    afterAll(() => dhis2.close())

    it('creates children, then updates them in place on a rerun with the same UIDs', async () => {
        const writer = createTrackerWriter(engine, version, fast)
        const children = [{ id: `C${minor}-1` }, { id: `C${minor}-2` }]
        const first = await writer.importTracker(childPayload(children), commit)
        expect(first).toMatchObject({ status: 'OK', rejected: [], conflicts: [] })
        expect(first.counts).toEqual({ created: 6, updated: 0, deleted: 0, ignored: 0 })

        const renamed = children.map((c) => ({ ...c, name: 'Amina' }))
        const second = await writer.importTracker(childPayload(renamed), commit)
        expect(second.status).toBe('OK')
        expect(second.counts).toEqual({ created: 0, updated: 6, deleted: 0, ignored: 0 })

        const inDhis2 = await trackedEntitiesInDhis2(engine, minor)
        const ours = inDhis2.filter((te) => te.osrpId?.startsWith(`C${minor}-`))
        expect(ours.map((te) => te.trackedEntity).sort()).toEqual(
            children.map((c) => uidsOf(c.id).trackedEntity).sort()
        )
    })

    it('finds them again by their OpenSRP ID', async () => {
        const writer = createTrackerWriter(engine, version, fast)
        const found = await writer.findTrackedEntitiesByAttribute({
            trackedEntityType: PERSON,
            attribute: OSRP_ID,
            values: [`C${minor}-1`, `C${minor}-2`, 'nobody'],
        })
        expect(found.map((f) => f.value).sort()).toEqual([`C${minor}-1`, `C${minor}-2`])
        expect(found[0]?.enrollments).toHaveLength(1)
    })

    it('writes the good objects of a batch and names the one it rejected (atomicMode=OBJECT)', async () => {
        const writer = createTrackerWriter(engine, version, fast)
        const bad = { id: `P${minor}-bad`, sex: 'UNKNOWN' }
        const payload = childPayload([{ id: `P${minor}-1` }, bad, { id: `P${minor}-2` }])
        const result = await writer.importTracker(payload, commit)

        // A partly refused OBJECT import completes: status OK, the refusals in the validation
        // report and counted as ignored (DefaultTrackerImportService.importTracker, 2.41).
        expect(result.status).toBe('OK')
        expect(result.failure).toBeUndefined()
        expect(result.counts.created).toBe(6)
        expect(result.counts.ignored).toBeGreaterThan(0)
        const badTe = result.rejected.find((r) => r.uid === uidsOf(bad.id).trackedEntity)
        expect(badTe).toMatchObject({ trackerType: 'TRACKED_ENTITY' })
        expect(badTe?.errors.map((e) => e.code)).toContain('E1125')
        const rejectedUids = new Set(result.rejected.map((r) => r.uid))
        for (const good of [`P${minor}-1`, `P${minor}-2`])
            expect(rejectedUids.has(uidsOf(good).trackedEntity)).toBe(false)

        const ids = (await trackedEntitiesInDhis2(engine, minor)).map((te) => te.osrpId)
        expect(ids).toEqual(expect.arrayContaining([`P${minor}-1`, `P${minor}-2`]))
        expect(ids).not.toContain(bad.id)
    })

    it('reads the same per-object answer from a sync import (async=false)', async () => {
        const writer = createTrackerWriter(engine, version, { ...fast, sync: true })
        const bad = { id: `S${minor}-bad`, sex: 'UNKNOWN' }
        const result = await writer.importTracker(
            childPayload([bad, { id: `S${minor}-1` }]),
            commit
        )
        expect(result.status).toBe('OK')
        expect(result.failure).toBeUndefined()
        expect(result.counts.created).toBe(3)
        expect(result.rejected.map((r) => r.uid)).toContain(uidsOf(bad.id).trackedEntity)
    })

    it('validates without writing anything on a dry run', async () => {
        const writer = createTrackerWriter(engine, version, fast)
        const before = await trackedEntitiesInDhis2(engine, minor)
        const result = await writer.importTracker(childPayload([{ id: `D${minor}-1` }]), {
            ...commit,
            dryRun: true,
        })
        expect(result).toMatchObject({ status: 'OK', rejected: [] })
        expect(await trackedEntitiesInDhis2(engine, minor)).toEqual(before)
    })

    it('deletes a voided vaccination event', async () => {
        const writer = createTrackerWriter(engine, version, fast)
        const child = { id: `V${minor}-1` }
        await writer.importTracker(childPayload([child]), commit)
        const { event } = uidsOf(child.id)
        expect(await eventInDhis2(engine, event)).toBeDefined()

        const result = await writer.deleteEvents([event], { dryRun: false })
        expect(result).toMatchObject({ status: 'OK', rejected: [] })
        expect(result.counts.deleted).toBe(1)
        expect(await eventInDhis2(engine, event)).toBeUndefined()
    })

    it('ends as a retryable failure when DHIS2 restarts and loses the job report', async () => {
        const slow = await startDhis2Sandbox({ minor, asyncJobDelayMs: 60_000 })
        try {
            const connection = await engineFor(slow, 'operator')
            let polls = 0
            const restartingClock: Clock = {
                now: () => Date.now(),
                sleep: async (ms) => {
                    if (++polls === 2) slow.restart()
                    await realClock.sleep(ms)
                },
            }
            const writer = createTrackerWriter(connection.engine, connection.version, {
                clock: restartingClock,
                pollIntervalMs: 10,
                maxPollMs: 20_000,
            })
            const result = await writer.importTracker(childPayload([{ id: `R${minor}-1` }]), commit)
            expect(result.status).toBe('ERROR')
            expect(result.failure).toMatchObject({
                kind: 'transport',
                retryable: true,
                code: 'DHIS2_IMPORT_REPORT_LOST',
            })
        } finally {
            await slow.close()
        }
    })
})

/**
 * Deletions of voided vaccinations fill one DELETE request across OpenSRP pages, like creations
 * do, without ever overtaking the creation of the same event (or being overtaken by it), and the
 * events cursor still moves only past pages whose every record DHIS2 answered for. Fakes behind
 * every port.
 */
import type { TrackerImportResult, TrackerTarget } from '../../src/core/ports/dhis2Target'
import type { CursorStream } from '../../src/core/ports/cursorStore'
import type { TrackerMapper } from '../../src/core/sync/mappers'
import type { StreamCheckpoint } from '../../src/core/sync/overlapCursor'
import { MAX_DELETION_WAIT_PAGES } from '../../src/core/sync/pendingRequests'
import { runSync, type SyncRun } from '../../src/core/sync/runSync'
import { FakeClock } from '../fakes/fakeClock'
import { InMemoryOpenSrpSource } from '../fakes/inMemoryOpenSrpSource'
import { InMemorySyncStore } from '../fakes/inMemorySyncStore'

const uidOf = (formSubmissionId: string) =>
    `E${formSubmissionId.replace(/\D/g, '').padStart(10, '0')}`

const mapper: TrackerMapper = {
    trackedEntityType: 'TETYPE00001',
    idAttribute: 'ATTRIBUTE01',
    eventUidOf: uidOf,
    idAttributeValue: (client) => client.baseEntityId,
    mapClient: () => ({ ok: 'skip', reason: 'events only in this test' }),
    mapVaccination: (event) => ({
        ok: true,
        value: {
            event: uidOf(event.formSubmissionId ?? event.id),
            enrollment: 'ENROLLMENT1',
            trackedEntity: 'TRACKEDENT1',
            program: 'PROGRAM0001',
            programStage: 'STAGE000001',
            orgUnit: 'ORGUNIT0001',
            status: 'COMPLETED',
            occurredAt: event.eventDate.slice(0, 10),
            dataValues: [],
        },
    }),
}

const vaccination = (id: string, formSubmissionId: string, date = '2024-01-01') => ({
    _id: id,
    formSubmissionId,
    type: 'Event',
    baseEntityId: 'child',
    eventType: 'Vaccination',
    eventDate: `${date}T10:00:00.000+06:00`,
    identifiers: {},
    details: {},
    obs: [],
})

/** A Void Event for the vaccination sent under `formSubmissionId`. */
const voidOf = (id: string, formSubmissionId: string) => ({
    ...vaccination(id, formSubmissionId),
    eventType: 'Void Event',
    voided: true,
})

const vaccinations = (from: number, to: number) =>
    Array.from({ length: to - from + 1 }, (_, i) => vaccination(`ev${from + i}`, `f${from + i}`))

const failure = {
    kind: 'transport' as const,
    message: 'DHIS2 answered 503',
    retryable: true,
}

const answer = (created: number, deleted: number, fine = true): TrackerImportResult => ({
    status: fine ? 'OK' : 'ERROR',
    counts: { created, updated: 0, deleted, ignored: 0 },
    conflicts: [],
    rejected: [],
    ...(fine ? {} : { failure }),
})

/** Records every request in order, answers after a while, and counts requests in flight. */
function setup(options: { batchSize: number; deletionFails?: () => boolean }) {
    const log: string[] = []
    const deletions: string[][] = []
    const dryRuns: boolean[] = []
    let inFlight = 0
    let mostInFlight = 0
    const request = async <T>(line: string, answerWith: () => T): Promise<T> => {
        inFlight++
        mostInFlight = Math.max(mostInFlight, inFlight)
        log.push(`send ${line}`)
        // DHIS2 takes a while: the connector reads on meanwhile.
        await new Promise((resolve) => setTimeout(resolve, 20))
        log.push(`answered ${line}`)
        inFlight--
        return answerWith()
    }
    const target: TrackerTarget = {
        kind: 'tracker',
        async importTracker(payload) {
            const uids = payload.events.map((e) => e.event)
            return request(`create ${uids.join(',')}`, () => answer(uids.length, 0))
        },
        async deleteEvents(uids, { dryRun }) {
            deletions.push(uids)
            dryRuns.push(dryRun)
            const fine = !options.deletionFails?.()
            return request(`delete ${uids.join(',')}`, () =>
                answer(0, fine ? uids.length : 0, fine)
            )
        },
        async findTrackedEntitiesByAttribute() {
            return []
        },
    }
    const source = new InMemoryOpenSrpSource({ pageSize: 2, overlap: 0 })
    const saved = new Map<string, StreamCheckpoint>()
    const store = new InMemorySyncStore()
    const clock = new FakeClock(1_000_000)
    const run = (dryRun = false): SyncRun => ({
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
        dryRun,
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
    const requests = () => log.filter((line) => line.startsWith('send'))
    const cursor = () => saved.get('all.events')?.high
    const status = async (fsid: string) =>
        (await store.getRecords([`event:${fsid}`])).get(`event:${fsid}`)?.status
    return {
        log,
        deletions,
        dryRuns,
        source,
        run,
        requests,
        cursor,
        status,
        mostInFlight: () => mostInFlight,
    }
}

describe('deletions of voided vaccinations across OpenSRP pages', () => {
    it('sends voids spread over several pages in one DELETE request, without cutting the creations short', async () => {
        const t = setup({ batchSize: 5 })
        t.source.add({ events: vaccinations(1, 6) })
        expect((await runSync(t.run())).status).toBe('succeeded')
        // Voids of events sent by the first run, one every other page, among new vaccinations.
        t.source.add({
            events: [
                ...vaccinations(7, 8),
                voidOf('v1', 'f1'),
                ...vaccinations(9, 11),
                voidOf('v3', 'f3'),
                ...vaccinations(12, 14),
                voidOf('v5', 'f5'),
                ...vaccinations(15, 16),
            ],
        })
        const summary = await runSync(t.run())
        expect(summary.status).toBe('succeeded')
        expect(t.deletions).toEqual([[uidOf('f1'), uidOf('f3'), uidOf('f5')]])
        expect(t.requests().filter((line) => line.startsWith('send create'))).toHaveLength(2 + 2)
        expect(summary.tracker).toMatchObject({ created: 10, deleted: 3, failed: 0 })
        expect(await t.status('f3')).toBe('deleted')
        expect(t.cursor()).toBe(19)
        expect(t.mostInFlight()).toBe(1)
    })

    it('sends one DELETE request per batch size of voids', async () => {
        const t = setup({ batchSize: 2 })
        t.source.add({ events: vaccinations(1, 5) })
        await runSync(t.run())
        t.source.add({ events: [1, 2, 3, 4, 5].map((n) => voidOf(`v${n}`, `f${n}`)) })
        const summary = await runSync(t.run())
        expect(t.deletions.map((uids) => uids.length)).toEqual([2, 2, 1])
        expect(summary.tracker).toMatchObject({ deleted: 5, failed: 0 })
    })

    it('deletes a voided vaccination only after the request carrying its creation was answered', async () => {
        const t = setup({ batchSize: 3 })
        t.source.add({ events: [vaccination('ev8', 'f8'), vaccination('ev9', 'f9')] })
        await runSync(t.run())
        t.log.length = 0
        // f1 is voided while its creation still waits in the request being filled; the third void
        // fills the DELETE request.
        t.source.add({
            events: [
                vaccination('ev1', 'f1'),
                voidOf('v1', 'f1'),
                voidOf('v8', 'f8'),
                voidOf('v9', 'f9'),
            ],
        })
        expect((await runSync(t.run())).status).toBe('succeeded')
        const creation = t.log.indexOf(`answered create ${uidOf('f1')}`)
        const deletion = t.log.findIndex((line) => line.startsWith('send delete'))
        expect(creation).toBeGreaterThanOrEqual(0)
        expect(deletion).toBeGreaterThan(creation)
        expect(t.deletions).toEqual([[uidOf('f1'), uidOf('f8'), uidOf('f9')]])
        expect(await t.status('f1')).toBe('deleted')
        expect(t.mostInFlight()).toBe(1)
    })

    it('creates an event again only after its waiting deletion was answered', async () => {
        const t = setup({ batchSize: 10 })
        t.source.add({ events: vaccinations(1, 2) })
        await runSync(t.run())
        t.log.length = 0
        // f1 is voided, then entered again (a new date) two pages later.
        t.source.add({
            events: [
                voidOf('v1', 'f1'),
                ...vaccinations(3, 5),
                vaccination('ev1-again', 'f1', '2024-03-03'),
            ],
        })
        expect((await runSync(t.run())).status).toBe('succeeded')
        const deletion = t.log.indexOf(`answered delete ${uidOf('f1')}`)
        const creation = t.log.findIndex((line) => /^send create .*E0000000001/.test(line))
        expect(deletion).toBeGreaterThanOrEqual(0)
        expect(creation).toBeGreaterThan(deletion)
        expect(await t.status('f1')).toBe('synced')
        expect(t.mostInFlight()).toBe(1)
    })

    it('keeps the cursor before a page whose deletion DHIS2 never answered, however far the creations got', async () => {
        let failing = true
        const t = setup({ batchSize: 3, deletionFails: () => failing })
        t.source.add({ events: vaccinations(1, 4) })
        await runSync(t.run())
        expect(t.cursor()).toBe(4)
        // The stream starts again at version 4: pages 4–5 and 6–7, the void at 8 (page 8–9), then
        // three requests' worth of creations.
        t.source.add({
            events: [...vaccinations(5, 7), voidOf('v1', 'f1'), ...vaccinations(8, 14)],
        })
        const summary = await runSync(t.run())
        expect(summary.status).toBe('failed')
        expect(t.log.filter((line) => line.startsWith('answered create')).length).toBeGreaterThan(2)
        expect(t.cursor()).toBe(7)
        expect(await t.status('f1')).toBe('synced')

        failing = false
        const again = await runSync(t.run())
        expect(again.status).toBe('succeeded')
        expect(again.tracker).toMatchObject({ deleted: 1, created: 0 })
        expect(await t.status('f1')).toBe('deleted')
        expect(t.cursor()).toBe(15)
    })

    it('sends a deletion that has waited many pages without waiting for the request to fill', async () => {
        const t = setup({ batchSize: 1000 })
        t.source.add({ events: vaccinations(1, 2) })
        await runSync(t.run())
        t.log.length = 0
        // Pages of two: the void, then more pages of creations than a deletion may wait for.
        const pages = MAX_DELETION_WAIT_PAGES + 5
        t.source.add({ events: [voidOf('v1', 'f1'), ...vaccinations(3, 2 + 2 * pages)] })
        expect((await runSync(t.run())).status).toBe('succeeded')
        const deletion = t.log.indexOf(`send delete ${uidOf('f1')}`)
        const creation = t.log.findIndex((line) => line.startsWith('send create'))
        expect(deletion).toBeGreaterThanOrEqual(0)
        // The creations fill no request before the stream ends; the deletion went out before.
        expect(creation).toBeGreaterThan(deletion)
        expect(t.mostInFlight()).toBe(1)
    })

    it('deletes an event voided twice once', async () => {
        const t = setup({ batchSize: 10 })
        t.source.add({ events: vaccinations(1, 2) })
        await runSync(t.run())
        t.source.add({ events: [voidOf('v1', 'f1'), ...vaccinations(3, 5), voidOf('v1b', 'f1')] })
        const summary = await runSync(t.run())
        expect(t.deletions).toEqual([[uidOf('f1')]])
        expect(summary.tracker).toMatchObject({ deleted: 1, unchanged: 1, failed: 0 })
    })

    it('counts in a dry run what the deletions would do, and changes nothing', async () => {
        const t = setup({ batchSize: 10 })
        t.source.add({ events: vaccinations(1, 4) })
        await runSync(t.run())
        t.source.add({ events: [voidOf('v1', 'f1'), ...vaccinations(5, 7), voidOf('v4', 'f4')] })
        const summary = await runSync(t.run(true))
        expect(summary.dryRun).toBe(true)
        expect(summary.tracker).toMatchObject({ created: 3, deleted: 2, failed: 0 })
        expect(t.deletions).toEqual([[uidOf('f1'), uidOf('f4')]])
        expect(t.dryRuns).toEqual([true])
        expect(await t.status('f1')).toBe('synced')
        expect(t.cursor()).toBe(4)
    })
})

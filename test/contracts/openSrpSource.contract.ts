import type { OpenSrpEvent } from '../../src/core/domain/opensrp'
import type { OpenSrpSource } from '../../src/core/ports/openSrpSource'
import type { StreamCheckpoint } from '../../src/core/sync/overlapCursor'
import page1 from '../fixtures/opensrp/events-sync-page-1.json'
import page2 from '../fixtures/opensrp/events-sync-page-2.json'

export type RawRecord = Record<string, unknown>

/** What a contract run needs from an implementation: a source, and a way to upload records to it. */
export interface SourceUnderTest {
    source: OpenSrpSource
    /** Stores or replaces records as a device upload does (same `_id` or formSubmissionId = edit). */
    upload(records: { clients?: RawRecord[]; events?: RawRecord[] }): Promise<void>
    close(): Promise<void>
}

/** The fixture pages as a device would upload them: one version of each event, clients alongside. */
export function fixtureUpload(): { clients: RawRecord[]; events: RawRecord[] } {
    const events = new Map<string, RawRecord>()
    for (const event of [...page1.events, ...page2.events] as RawRecord[])
        events.set(String(event._id), event)
    const clients = new Map<string, RawRecord>()
    for (const client of [...page1.clients, ...page2.clients] as RawRecord[])
        clients.set(String(client.baseEntityId), client)
    return { clients: [...clients.values()], events: [...events.values()] }
}

async function readAll(source: OpenSrpSource, from?: StreamCheckpoint) {
    const events: OpenSrpEvent[] = []
    const quarantined: string[] = []
    const clientIds = new Set<string>()
    let checkpoint = from
    for await (const batch of source.streamEvents({ endpoint: 'getAll' }, from)) {
        events.push(...batch.records)
        quarantined.push(...batch.quarantined.map((q) => q.reason))
        for (const client of batch.clients) clientIds.add(client.baseEntityId)
        checkpoint = batch.checkpoint
    }
    return { events, quarantined, clientIds, checkpoint }
}

/**
 * The behaviour every OpenSrpSource must have, run against the in-memory fake and against the
 * real adapter talking to the OpenSRP sandbox, so the fake cannot drift from the real thing.
 */
export function describeOpenSrpSourceContract(name: string, start: () => Promise<SourceUnderTest>) {
    describe(`OpenSrpSource contract: ${name}`, () => {
        let subject: SourceUnderTest

        beforeEach(async () => {
            subject = await start()
        })

        afterEach(async () => {
            await subject.close()
        })

        it('delivers each uploaded event once, the malformed one as quarantine, with the clients they reference', async () => {
            const upload = fixtureUpload()
            await subject.upload(upload)
            const result = await readAll(subject.source)
            const ids = result.events.map((e) => e.id)
            expect(new Set(ids).size).toBe(ids.length)
            expect(ids.length + result.quarantined.length).toBe(upload.events.length)
            expect(result.quarantined).toEqual([
                "vaccination date '২০২৪-০২-২৬' is not an ASCII yyyy-MM-dd date",
            ])
            const referenced = new Set(result.events.map((e) => e.baseEntityId).filter(Boolean))
            expect([...referenced].every((id) => result.clientIds.has(id))).toBe(true)
        })

        it('from a checkpoint, delivers only what changed since: an edit comes back once, with its new version', async () => {
            const upload = fixtureUpload()
            await subject.upload(upload)
            const first = await readAll(subject.source)
            const edited: RawRecord = { ...upload.events[0], _rev: 'v2' }
            await subject.upload({ events: [edited] })
            const second = await readAll(subject.source, first.checkpoint)
            expect(second.events.map((e) => [e.id, e.rev])).toEqual([[edited._id, 'v2']])
            const third = await readAll(subject.source, second.checkpoint)
            expect(third.events).toEqual([])
        })
    })
}

/**
 * @jest-environment node
 */
import page1 from '../../../test/fixtures/opensrp/events-sync-page-1.json'
import page2 from '../../../test/fixtures/opensrp/events-sync-page-2.json'
import { json, startScriptedServer } from '../../../test/support/scriptedServer'
import type { OpenSrpEvent } from '../../core/domain/opensrp'
import type { QuarantineEntry } from '../../core/domain/quarantine'
import type { StreamCheckpoint } from '../../core/sync/overlapCursor'
import { createOpenSrpSource } from './source'
import { createTransport } from './transport'

type RawEvent = { _id: string; serverVersion: number } & Record<string, unknown>

/** `/rest/event/getAll` over a list the test controls: strict ">", ascending, `limit` (reference §2.2). */
async function eventServer(events: RawEvent[], pageCap = Infinity) {
    const server = await startScriptedServer((request) => {
        const after = Number(request.url.searchParams.get('serverVersion') ?? '0')
        const limit = Math.min(pageCap, Number(request.url.searchParams.get('limit') || '25'))
        const page = events
            .filter((e) => (after === 0 ? e.serverVersion >= 0 : e.serverVersion > after))
            .sort((a, b) => a.serverVersion - b.serverVersion)
            .slice(0, limit)
        return json(200, { events: page, clients: [], no_of_events: page.length })
    })
    const transport = createTransport(
        {
            mode: 'direct',
            baseUrl: server.url,
            auth: { type: 'basic', username: 'u', password: 'p' },
        },
        { sleep: async () => undefined }
    )
    return { server, transport }
}

async function drain(
    source: ReturnType<typeof createOpenSrpSource>,
    from?: StreamCheckpoint
): Promise<{
    events: OpenSrpEvent[]
    quarantined: QuarantineEntry[]
    checkpoint?: StreamCheckpoint
}> {
    const events: OpenSrpEvent[] = []
    const quarantined: QuarantineEntry[] = []
    let checkpoint: StreamCheckpoint | undefined = from
    for await (const batch of source.streamEvents({ endpoint: 'getAll' }, from)) {
        events.push(...batch.records)
        quarantined.push(...batch.quarantined)
        checkpoint = batch.checkpoint
    }
    return { events, quarantined, checkpoint }
}

const fixtureEvents = (): RawEvent[] => {
    const byId = new Map<string, RawEvent>()
    for (const e of [...page1.events, ...page2.events] as RawEvent[]) {
        const known = byId.get(e._id)
        if (!known || known.serverVersion < e.serverVersion) byId.set(e._id, e)
    }
    return [...byId.values()]
}

describe('streaming OpenSRP events', () => {
    it('delivers every valid event once and quarantines the malformed one', async () => {
        const events = fixtureEvents()
        const { server, transport } = await eventServer(events)
        const result = await drain(createOpenSrpSource(transport, { pageSize: 4, overlap: 50 }))
        const ids = result.events.map((e) => e.id)
        expect(new Set(ids).size).toBe(ids.length)
        expect(ids.length + result.quarantined.length).toBe(events.length)
        expect(result.quarantined.map((q) => q.reason)).toEqual([
            "vaccination date '২০২৪-০২-২৬' is not an ASCII yyyy-MM-dd date",
        ])
        await server.close()
    })

    it('does not step over records that share one serverVersion across a page boundary', async () => {
        const tied: RawEvent[] = Array.from({ length: 30 }, (_, i) => ({
            ...(page1.events[0] as RawEvent),
            _id: `tie-${i}`,
            formSubmissionId: `fs-${i}`,
            serverVersion: 1000 + (i < 5 ? i : 5),
        }))
        const { server, transport } = await eventServer(tied)
        const result = await drain(createOpenSrpSource(transport, { pageSize: 8, overlap: 10 }))
        expect(result.events.map((e) => e.id).sort()).toEqual(tied.map((e) => e._id).sort())
        await server.close()
    })

    it('reads through a server that caps its pages below the limit asked', async () => {
        const events = fixtureEvents()
        const { server, transport } = await eventServer(events, 3)
        const result = await drain(createOpenSrpSource(transport, { pageSize: 8, overlap: 10 }))
        expect(result.events.length + result.quarantined.length).toBe(events.length)
        await server.close()
    })

    it('stops with a clear error, not silently, when a capped server hides part of a tie', async () => {
        const tied: RawEvent[] = Array.from({ length: 20 }, (_, i) => ({
            ...(page1.events[0] as RawEvent),
            _id: `tie-${i}`,
            formSubmissionId: `fs-${i}`,
            serverVersion: 1000 + (i < 8 ? i : 8),
        }))
        const { server, transport } = await eventServer(tied, 3)
        const source = createOpenSrpSource(transport, { pageSize: 8, overlap: 10 })
        await expect(drain(source)).rejects.toMatchObject({
            code: 'page-cap',
            message: expect.stringContaining('answers at most 3 records per request'),
        })
        await server.close()
    })

    it('finds a record that committed late with a lower serverVersion on the next run', async () => {
        const events = fixtureEvents()
        const late = events.splice(3, 1)[0] as RawEvent
        const { server, transport } = await eventServer(events)
        const source = createOpenSrpSource(transport, { pageSize: 5, overlap: 1_000_000 })
        const first = await drain(source)
        expect(first.events.map((e) => e.id)).not.toContain(late._id)
        events.push(late) // visible now, below the highest serverVersion already read
        const second = await drain(source, first.checkpoint)
        expect(second.events.map((e) => e.id)).toEqual([late._id])
        await server.close()
    })

    it('delivers an edited event again with its new serverVersion', async () => {
        const events = fixtureEvents()
        const { server, transport } = await eventServer(events)
        const source = createOpenSrpSource(transport, { pageSize: 5, overlap: 1_000 })
        const first = await drain(source)
        const edited = { ...(events[0] as RawEvent), _rev: 'v2', serverVersion: 1_700_000_000_000 }
        events[0] = edited
        const second = await drain(source, first.checkpoint)
        expect(second.events.map((e) => [e.id, e.rev])).toEqual([[edited._id, 'v2']])
        await server.close()
    })

    it('quarantines a record without an _id once, not again on every overlapping run', async () => {
        const events = fixtureEvents()
        const { _id: _dropped, ...withoutId } = events[2] as RawEvent
        events[2] = withoutId as RawEvent
        const { server, transport } = await eventServer(events)
        const source = createOpenSrpSource(transport, { pageSize: 5, overlap: 1_000_000 })
        const first = await drain(source)
        expect(first.quarantined.filter((q) => q.reason === '_id is missing')).toHaveLength(1)
        const second = await drain(source, first.checkpoint)
        expect(second.quarantined).toEqual([])
        await server.close()
    })
})

/**
 * @jest-environment node
 */
import { clientVersion, CLIENT_SLOTS, eventVersion, EVENT_SLOTS } from './generator/layout'
import { HeldRows } from './heldRows'
import { startOpenSrpSandbox } from './index'
import type { JsonObject } from './json'
import { call, type SyncPage } from './testSupport'

// With nonMonotonic, a held client row is a write not yet committed: the envelope of an event
// page (EventResource reads the clients from the client table) must not show it until it is
// visible, as client/getAll does not.

const SEED = 5
const CHILDREN = 300

test('event pages do not return a client whose row is still held', async () => {
    const truth = await startOpenSrpSandbox({ children: CHILDREN, seed: SEED })
    const quirky = await startOpenSrpSandbox({
        children: CHILDREN,
        seed: SEED,
        nonMonotonic: true,
    })
    try {
        // Nothing reads the client table below, so its held rows stay as at the start.
        const held = new HeldRows(SEED, true, {
            event: eventVersion(CHILDREN - 1, EVENT_SLOTS - 1),
            client: clientVersion(CHILDREN - 1, CLIENT_SLOTS - 1),
        })
        const clients = (
            await call(truth, '/rest/client/getAll?serverVersion=0&limit=100000')
        ).json<JsonObject[]>()
        const heldIds = new Set(
            clients
                .filter((c) => held.hidden('client', Number(c.serverVersion)))
                .map((c) => String(c.baseEntityId))
        )
        expect(heldIds.size).toBeGreaterThan(0)

        const returned: JsonObject[] = []
        const referenced = new Set<string>()
        for (let cursor = 0; ;) {
            const page = (
                await call(quirky, `/rest/event/getAll?serverVersion=${cursor}&limit=500`)
            ).json<SyncPage>()
            if (page.events.length === 0) break
            for (const event of page.events) referenced.add(String(event.baseEntityId))
            returned.push(...page.clients)
            cursor = Math.max(...page.events.map((e) => Number(e.serverVersion)))
        }
        expect([...heldIds].some((id) => referenced.has(id))).toBe(true)
        const heldVersions = returned.filter(
            (c) =>
                heldIds.has(String(c.baseEntityId)) &&
                held.hidden('client', Number(c.serverVersion))
        )
        expect(heldVersions).toEqual([])

        // Once the client table has been read to its end, they are all committed.
        await call(quirky, '/rest/client/getAll?serverVersion=0&limit=100000')
        const [id] = heldIds
        const found = await call(quirky, `/rest/client/findById?id=${id ?? ''}`)
        expect(found.json<JsonObject>().baseEntityId).toBe(id)
    } finally {
        await Promise.all([truth.close(), quirky.close()])
    }
})

/**
 * @jest-environment node
 */
import { EVENT_BASE, EVENT_SLOTS, CLIENT_BASE, CLIENT_SLOTS } from './generator/layout'
import { HOLD_SPAN } from './heldRows'
import { startOpenSrpSandbox } from './index'
import type { JsonObject } from './json'
import { call, versions, type SyncPage } from './testSupport'

// Bounded memory with a million children, and the #980 non-monotonic visibility quirk.

describe('a million children', () => {
    it('serves pages deep in the range with a bounded heap', async () => {
        const heapBefore = process.memoryUsage().heapUsed
        const sandbox = await startOpenSrpSandbox({ children: 1_000_000 })
        try {
            const deep = EVENT_BASE + 987_654 * EVENT_SLOTS
            const page = (
                await call(sandbox, `/rest/event/getAll?serverVersion=${deep}&limit=1000`)
            ).json<SyncPage>()
            expect(page.events).toHaveLength(1000)
            expect(versions(page.events)[0]).toBeGreaterThan(deep)

            const facility = String(page.events[0]?.locationId)
            const synced = (
                await call(
                    sandbox,
                    `/rest/event/sync?locationId=${facility}&serverVersion=${deep}&limit=500`
                )
            ).json<SyncPage>()
            expect(synced.events.length).toBe(500)

            const entity = String(page.events[0]?.baseEntityId)
            const own = (
                await call(sandbox, `/rest/event/sync?baseEntityId=${entity}`)
            ).json<SyncPage>()
            expect(own.events.length).toBeGreaterThan(0)
            expect(own.clients.map((c) => c.baseEntityId)).toEqual([entity])

            const clients = (
                await call(
                    sandbox,
                    `/rest/client/getAll?serverVersion=${CLIENT_BASE + 999_000 * CLIENT_SLOTS}&limit=1000`
                )
            ).json<JsonObject[]>()
            expect(clients).toHaveLength(1000)

            const grownMb = (process.memoryUsage().heapUsed - heapBefore) / 1e6
            expect(grownMb).toBeLessThan(200)
        } finally {
            await sandbox.close()
        }
    })
})

describe('nonMonotonic (server-web #980)', () => {
    const readAll = async (url: string): Promise<Map<string, number>> => {
        const seen = new Map<string, number>()
        let cursor = 0
        for (;;) {
            const page = (
                await call({ url }, `/rest/event/getAll?serverVersion=${cursor}&limit=100`)
            ).json<SyncPage>()
            if (page.events.length === 0) return seen
            for (const event of page.events)
                seen.set(String(event._id), Number(event.serverVersion))
            cursor = Math.max(...versions(page.events))
        }
    }

    it('hides lower serverVersions from a naive max-cursor reader; an overlapping re-read finds them', async () => {
        const truth = await startOpenSrpSandbox({ children: 300, seed: 5 })
        const quirky = await startOpenSrpSandbox({ children: 300, seed: 5, nonMonotonic: true })
        try {
            const expected = await readAll(truth.url)
            const naive = await readAll(quirky.url)
            const missed = [...expected.keys()].filter((id) => !naive.has(id))
            expect(missed.length).toBeGreaterThan(expected.size * 0.003)
            expect(missed.length).toBeLessThan(expected.size * 0.03)
            expect([...naive.keys()].every((id) => expected.has(id))).toBe(true)
            // Only rows near the head can commit late: history is read once, in order.
            const top = Math.max(...expected.values())
            const deepest = Math.min(...missed.map((id) => expected.get(id) ?? 0))
            expect(deepest).toBeGreaterThan(top - HOLD_SPAN)

            const overlap = await readAll(quirky.url)
            expect(overlap).toEqual(expected)
        } finally {
            await Promise.all([truth.close(), quirky.close()])
        }
    })
})

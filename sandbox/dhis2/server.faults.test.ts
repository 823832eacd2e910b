/**
 * @jest-environment node
 */
import { get, start, stopAll } from './server.support'
import { ADMIN } from './testUtils'

/** Injected 5xx faults and latency. */

afterEach(stopAll)

describe('latency and faults', () => {
    it('injects 5xx at the configured rate, reproducibly', async () => {
        const { url } = await start(42, { faults: { errorRate: 0.5, seed: 7 } })
        const statuses: number[] = []
        for (let i = 0; i < 40; i++)
            statuses.push((await get(`${url}/api/me`, { Authorization: ADMIN })).status)
        const failures = statuses.filter((s) => s >= 500).length
        expect(failures).toBeGreaterThan(8)
        expect(failures).toBeLessThan(32)
        expect(statuses.every((s) => s === 200 || s >= 500)).toBe(true)
    })

    it('delays responses by latencyMs', async () => {
        const { url } = await start(42, { latencyMs: 150 })
        const began = Date.now()
        await get(`${url}/api/ping`)
        expect(Date.now() - began).toBeGreaterThanOrEqual(140)
    })
})

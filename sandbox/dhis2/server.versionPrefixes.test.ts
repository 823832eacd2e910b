/**
 * @jest-environment node
 */
import { get, start, stopAll } from './server.support'
import { ADMIN } from './testUtils'

/** Which /api/{version}/ prefixes each version serves. */

afterEach(stopAll)

describe('version prefixes', () => {
    it('serves /api/{28..minor}/x like /api/x and 404s other numbers', async () => {
        const { url } = await start(40)
        const auth = { Authorization: ADMIN }
        expect((await get(`${url}/api/28/system/info`, auth)).status).toBe(200)
        expect((await get(`${url}/api/40/system/info.json`, auth)).status).toBe(200)
        expect((await get(`${url}/api/41/system/info`, auth)).status).toBe(404)
        expect((await get(`${url}/api/27/system/info`, auth)).status).toBe(404)
    })

    it('2.43 answers /api/43/x and 404s /api/44/x', async () => {
        const { url } = await start(43)
        const auth = { Authorization: ADMIN }
        expect((await get(`${url}/api/43/me`, auth)).status).toBe(200)
        expect((await get(`${url}/api/44/me`, auth)).status).toBe(404)
    })

    it('unknown endpoints are 404', async () => {
        const { url } = await start(42)
        expect((await get(`${url}/api/nothingHere`, { Authorization: ADMIN })).status).toBe(404)
    })
})

/**
 * @jest-environment node
 */
import { get, start, stopAll } from './server.support'
import { ADMIN, fetch } from './testUtils'

/** CORS for allow-listed origins only: preflights and response headers. */

afterEach(stopAll)

describe('CORS (reference §5)', () => {
    it('answers an allowed preflight with 204 without auth, and adds headers to responses', async () => {
        const { url } = await start(42, { corsAllowlist: ['http://localhost:3000'] })
        const preflight = await fetch(`${url}/api/me`, {
            method: 'OPTIONS',
            headers: {
                Origin: 'http://localhost:3000',
                'Access-Control-Request-Method': 'GET',
                'Access-Control-Request-Headers': 'authorization,x-requested-with',
            },
        })
        expect(preflight.status).toBe(204)
        expect(preflight.headers.get('access-control-allow-origin')).toBe('http://localhost:3000')
        expect(preflight.headers.get('access-control-allow-credentials')).toBe('true')
        expect(preflight.headers.get('access-control-allow-methods')).toBe('GET')
        expect(preflight.headers.get('access-control-allow-headers')).toBe(
            'authorization,x-requested-with'
        )
        expect(preflight.headers.get('access-control-max-age')).toBe('3600')
        const response = await get(`${url}/api/me`, {
            Origin: 'http://localhost:3000',
            Authorization: ADMIN,
        })
        expect(response.headers.get('access-control-allow-origin')).toBe('http://localhost:3000')
        expect(response.headers.get('access-control-expose-headers')).toBe('ETag, Location')
        expect(response.headers.get('vary')).toBe('Origin')
    })

    it('gives other origins no CORS headers at all (the request still runs)', async () => {
        const { url } = await start(42, { corsAllowlist: ['http://localhost:3000'] })
        const response = await get(`${url}/api/me`, {
            Origin: 'http://evil.example',
            Authorization: ADMIN,
        })
        expect(response.status).toBe(200)
        expect(response.headers.get('access-control-allow-origin')).toBeNull()
        const preflight = await fetch(`${url}/api/me`, {
            method: 'OPTIONS',
            headers: { Origin: 'http://evil.example', 'Access-Control-Request-Method': 'GET' },
        })
        expect(preflight.status).not.toBe(204)
        expect(preflight.headers.get('access-control-allow-origin')).toBeNull()
    })
})

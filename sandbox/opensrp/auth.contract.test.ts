/**
 * @jest-environment node
 */
import { startOpenSrpSandbox, type OpenSrpSandbox } from './index'
import { TOKEN_PATH } from './routes/keycloak'
import { basic, call, CHW, passwordGrant } from './testSupport'

// Authentication, roles, error shapes and CORS: reference §1 and §2.6.

let sandbox: OpenSrpSandbox
const ORIGIN = 'https://dhis2.example.org'

beforeAll(async () => {
    sandbox = await startOpenSrpSandbox({ children: 20, corsOrigins: [ORIGIN] })
})
afterAll(() => sandbox.close())

const SYNC = '/rest/event/sync?locationId=x'

describe('HTTP Basic', () => {
    it('accepts the admin and answers 401 with a Basic challenge and a non-JSON body otherwise', async () => {
        expect((await call(sandbox, SYNC)).status).toBe(200)
        const bad = await call(sandbox, SYNC, {}, basic('opensrp-admin', 'wrong'))
        expect(bad.status).toBe(401)
        expect(bad.header('www-authenticate')).toMatch(/^Basic realm=/)
        expect(bad.header('content-type')).toMatch(/text\/html/)
        expect(() => JSON.parse(bad.text)).toThrow()
    })

    it('challenges a request without credentials, before it answers 404 for an unknown path', async () => {
        const none = await call(sandbox, '/rest/nothing-here', {}, null)
        expect(none.status).toBe(401)
        expect(none.header('www-authenticate')).toMatch(/Bearer/)
        const unknown = await call(sandbox, '/rest/nothing-here')
        expect(unknown.status).toBe(404)
        expect(unknown.header('content-type')).toMatch(/text\/html/)
    })
})

describe('roles', () => {
    it('gives chw (OPENMRS only) 403 HTML on every getAll but access to sync and /security', async () => {
        for (const path of [
            '/rest/event/getAll?serverVersion=0',
            '/rest/client/getAll?serverVersion=0',
            '/rest/location/getAll?serverVersion=0',
        ]) {
            const denied = await call(sandbox, path, {}, CHW)
            expect(denied.status).toBe(403)
            expect(denied.header('content-type')).toMatch(/text\/html/)
        }
        expect((await call(sandbox, SYNC, {}, CHW)).status).toBe(200)
        const me = await call(sandbox, '/security/authenticate', {}, CHW)
        expect(me.status).toBe(200)
        expect(me.json<{ user: { username: string } }>().user.username).toBe('chw')
    })

    it('serves /rest/config/keycloak without auth, pointing at its own token endpoint', async () => {
        const doc = await call(sandbox, '/rest/config/keycloak', {}, null)
        expect(doc.status).toBe(200)
        expect(doc.json<{ token_endpoint: string }>().token_endpoint).toBe(
            `${sandbox.url}${TOKEN_PATH}`
        )
    })
})

describe('OAuth2 (Keycloak)', () => {
    it('issues tokens for the password grant that work as Bearer', async () => {
        const grant = await passwordGrant(sandbox, {
            grant_type: 'password',
            username: 'opensrp-admin',
            password: 'Admin123',
        })
        expect(grant.status).toBe(200)
        const body = grant.json<{
            access_token: string
            token_type: string
            expires_in: number
            refresh_expires_in: number
        }>()
        expect(body).toMatchObject({
            token_type: 'Bearer',
            expires_in: 300,
            refresh_expires_in: 1800,
        })
        expect((await call(sandbox, SYNC, {}, `Bearer ${body.access_token}`)).status).toBe(200)
    })

    it('answers Keycloak error bodies for bad user and client credentials', async () => {
        const user = await passwordGrant(sandbox, {
            grant_type: 'password',
            username: 'opensrp-admin',
            password: 'nope',
        })
        expect(user.status).toBe(401)
        expect(user.json()).toEqual({
            error: 'invalid_grant',
            error_description: 'Invalid user credentials',
        })
        const client = await passwordGrant(sandbox, {
            grant_type: 'password',
            username: 'opensrp-admin',
            password: 'Admin123',
            client_secret: 'wrong',
        })
        expect(client.status).toBe(401)
        expect(client.json<{ error: string }>().error).toBe('invalid_client')
    })

    it('expires access tokens (401 Bearer invalid_token), refreshes, and rejects an expired refresh with 400', async () => {
        const short = await startOpenSrpSandbox({ children: 0, tokenTtlSeconds: 1 })
        try {
            const grant = (
                await passwordGrant(short, {
                    grant_type: 'password',
                    username: 'opensrp-admin',
                    password: 'Admin123',
                })
            ).json<{ access_token: string; refresh_token: string }>()
            const bearer = `Bearer ${grant.access_token}`
            expect((await call(short, SYNC, {}, bearer)).status).toBe(200)
            await new Promise((resolve) => setTimeout(resolve, 1100))
            const expired = await call(short, SYNC, {}, bearer)
            expect(expired.status).toBe(401)
            expect(expired.header('www-authenticate')).toMatch(/^Bearer .*error="invalid_token"/)

            const refreshed = await passwordGrant(short, {
                grant_type: 'refresh_token',
                refresh_token: grant.refresh_token,
            })
            expect(refreshed.status).toBe(200)
            const fresh = refreshed.json<{ access_token: string; refresh_token: string }>()
            expect((await call(short, SYNC, {}, `Bearer ${fresh.access_token}`)).status).toBe(200)

            short.expireAllTokens()
            expect((await call(short, SYNC, {}, `Bearer ${fresh.access_token}`)).status).toBe(401)
            const stale = await passwordGrant(short, {
                grant_type: 'refresh_token',
                refresh_token: fresh.refresh_token,
            })
            expect(stale.status).toBe(400)
            expect(stale.json()).toEqual({
                error: 'invalid_grant',
                error_description: 'Token is not active',
            })
        } finally {
            await short.close()
        }
    })
})

describe('CORS', () => {
    const preflight = (origin: string) =>
        call(
            sandbox,
            '/rest/event/sync',
            {
                method: 'OPTIONS',
                headers: {
                    Origin: origin,
                    'Access-Control-Request-Method': 'GET',
                    'Access-Control-Request-Headers': 'authorization, content-type',
                },
            },
            null
        )

    it('answers an allowed preflight without auth and echoes the origin on responses', async () => {
        const ok = await preflight(ORIGIN)
        expect(ok.status).toBe(200)
        expect(ok.header('access-control-allow-origin')).toBe(ORIGIN)
        expect(ok.header('access-control-allow-methods')).toBe('GET, POST, PUT, DELETE')
        expect(ok.header('access-control-allow-headers')).toBe(
            'origin, content-type, accept, x-requested-with, Authorization'
        )
        const actual = await call(sandbox, SYNC, { headers: { Origin: ORIGIN } })
        expect(actual.header('access-control-allow-origin')).toBe(ORIGIN)
    })

    it('gives other origins no CORS headers', async () => {
        const denied = await preflight('https://evil.example.com')
        expect(denied.status).toBe(403)
        expect(denied.header('access-control-allow-origin')).toBeUndefined()
        const actual = await call(sandbox, SYNC, {
            headers: { Origin: 'https://evil.example.com' },
        })
        expect(actual.header('access-control-allow-origin')).toBeUndefined()
        // Spring's CorsFilter refuses the actual request too: a proxy that forwards the browser's
        // Origin to OpenSRP gets 403, not data.
        expect(actual.status).toBe(403)
        expect(actual.text).toBe('Invalid CORS request')
    })

    it('treats an Origin equal to its own address as same-origin, not CORS', async () => {
        const same = await call(sandbox, SYNC, { headers: { Origin: sandbox.url } })
        expect(same.status).toBe(200)
        expect(same.header('access-control-allow-origin')).toBeUndefined()
    })
})

describe('test hooks', () => {
    it('injects faults from a seeded stream and counts requests by path', async () => {
        const before = sandbox.stats()
        sandbox.setFaults({ errorRate: 1 })
        const failed = await call(sandbox, SYNC)
        expect([500, 502, 503]).toContain(failed.status)
        sandbox.setFaults({ timeoutRate: 1 })
        await expect(call(sandbox, SYNC, { timeoutMs: 200 })).rejects.toThrow('timeout')
        sandbox.setFaults({})
        expect((await call(sandbox, SYNC)).status).toBe(200)
        const after = sandbox.stats()
        expect(after.requests - before.requests).toBe(3)
        expect(
            (after.byPath['/rest/event/sync'] ?? 0) - (before.byPath['/rest/event/sync'] ?? 0)
        ).toBe(3)
    })
})

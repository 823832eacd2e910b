/**
 * @jest-environment node
 */
import badGatewayFixture from '../../test/fixtures/dhis2/responses/route-run-error-502.json'
import type { Dhis2Minor } from './contract'
import type { Dhis2Sandbox } from './server'
import { startDhis2Sandbox } from './server'
import type { Upstream } from './testUtils'
import { ADMIN, fetch, NURSE, OPERATOR, readJson, startUpstream } from './testUtils'

const servers: Dhis2Sandbox[] = []
let upstream: Upstream
beforeEach(async () => {
    upstream = await startUpstream()
})
afterEach(async () => {
    await Promise.all(servers.splice(0).map((s) => s.close()))
    await upstream.close()
})
async function start(minor: Dhis2Minor, patch?: number) {
    const server = await startDhis2Sandbox({
        minor,
        loadBdMetadata: false,
        ...(patch === undefined ? {} : { patch }),
    })
    servers.push(server)
    return server
}

const json = (
    method: string,
    authorization: string,
    body?: unknown,
    extra: Record<string, string> = {}
) => ({
    method,
    headers: { Authorization: authorization, 'Content-Type': 'application/json', ...extra },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
})

async function createRoute(url: string, route: Record<string, unknown>): Promise<string> {
    const response = await fetch(`${url}/api/routes`, json('POST', ADMIN, route))
    const body = (await readJson(response)) as { response?: { uid?: string } }
    if (response.status !== 201 || !body.response?.uid)
        throw new Error(`create failed: ${JSON.stringify(body)}`)
    return body.response.uid
}

const opensrpRoute = (extra: Record<string, unknown> = {}) => ({
    name: 'OpenSRP',
    code: 'opensrp',
    url: `${upstream.url}/opensrp/**`,
    auth: { type: 'http-basic', username: 'opensrp-admin', password: 'Admin123' },
    authorities: ['OPENSRP_CONNECTOR_RUN_IMPORT'],
    ...extra,
})

it('does not exist before 2.40', async () => {
    const { url } = await start(39)
    expect((await fetch(`${url}/api/routes`, json('GET', ADMIN))).status).toBe(404)
})

it('creates, lists and reads routes without ever returning secrets', async () => {
    const { url } = await start(42)
    const id = await createRoute(url, opensrpRoute())
    const list = await readJson(await fetch(`${url}/api/routes`, json('GET', ADMIN)))
    expect(JSON.stringify(list)).not.toContain('Admin123')
    expect(list).toMatchObject({
        routes: [{ id, code: 'opensrp', auth: { type: 'http-basic', username: 'opensrp-admin' } }],
    })
    const one = await readJson(await fetch(`${url}/api/routes/${id}`, json('GET', ADMIN)))
    expect(JSON.stringify(one)).not.toContain('Admin123')
    const updated = await fetch(
        `${url}/api/routes/${id}`,
        json('PUT', ADMIN, opensrpRoute({ name: 'OpenSRP 2' }))
    )
    expect(updated.status).toBe(200)
    expect((await fetch(`${url}/api/routes/${id}`, json('DELETE', ADMIN))).status).toBe(200)
    expect((await fetch(`${url}/api/routes/${id}`, json('GET', ADMIN))).status).toBe(404)
    expect((await fetch(`${url}/api/routes`, json('POST', OPERATOR, opensrpRoute()))).status).toBe(
        403
    )
    const invalid = await fetch(`${url}/api/routes`, json('POST', ADMIN, { name: 'x' }))
    expect(invalid.status).toBe(409)
})

it('forwards method, sub-path, query and body with the stored auth, allow-listed headers and X-Forwarded-User', async () => {
    const { url } = await start(42)
    await createRoute(url, opensrpRoute())
    const response = await fetch(
        `${url}/api/42/routes/opensrp/run/rest/client/search?name=Ayesha&page=2`,
        json(
            'POST',
            OPERATOR,
            { q: 1 },
            { Cookie: 'JSESSIONID=secret', 'X-Requested-With': 'XMLHttpRequest', 'X-Custom': 'no' }
        )
    )
    expect(response.status).toBe(200)
    expect(response.headers.get('etag')).toBe('"v1"')
    expect(await readJson(response)).toEqual({
        ok: true,
        path: '/opensrp/rest/client/search?name=Ayesha&page=2',
    })
    const seen = upstream.requests[0]
    expect(seen?.method).toBe('POST')
    expect(seen?.body).toBe('{"q":1}')
    expect(seen?.headers.authorization).toBe(
        `Basic ${Buffer.from('opensrp-admin:Admin123').toString('base64')}`
    )
    expect(seen?.headers['x-forwarded-user']).toBe('operator')
    expect(seen?.headers['x-requested-with']).toBe('XMLHttpRequest')
    expect(seen?.headers['content-type']).toBe('application/json')
    expect(seen?.headers.cookie).toBeUndefined()
    expect(seen?.headers['x-custom']).toBeUndefined()
})

it('relays upstream error statuses and bodies (later patches)', async () => {
    const { url } = await start(42)
    await createRoute(url, opensrpRoute())
    const response = await fetch(`${url}/api/routes/opensrp/run/fail`, json('GET', ADMIN))
    expect(response.status).toBe(500)
    expect(await readJson(response)).toEqual({ error: 'upstream broke' })
})

it('uses api-token auth and 404/400/403 errors', async () => {
    const { url } = await start(41, 9)
    const id = await createRoute(url, {
        name: 'Exact',
        url: `${upstream.url}/opensrp/exact`,
        auth: { type: 'api-token', token: 'd2pat_x' },
    })
    expect((await fetch(`${url}/api/routes/${id}/run`, json('GET', ADMIN))).status).toBe(200)
    expect(upstream.requests[0]?.headers.authorization).toBe('ApiToken d2pat_x')
    expect(upstream.requests[0]?.url).toBe('/opensrp/exact')
    expect((await fetch(`${url}/api/routes/${id}/run/sub`, json('GET', ADMIN))).status).toBe(400)
    expect((await fetch(`${url}/api/routes/unknown/run`, json('GET', ADMIN))).status).toBe(404)
    // 2.41.9: private by default, no authorities → the nurse may not run it.
    expect((await fetch(`${url}/api/routes/${id}/run`, json('GET', NURSE))).status).toBe(403)
})

it('routes are public by default before 2.41.9 and private from it', async () => {
    const older = await start(41, 3)
    const id = await createRoute(older.url, { name: 'Open', url: `${upstream.url}/opensrp/**` })
    expect((await fetch(`${older.url}/api/routes/${id}/run/x`, json('GET', NURSE))).status).toBe(
        200
    )
    const newer = await start(41, 9)
    const id2 = await createRoute(newer.url, { name: 'Closed', url: `${upstream.url}/opensrp/**` })
    expect((await fetch(`${newer.url}/api/routes/${id2}/run/x`, json('GET', NURSE))).status).toBe(
        403
    )
    // …unless the user holds one of the route's authorities.
    const id3 = await createRoute(newer.url, {
        name: 'Ops',
        url: `${upstream.url}/opensrp/**`,
        authorities: ['OPENSRP_CONNECTOR_RUN_IMPORT'],
    })
    expect(
        (await fetch(`${newer.url}/api/routes/${id3}/run/x`, json('GET', OPERATOR))).status
    ).toBe(200)
})

it('api-headers auth exists from 2.40.7 / 2.41.4 only', async () => {
    const old = await start(41, 3)
    const refused = await fetch(
        `${old.url}/api/routes`,
        json('POST', ADMIN, {
            name: 'h',
            url: `${upstream.url}/opensrp/**`,
            auth: { type: 'api-headers', headers: { 'X-Key': 'k' } },
        })
    )
    expect(refused.status).toBe(409)
    const current = await start(41, 9)
    const id = await createRoute(current.url, {
        name: 'h',
        url: `${upstream.url}/opensrp/**`,
        auth: { type: 'api-query-params', queryParams: { key: 'k' } },
    })
    await fetch(`${current.url}/api/routes/${id}/run/x?a=1`, json('GET', ADMIN))
    expect(upstream.requests[0]?.url).toBe('/opensrp/x?a=1&key=k')
})

it('2.42: oauth2-client-credentials fetches a token and sends a Bearer', async () => {
    const { url } = await start(42)
    const id = await createRoute(url, {
        name: 'oauth',
        url: `${upstream.url}/opensrp/**`,
        auth: {
            type: 'oauth2-client-credentials',
            clientId: 'c',
            clientSecret: 's',
            tokenUri: `${upstream.url}/opensrp/token`,
        },
    })
    expect((await fetch(`${url}/api/routes/${id}/run/data`, json('GET', ADMIN))).status).toBe(200)
    expect(upstream.requests.map((r) => r.url)).toEqual(['/opensrp/token', '/opensrp/data'])
    expect(upstream.requests[1]?.headers.authorization).toBe('Bearer tok-123')
})

it('methods: 2.40 GET/POST only; 2.42 also PUT', async () => {
    const v40 = await start(40)
    await createRoute(v40.url, opensrpRoute())
    expect(
        (await fetch(`${v40.url}/api/routes/opensrp/run/x`, json('PUT', ADMIN, {}))).status
    ).toBe(405)
    const v42 = await start(42)
    await createRoute(v42.url, opensrpRoute())
    expect(
        (await fetch(`${v42.url}/api/routes/opensrp/run/x`, json('PUT', ADMIN, {}))).status
    ).toBe(200)
})

describe('transport failures', () => {
    it('2.41: 503 WebMessage when the upstream is down', async () => {
        const { url } = await start(41)
        await createRoute(url, opensrpRoute({ url: 'http://127.0.0.1:1/opensrp/**' }))
        const response = await fetch(`${url}/api/routes/opensrp/run/x`, json('GET', ADMIN))
        expect(response.status).toBe(503)
        expect(await readJson(response)).toMatchObject({
            httpStatus: 'Service Unavailable',
            httpStatusCode: 503,
            status: 'ERROR',
            message: expect.stringContaining(
                'I/O error on GET request for "http://127.0.0.1:1/opensrp/x"'
            ),
        })
    })

    it('2.42: 502 with the fixture body when the upstream is down', async () => {
        const { url } = await start(42)
        await createRoute(url, opensrpRoute({ url: 'http://127.0.0.1:1/opensrp/**' }))
        const response = await fetch(`${url}/api/routes/opensrp/run/x`, json('GET', ADMIN))
        expect(response.status).toBe(502)
        expect(await readJson(response)).toEqual(badGatewayFixture)
    })

    it('2.42: 504 empty after responseTimeoutSeconds', async () => {
        const { url } = await start(42)
        await createRoute(url, opensrpRoute({ responseTimeoutSeconds: 1 }))
        const began = Date.now()
        const response = await fetch(`${url}/api/routes/opensrp/run/slow`, json('GET', ADMIN))
        expect(response.status).toBe(504)
        expect(await response.text()).toBe('')
        expect(Date.now() - began).toBeLessThan(4000)
    })

    it('2.40.12: 503 "Read timed out" after responseTimeoutSeconds', async () => {
        const { url } = await start(40)
        await createRoute(url, opensrpRoute({ responseTimeoutSeconds: 1 }))
        const response = await fetch(`${url}/api/routes/opensrp/run/slow`, json('GET', ADMIN))
        expect(response.status).toBe(503)
        expect(await readJson(response)).toMatchObject({
            message: expect.stringContaining('Read timed out'),
        })
    })
})

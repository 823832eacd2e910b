/**
 * @jest-environment node
 */
import {
    json,
    startScriptedServer,
    type ScriptedResponse,
} from '../../../test/support/scriptedServer'
import { OpenSrpError } from './errors'
import { createTransport, type TransportOptions } from './transport'

const noWait: TransportOptions = { sleep: async () => undefined, random: () => 0.5 }
const basic = { type: 'basic', username: 'opensrp-admin', password: 'Admin123' } as const

async function failureOf(promise: Promise<unknown>): Promise<OpenSrpError> {
    try {
        await promise
    } catch (error) {
        if (error instanceof OpenSrpError) return error
        throw error
    }
    throw new Error('expected the request to fail')
}

describe('the OpenSRP transport', () => {
    it('sends Basic credentials and returns parsed JSON', async () => {
        const server = await startScriptedServer(() =>
            json(200, { events: [], clients: [], no_of_events: 0 })
        )
        const transport = createTransport(
            { mode: 'direct', baseUrl: `${server.url}/opensrp/`, auth: basic },
            noWait
        )
        await expect(
            transport.request({
                method: 'GET',
                path: '/rest/event/sync',
                params: { locationId: 'a,b', serverVersion: 5 },
            })
        ).resolves.toEqual({ events: [], clients: [], no_of_events: 0 })
        const [request] = server.received
        expect(request?.url.pathname).toBe('/opensrp/rest/event/sync')
        expect(request?.url.searchParams.get('locationId')).toBe('a,b')
        expect(request?.headers.authorization).toBe(
            `Basic ${Buffer.from('opensrp-admin:Admin123').toString('base64')}`
        )
        await server.close()
    })

    it('retries 5xx and network-level failures with growing, jittered delays', async () => {
        const answers: ScriptedResponse[] = [{ status: 503 }, { status: 502 }, json(200, [])]
        const server = await startScriptedServer(() => answers.shift() ?? { status: 500 })
        const delays: number[] = []
        const transport = createTransport(
            { mode: 'direct', baseUrl: server.url, auth: basic },
            {
                ...noWait,
                retry: { baseDelayMs: 100, maxDelayMs: 1000 },
                onRetry: ({ delayMs }) => delays.push(delayMs),
            }
        )
        await expect(
            transport.request({ method: 'GET', path: '/rest/client/getAll' })
        ).resolves.toEqual([])
        expect(delays).toEqual([50, 100])
        await server.close()
    })

    it('gives up after the configured attempts with a server error', async () => {
        const server = await startScriptedServer(() => ({ status: 500, body: '<html>boom</html>' }))
        const transport = createTransport(
            { mode: 'direct', baseUrl: server.url, auth: basic },
            { ...noWait, retry: { maxAttempts: 3 } }
        )
        const error = await failureOf(
            transport.request({ method: 'GET', path: '/rest/client/getAll' })
        )
        expect(error.code).toBe('server-error')
        expect(server.received).toHaveLength(3)
        await server.close()
    })

    it('does not retry rejected credentials and says so', async () => {
        const server = await startScriptedServer(() => ({
            status: 401,
            headers: { 'WWW-Authenticate': 'Basic realm="OpenSRP"' },
        }))
        const transport = createTransport(
            { mode: 'direct', baseUrl: server.url, auth: basic },
            noWait
        )
        const error = await failureOf(
            transport.request({ method: 'GET', path: '/rest/event/sync' })
        )
        expect(error.message).toBe(
            'OpenSRP rejected the credentials. Check the username and password.'
        )
        expect(server.received).toHaveLength(1)
        await server.close()
    })

    it('names the missing role on 403', async () => {
        const server = await startScriptedServer(() => ({
            status: 403,
            body: '<html>Forbidden</html>',
        }))
        const transport = createTransport(
            { mode: 'direct', baseUrl: server.url, auth: basic },
            noWait
        )
        const getAll = await failureOf(
            transport.request({ method: 'GET', path: '/rest/event/getAll' })
        )
        expect(getAll.message).toMatch(/lacks the ALL_EVENTS role/)
        const sync = await failureOf(transport.request({ method: 'GET', path: '/rest/event/sync' }))
        expect(sync.message).toMatch(/lacks the OPENMRS role/)
        await server.close()
    })

    it('recognises a login page served with 200 instead of data', async () => {
        const server = await startScriptedServer(() => ({
            status: 200,
            headers: { 'Content-Type': 'text/html' },
            body: '<html><form action="/login"><input name="password"></form></html>',
        }))
        const transport = createTransport(
            { mode: 'direct', baseUrl: server.url, auth: basic },
            noWait
        )
        const error = await failureOf(
            transport.request({ method: 'GET', path: '/rest/event/sync' })
        )
        expect(error.code).toBe('login-page')
        await server.close()
    })

    it('reads a JSON answer cut off halfway as damaged on the way, and reads it again', async () => {
        const answers: ScriptedResponse[] = [
            {
                status: 200,
                headers: { 'Content-Type': 'application/json;charset=UTF-8' },
                body: '{"events":[{"_id":"e1","eventTy',
            },
            json(200, { events: [] }),
        ]
        const server = await startScriptedServer(() => answers.shift() ?? { status: 500 })
        const transport = createTransport(
            { mode: 'direct', baseUrl: server.url, auth: basic },
            noWait
        )
        await expect(
            transport.request({ method: 'GET', path: '/rest/event/getAll' })
        ).resolves.toEqual({ events: [] })
        expect(server.received).toHaveLength(2)
        await server.close()
    })

    it('says so plainly when every answer comes back cut off', async () => {
        const server = await startScriptedServer(() => ({
            status: 200,
            headers: { 'Content-Type': 'application/json' },
            body: '[{"_id":',
        }))
        const transport = createTransport(
            { mode: 'direct', baseUrl: server.url, auth: basic },
            { ...noWait, retry: { maxAttempts: 2 } }
        )
        const error = await failureOf(
            transport.request({ method: 'GET', path: '/rest/client/getAll' })
        )
        expect(error.message).toMatch(/cut off or damaged on the way: it is not complete JSON/)
        await server.close()
    })

    /** A route-mode transport against DHIS2 answering 404 with a WebMessage carrying `message`. */
    async function routeAnswering404(message: string) {
        const server = await startScriptedServer(() =>
            json(404, { httpStatus: 'Not Found', httpStatusCode: 404, status: 'ERROR', message })
        )
        const transport = createTransport(
            { mode: 'route', dhis2BaseUrl: server.url, routeCode: 'opensrp' },
            noWait
        )
        const error = await failureOf(
            transport.request({ method: 'GET', path: '/rest/event/sync' })
        )
        await server.close()
        return { error, received: server.received }
    }

    it.each([
        ['2.40', 'Route opensrp not found'],
        ['later releases', 'Route with id opensrp could not be found.'],
    ])('says which route is missing when DHIS2 (%s) does not know it', async (_, message) => {
        const { error, received } = await routeAnswering404(message)
        expect(error.code).toBe('route-missing')
        expect(error.message).toMatch(/The route 'opensrp' does not exist in DHIS2/)
        expect(received[0]?.url.pathname).toBe('/api/routes/opensrp/run/rest/event/sync')
        expect(received[0]?.headers.authorization).toBeUndefined()
    })

    it("does not blame the route when DHIS2 wraps OpenSRP's own 404 (early 2.40/2.41 patches)", async () => {
        const { error } = await routeAnswering404(
            '{"msg":"No handler found for GET /opensrp/rest/event/sync"}'
        )
        expect(error.code).toBe('not-found')
        expect(error.message).toBe(
            "OpenSRP answered 404 through the route 'opensrp': check that the route's URL points at OpenSRP (it usually ends in /opensrp/**) and that this OpenSRP version has /rest/event/sync."
        )
    })

    it('gets an OAuth2 token, and refreshes it once when OpenSRP answers 401', async () => {
        let issued = 0
        const valid = new Set<string>()
        const server = await startScriptedServer((request) => {
            if (request.url.pathname.endsWith('/token')) {
                const form = new URLSearchParams(request.body)
                if (form.get('client_secret') !== 'sandbox-secret')
                    return json(401, { error: 'invalid_client' })
                const token = `t${++issued}`
                valid.add(token)
                return json(200, {
                    access_token: token,
                    expires_in: 300,
                    refresh_token: `r${issued}`,
                })
            }
            const token = request.headers.authorization?.replace('Bearer ', '') ?? ''
            if (!valid.has(token)) return { status: 401 }
            return json(200, [])
        })
        const transport = createTransport(
            {
                mode: 'direct',
                baseUrl: server.url,
                auth: {
                    type: 'oauth2-password',
                    tokenUrl: `${server.url}/auth/realms/opensrp/protocol/openid-connect/token`,
                    clientId: 'opensrp-server-web',
                    clientSecret: 'sandbox-secret',
                    username: 'opensrp-admin',
                    password: 'Admin123',
                },
            },
            noWait
        )
        await transport.request({ method: 'GET', path: '/rest/client/getAll' })
        valid.clear() // the server revokes every token
        await transport.request({ method: 'GET', path: '/rest/client/getAll' })
        const grants = server.received
            .filter((r) => r.url.pathname.endsWith('/token'))
            .map((r) => new URLSearchParams(r.body).get('grant_type'))
        expect(grants).toEqual(['password', 'refresh_token'])
        await server.close()
    })

    it('reports an unreachable server as a network error after retrying', async () => {
        const server = await startScriptedServer(() => json(200, []))
        await server.close()
        const transport = createTransport(
            { mode: 'direct', baseUrl: server.url, auth: basic },
            { ...noWait, retry: { maxAttempts: 2 } }
        )
        const error = await failureOf(
            transport.request({ method: 'GET', path: '/rest/client/getAll' })
        )
        expect(error.code).toBe('network')
        expect(error.message).toMatch(/Could not reach OpenSRP/)
    })

    it('stops waiting between retries when the run is cancelled', async () => {
        const server = await startScriptedServer(() => ({ status: 503 }))
        const controller = new AbortController()
        const transport = createTransport(
            { mode: 'direct', baseUrl: server.url, auth: basic },
            {
                retry: { baseDelayMs: 60_000, maxDelayMs: 60_000 },
                random: () => 1,
                onRetry: () => controller.abort(),
            }
        )
        const error = await failureOf(
            transport.request({
                method: 'GET',
                path: '/rest/client/getAll',
                signal: controller.signal,
            })
        )
        expect(error.code).toBe('aborted')
        await server.close()
    })

    it('tells a route that cannot reach OpenSRP apart from an OpenSRP server error, and retries it', async () => {
        const badGateway = json(502, {
            httpStatus: 'Bad Gateway',
            httpStatusCode: 502,
            status: 'ERROR',
            message: 'An error occurred while reading the upstream response',
        })
        const server = await startScriptedServer(() => badGateway)
        const transport = createTransport(
            { mode: 'route', dhis2BaseUrl: server.url, routeCode: 'opensrp' },
            { ...noWait, retry: { maxAttempts: 2 } }
        )
        const error = await failureOf(
            transport.request({ method: 'GET', path: '/rest/event/sync' })
        )
        expect(error.message).toBe(
            "DHIS2 could not reach OpenSRP through the route 'opensrp' (502: An error occurred while reading the upstream response). Check the route's URL and that OpenSRP is running."
        )
        expect(error.temporary).toBe(true)
        expect(server.received).toHaveLength(2)
        await server.close()
    })
})

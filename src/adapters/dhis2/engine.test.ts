/** @jest-environment ./test/setup/nodeFetchEnvironment.js */
import { Dhis2ConnectionError } from './engineErrors'
import { createNodeEngine, parseDhis2Version, readServerVersion } from './engine'

type Answer = { status: number; body: string; contentType?: string } | Error

function serve(answers: (url: string) => Answer) {
    const requests: Array<{ url: string; headers: Headers }> = []
    const original = global.fetch
    global.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
        const url = String(input)
        requests.push({ url, headers: new Headers(init?.headers) })
        const answer = answers(url)
        if (answer instanceof Error) throw answer
        return new Response(answer.body, {
            status: answer.status,
            headers: { 'Content-Type': answer.contentType ?? 'application/json' },
        })
    }
    return { requests, restore: () => (global.fetch = original) }
}

const systemInfo = (version: string): Answer => ({
    status: 200,
    body: JSON.stringify({ version, calendar: 'iso8601' }),
})

async function failureOf(promise: Promise<unknown>): Promise<Dhis2ConnectionError> {
    try {
        await promise
    } catch (error) {
        if (error instanceof Dhis2ConnectionError) return error
        throw error
    }
    throw new Error('expected a Dhis2ConnectionError')
}

const basic = { type: 'basic', username: 'admin', password: 'district' } as const

describe('parseDhis2Version', () => {
    it.each([
        ['2.41.3', { major: 2, minor: 41, patch: 3 }],
        ['2.40.4.1', { major: 2, minor: 40, patch: 4 }],
        ['2.42-SNAPSHOT', { major: 2, minor: 42, patch: 0 }],
    ])('reads %s', (text, expected) => {
        expect(parseDhis2Version(text)).toEqual({ ...expected, full: text })
    })

    it('refuses text that is not a version', () => {
        expect(parseDhis2Version('latest')).toBeUndefined()
    })
})

describe('createNodeEngine', () => {
    it('sends Basic credentials on every engine request, versioned by the server minor', async () => {
        const server = serve((url) =>
            url.endsWith('/api/system/info')
                ? systemInfo('2.39.1')
                : { status: 200, body: '{"id":"M5zQapPyTZI"}' }
        )
        try {
            const { engine, version } = await createNodeEngine({
                baseUrl: 'https://dhis2.example.org/dhis/',
                auth: basic,
            })
            await engine.query({ me: { resource: 'me', params: { fields: 'id' } } })
            expect(version).toEqual({ major: 2, minor: 39, patch: 1, full: '2.39.1' })
            expect(server.requests.map((r) => r.url)).toEqual([
                'https://dhis2.example.org/dhis/api/system/info',
                'https://dhis2.example.org/dhis/api/39/me?fields=id',
            ])
            const expected = `Basic ${Buffer.from('admin:district').toString('base64')}`
            expect(server.requests.map((r) => r.headers.get('Authorization'))).toEqual([
                expected,
                expected,
            ])
        } finally {
            server.restore()
        }
    })

    it('sends a personal access token as ApiToken', async () => {
        const server = serve((url) =>
            url.endsWith('/api/system/info') ? systemInfo('2.42.1') : { status: 200, body: '{}' }
        )
        try {
            const { engine } = await createNodeEngine({
                baseUrl: 'https://dhis2.example.org',
                auth: { type: 'token', token: 'd2pat_abc' },
            })
            await engine.mutate({ type: 'create', resource: 'dataStore/ns/k', data: { a: 1 } })
            expect(server.requests.map((r) => r.headers.get('Authorization'))).toEqual([
                'ApiToken d2pat_abc',
                'ApiToken d2pat_abc',
            ])
            expect(server.requests[1]?.headers.get('Content-Type')).toBe('application/json')
        } finally {
            server.restore()
        }
    })

    it.each([
        [
            'a wrong password',
            basic,
            { status: 401, body: '{"httpStatusCode":401,"message":"Unauthorized"}' },
            'unauthorized',
            /username or password/,
        ],
        [
            'a bad token',
            { type: 'token', token: 'x' } as const,
            { status: 401, body: '{}' },
            'unauthorized',
            /personal access token/,
        ],
        [
            'a login page',
            basic,
            { status: 200, body: '<html><form>Sign in</form></html>', contentType: 'text/html' },
            'not-dhis2',
            /web page instead of DHIS2's system information/,
        ],
        ['a missing API', basic, { status: 404, body: 'Not Found' }, 'not-dhis2', /context path/],
        [
            'a server error',
            basic,
            { status: 503, body: '' },
            'server-error',
            /server error \(503\)/,
        ],
        [
            'DHIS2 2.37',
            basic,
            { status: 200, body: '{"version":"2.37.9"}' },
            'unsupported-version',
            /DHIS2 2\.37\.9 is not supported: the connector needs DHIS2 2\.38 or later/,
        ],
    ])('explains %s', async (_case, auth, answer, code, message) => {
        const server = serve(() => answer)
        try {
            const error = await failureOf(
                createNodeEngine({ baseUrl: 'https://dhis2.example.org', auth })
            )
            expect(error.code).toBe(code)
            expect(error.message).toMatch(message)
        } finally {
            server.restore()
        }
    })

    it('explains an unreachable server with the network error code', async () => {
        const refused = new TypeError('fetch failed', {
            cause: Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }),
        })
        const server = serve(() => refused)
        try {
            const error = await failureOf(readServerVersion('https://dhis2.example.org', basic, {}))
            expect(error.code).toBe('unreachable')
            expect(error.message).toBe(
                'Could not reach DHIS2 at https://dhis2.example.org (ECONNREFUSED). Check the address and that the server is running.'
            )
        } finally {
            server.restore()
        }
    })

    it('refuses an address that is not http(s) without a request', async () => {
        const server = serve(() => systemInfo('2.40.1'))
        try {
            const error = await failureOf(
                createNodeEngine({ baseUrl: 'dhis2.example.org', auth: basic })
            )
            expect(error.message).toMatch(/is not (a web|an http\(s\)) address/)
            expect(server.requests).toEqual([])
        } finally {
            server.restore()
        }
    })
})

import { DataEngine, RestAPILink } from '@dhis2/data-engine'
import { Dhis2ConnectionError } from './engineErrors'

/**
 * The data engine for Node (the CLI, tests): the same engine and link the app uses, so requests
 * are built the same way in both (reference/dhis2-api.md §2.5). The link needs the API and server
 * versions up front, so `/api/system/info` is read first; that read also tells a wrong address,
 * bad credentials and an unsupported server apart, before anything else is tried.
 */

export type Dhis2Auth =
    /** A personal access token (2.37+), sent as `Authorization: ApiToken …`. */
    | { type: 'token'; token: string }
    /** Username and password (servers without tokens, ops scripts and tests). */
    | { type: 'basic'; username: string; password: string }

export interface Dhis2Version {
    major: number
    minor: number
    patch: number
    /** As the server says it: `2.41.3`, `2.40.4.1`, `2.42.0-SNAPSHOT`. */
    full: string
}

export interface NodeEngineOptions {
    /** The server's root, context path included (`https://dhis2.example.org/dhis`). */
    baseUrl: string
    auth: Dhis2Auth
    signal?: AbortSignal
    /** How long the first request may take before the server counts as unreachable. Default 30 s. */
    timeoutMs?: number
}

export const MIN_SUPPORTED_MINOR = 38

export function parseDhis2Version(text: string): Dhis2Version | undefined {
    const match = /^(\d+)\.(\d+)(?:\.(\d+))?/.exec(text.trim())
    if (!match) return undefined
    return {
        major: Number(match[1]),
        minor: Number(match[2]),
        patch: match[3] === undefined ? 0 : Number(match[3]),
        full: text.trim(),
    }
}

export function authorizationHeader(auth: Dhis2Auth): string {
    if (auth.type === 'token') return `ApiToken ${auth.token}`
    const bytes = new TextEncoder().encode(`${auth.username}:${auth.password}`)
    let binary = ''
    for (const byte of bytes) binary += String.fromCharCode(byte)
    return `Basic ${btoa(binary)}`
}

function normaliseBaseUrl(baseUrl: string): string {
    let url: URL
    try {
        url = new URL(baseUrl)
    } catch {
        throw new Dhis2ConnectionError(
            'unreachable',
            `"${baseUrl}" is not a web address. Give the DHIS2 server's address, such as https://dhis2.example.org.`
        )
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
        throw new Dhis2ConnectionError(
            'unreachable',
            `"${baseUrl}" is not an http(s) address. Give the DHIS2 server's address, such as https://dhis2.example.org.`
        )
    }
    return `${url.origin}${url.pathname}`.replace(/\/+$/, '')
}

function withTimeout(signal: AbortSignal | undefined, timeoutMs: number): AbortSignal {
    const timeout = AbortSignal.timeout(timeoutMs)
    return signal ? AbortSignal.any([signal, timeout]) : timeout
}

function networkFailure(
    error: unknown,
    baseUrl: string,
    signal: AbortSignal | undefined
): Dhis2ConnectionError {
    if (signal?.aborted)
        return new Dhis2ConnectionError('aborted', 'Connecting to DHIS2 was cancelled.')
    const name = error instanceof Error ? error.name : ''
    if (name === 'TimeoutError' || name === 'AbortError') {
        return new Dhis2ConnectionError(
            'timeout',
            `DHIS2 at ${baseUrl} did not answer in time. Check the address and that the server is running.`
        )
    }
    const cause = error instanceof Error ? Reflect.get(error, 'cause') : undefined
    const code = cause instanceof Error ? (Reflect.get(cause, 'code') ?? cause.message) : undefined
    return new Dhis2ConnectionError(
        'unreachable',
        `Could not reach DHIS2 at ${baseUrl}${typeof code === 'string' ? ` (${code})` : ''}. Check the address and that the server is running.`
    )
}

function failureForStatus(status: number, baseUrl: string, auth: Dhis2Auth): Dhis2ConnectionError {
    if (status === 401) {
        return new Dhis2ConnectionError(
            'unauthorized',
            auth.type === 'token'
                ? 'DHIS2 rejected the personal access token (401). Check that it is complete, not expired, and allowed from this machine.'
                : 'DHIS2 rejected the username or password (401).',
            status
        )
    }
    if (status === 403) {
        return new Dhis2ConnectionError(
            'forbidden',
            'DHIS2 refused access (403). The user may be disabled, or the token may be limited to other addresses or methods.',
            status
        )
    }
    if (status >= 500) {
        return new Dhis2ConnectionError(
            'server-error',
            `DHIS2 at ${baseUrl} had a server error (${status}). Try again later or ask its administrator.`,
            status
        )
    }
    return new Dhis2ConnectionError(
        'not-dhis2',
        `${baseUrl} does not look like a DHIS2 server (${status} for /api/system/info). Check the address; it may need a context path such as /dhis.`,
        status
    )
}

/** Reads `/api/system/info` and checks that the server is a supported DHIS2. */
export async function readServerVersion(
    baseUrl: string,
    auth: Dhis2Auth,
    options: { signal?: AbortSignal; timeoutMs?: number } = {}
): Promise<Dhis2Version> {
    const signal = withTimeout(options.signal, options.timeoutMs ?? 30_000)
    let response: Response
    try {
        response = await fetch(`${baseUrl}/api/system/info`, {
            headers: {
                Accept: 'application/json',
                // Without it DHIS2 answers an unauthenticated request with its login page.
                'X-Requested-With': 'XMLHttpRequest',
                Authorization: authorizationHeader(auth),
            },
            signal,
        })
    } catch (error) {
        throw networkFailure(error, baseUrl, options.signal)
    }
    if (!response.ok) throw failureForStatus(response.status, baseUrl, auth)
    const text = await response.text()
    let body: unknown
    try {
        body = JSON.parse(text)
    } catch {
        body = undefined
    }
    const versionText: unknown =
        typeof body === 'object' && body !== null ? Reflect.get(body, 'version') : undefined
    if (typeof versionText !== 'string') {
        const what = /^\s*</.test(text) ? 'a web page' : 'something else'
        throw new Dhis2ConnectionError(
            'not-dhis2',
            `${baseUrl} answered with ${what} instead of DHIS2's system information. Check the address; it may need a context path such as /dhis.`,
            response.status
        )
    }
    const version = parseDhis2Version(versionText)
    if (!version || version.major !== 2 || version.minor < MIN_SUPPORTED_MINOR) {
        throw new Dhis2ConnectionError(
            'unsupported-version',
            `DHIS2 ${versionText} is not supported: the connector needs DHIS2 2.${MIN_SUPPORTED_MINOR} or later.`
        )
    }
    return version
}

/**
 * The link sends `Authorization: ApiToken …` or an empty header (the browser's session cookie);
 * a query's own headers are spread last, so one added to every request's options is what DHIS2
 * sees, query-alias retries included. `fetch` is the link's one private method (3.17.0).
 */
function sendAuthorization(link: RestAPILink, authorization: string): void {
    const original: unknown = link['fetch']
    if (typeof original !== 'function') {
        throw new Error(
            'This @dhis2/data-engine has no RestAPILink.fetch: Basic auth cannot be added'
        )
    }
    Object.defineProperty(link, 'fetch', {
        value: (path: string, init: RequestInit): unknown =>
            Reflect.apply(original, link, [
                path,
                {
                    ...init,
                    headers: {
                        ...Object.fromEntries(new Headers(init.headers)),
                        Authorization: authorization,
                    },
                },
            ]),
    })
}

export async function createNodeEngine(
    options: NodeEngineOptions
): Promise<{ engine: DataEngine; version: Dhis2Version }> {
    const baseUrl = normaliseBaseUrl(options.baseUrl)
    const version = await readServerVersion(baseUrl, options.auth, options)
    const link = new RestAPILink({
        baseUrl,
        apiVersion: version.minor,
        serverVersion: version,
        ...(options.auth.type === 'token' ? { apiToken: options.auth.token } : {}),
    })
    if (options.auth.type === 'basic') sendAuthorization(link, authorizationHeader(options.auth))
    return { engine: new DataEngine(link), version }
}

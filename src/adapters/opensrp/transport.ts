import axios, { type AxiosInstance, type AxiosResponse } from 'axios'
import { DEFAULT_RETRY, type OpenSrpConnection, type RetryPolicy } from './connection'
import { errorForNonJson, errorForResponse, OpenSrpError } from './errors'
import { TokenManager } from './tokens'

export interface TransportOptions {
    retry?: Partial<RetryPolicy>
    /** Per-request timeout; OpenSRP pages of 1000 events can take a while. */
    timeoutMs?: number
    sleep?: (ms: number, signal?: AbortSignal) => Promise<void>
    random?: () => number
    now?: () => number
    /** Called before each retry, so a UI or the CLI can show that the server is struggling. */
    onRetry?: (info: { attempt: number; delayMs: number; error: OpenSrpError }) => void
}

export interface RequestSpec {
    method: 'GET' | 'POST'
    /** Path under the OpenSRP web app root: `/rest/event/sync`. */
    path: string
    params?: Record<string, string | number | undefined>
    body?: unknown
    signal?: AbortSignal
}

export interface OpenSrpTransport {
    request(spec: RequestSpec): Promise<unknown>
}

const abortableSleep = (ms: number, signal?: AbortSignal) =>
    new Promise<void>((resolve, reject) => {
        if (signal?.aborted) return reject(new OpenSrpError('aborted', 'The run was cancelled.'))
        const timer = setTimeout(resolve, ms)
        signal?.addEventListener(
            'abort',
            () => {
                clearTimeout(timer)
                reject(new OpenSrpError('aborted', 'The run was cancelled.'))
            },
            { once: true }
        )
    })

function transportError(error: unknown, url: string): OpenSrpError {
    if (error instanceof OpenSrpError) return error
    if (axios.isCancel(error))
        return new OpenSrpError('aborted', 'The run was cancelled.', undefined, url)
    if (axios.isAxiosError(error)) {
        if (error.code === 'ECONNABORTED' || error.code === 'ETIMEDOUT') {
            return new OpenSrpError('timeout', 'OpenSRP did not answer in time.', undefined, url)
        }
        return new OpenSrpError(
            'network',
            `Could not reach OpenSRP (${error.code ?? error.message}). Check the server address and that it is running.`,
            undefined,
            url
        )
    }
    return new OpenSrpError('network', `Could not reach OpenSRP: ${String(error)}`, undefined, url)
}

const damagedJson = (url: string) =>
    new OpenSrpError(
        'network',
        'OpenSRP’s answer was cut off or damaged on the way: it is not complete JSON. The page is read again; if this keeps happening, check the network and any proxy in front of OpenSRP.',
        undefined,
        url
    )

function basicAuthorization(username: string, password: string): string {
    const bytes = new TextEncoder().encode(`${username}:${password}`)
    return `Basic ${btoa(String.fromCharCode(...bytes))}`
}

function headerText(value: unknown): string {
    return typeof value === 'string' ? value : ''
}

/**
 * The single place where the connector talks HTTP to OpenSRP: auth, retries with exponential
 * backoff and full jitter for temporary failures, one token refresh on 401, and JSON checks.
 */
export function createTransport(
    connection: OpenSrpConnection,
    options: TransportOptions = {}
): OpenSrpTransport {
    const retry = { ...DEFAULT_RETRY, ...options.retry }
    const sleep = options.sleep ?? abortableSleep
    const random = options.random ?? Math.random
    const http: AxiosInstance = axios.create({
        timeout: options.timeoutMs ?? 60_000,
        responseType: 'text',
        transformResponse: (data: unknown) => data,
        validateStatus: () => true,
        // A browser sends the DHIS2 session cookie to the route; direct calls carry their own auth.
        withCredentials: connection.mode === 'route',
    })
    const tokens =
        connection.mode === 'direct' && connection.auth.type === 'oauth2-password'
            ? new TokenManager(http, connection.auth, options.now)
            : undefined

    const baseUrl =
        connection.mode === 'direct'
            ? connection.baseUrl.replace(/\/+$/, '')
            : `${connection.dhis2BaseUrl.replace(/\/+$/, '')}/api/routes/${encodeURIComponent(connection.routeCode)}/run`
    const viaRoute = connection.mode === 'route' ? { code: connection.routeCode } : undefined

    async function authHeaders(signal?: AbortSignal): Promise<Record<string, string>> {
        if (connection.mode === 'route') {
            if (connection.dhis2ApiToken) {
                return { Authorization: `ApiToken ${connection.dhis2ApiToken}` }
            }
            if (connection.dhis2Basic) {
                const { username, password } = connection.dhis2Basic
                return { Authorization: basicAuthorization(username, password) }
            }
            return { 'X-Requested-With': 'XMLHttpRequest' }
        }
        if (connection.auth.type === 'basic') {
            return {
                Authorization: basicAuthorization(
                    connection.auth.username,
                    connection.auth.password
                ),
            }
        }
        if (!tokens)
            throw new OpenSrpError('credentials-rejected', 'No OpenSRP token settings were given.')
        return { Authorization: `Bearer ${await tokens.accessToken(signal)}` }
    }

    async function once(spec: RequestSpec, url: string): Promise<AxiosResponse<string>> {
        const params = Object.fromEntries(
            Object.entries(spec.params ?? {}).filter(
                (entry): entry is [string, string | number] => entry[1] !== undefined
            )
        )
        try {
            return await http.request<string>({
                method: spec.method,
                url,
                params,
                data: spec.body === undefined ? undefined : JSON.stringify(spec.body),
                headers: {
                    Accept: 'application/json',
                    ...(spec.body === undefined ? {} : { 'Content-Type': 'application/json' }),
                    ...(await authHeaders(spec.signal)),
                },
                signal: spec.signal,
            })
        } catch (error) {
            throw transportError(error, url)
        }
    }

    async function attempt(spec: RequestSpec): Promise<unknown> {
        const url = `${baseUrl}${spec.path}`
        let response = await once(spec, url)
        if (response.status === 401 && tokens) {
            tokens.invalidate()
            response = await once(spec, url)
        }
        const contentType = headerText(response.headers['content-type'])
        const body = typeof response.data === 'string' ? response.data : ''
        if (response.status < 200 || response.status >= 300) {
            throw errorForResponse({
                status: response.status,
                contentType,
                body,
                url,
                ...(viaRoute ? { viaRoute } : {}),
            })
        }
        if (body.trim() === '') return undefined
        if (!/json/i.test(contentType) && !/^\s*[[{]/.test(body)) {
            throw errorForNonJson({ status: response.status, contentType, body, url })
        }
        try {
            return JSON.parse(body) as unknown
        } catch {
            // Said to be JSON, yet unreadable: cut off on the way (a reset, a proxy's buffer), so
            // worth another try, and not a sign of a wrong address.
            if (/json/i.test(contentType)) throw damagedJson(url)
            throw errorForNonJson({ status: response.status, contentType, body, url })
        }
    }

    return {
        async request(spec) {
            for (let attemptNo = 1; ; attemptNo++) {
                try {
                    return await attempt(spec)
                } catch (error) {
                    const failure = transportError(error, `${baseUrl}${spec.path}`)
                    if (!failure.temporary || attemptNo >= retry.maxAttempts) throw failure
                    const ceiling = Math.min(
                        retry.maxDelayMs,
                        retry.baseDelayMs * 2 ** (attemptNo - 1)
                    )
                    const delayMs = Math.round(random() * ceiling)
                    options.onRetry?.({ attempt: attemptNo, delayMs, error: failure })
                    await sleep(delayMs, spec.signal)
                }
            }
        },
    }
}

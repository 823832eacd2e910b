import http from 'http'
import https from 'https'
import type { ApiResponse } from '../contract'
import { httpStatusText, isRecord, webMessage } from '../http'
import type { Dhis2State, ShellHandler, ShellRequest } from '../state'
import { routeFeatures } from '../versions'
import type { RouteAuth, StoredRoute } from './store'
import { canRunRoute, findRoute } from './store'

/** `/api/routes/{id|code}/run[/sub/path]`: forwards to the upstream for real (reference §3.6). */

const FORWARDED_REQUEST_HEADERS = [
    /^accept/,
    /^content-type$/,
    /^user-agent$/,
    /^cache-control$/,
    /^if-/,
    /^x-requested-with$/,
    /^x-forwarded-/,
]
const RELAYED_RESPONSE_HEADERS = [
    'content-type',
    'etag',
    'cache-control',
    'last-modified',
    'location',
]
const DEFAULT_TIMEOUT_SECONDS = 5

interface Upstream {
    status: number
    headers: http.IncomingHttpHeaders
    body: Buffer
}

class TransportError extends Error {
    constructor(
        message: string,
        readonly timedOut: boolean
    ) {
        super(message)
    }
}

function send(
    url: URL,
    method: string,
    headers: Record<string, string>,
    body: Buffer | undefined,
    timeoutMs: number
): Promise<Upstream> {
    const client = url.protocol === 'https:' ? https : http
    return new Promise((resolve, reject) => {
        const req = client.request(url, { method, headers, timeout: timeoutMs }, (res) => {
            const chunks: Buffer[] = []
            res.on('data', (chunk: Buffer) => chunks.push(chunk))
            res.on('end', () =>
                resolve({
                    status: res.statusCode ?? 502,
                    headers: res.headers,
                    body: Buffer.concat(chunks),
                })
            )
            res.on('error', (error) => reject(new TransportError(error.message, false)))
        })
        req.on('timeout', () => {
            req.destroy(new TransportError('Read timed out', true))
        })
        req.on('error', (error) => {
            if (error instanceof TransportError) reject(error)
            else {
                const code = 'code' in error ? error.code : undefined
                reject(
                    new TransportError(
                        code === 'ECONNREFUSED' ? 'Connection refused' : error.message,
                        false
                    )
                )
            }
        })
        req.end(body)
    })
}

/** Access tokens of oauth2-client-credentials routes (2.42), cached until they expire. */
const tokenCache = new Map<string, { token: string; expires: number }>()

async function oauth2Token(
    auth: Extract<RouteAuth, { type: 'oauth2-client-credentials' }>,
    timeoutMs: number
): Promise<string> {
    const cacheKey = `${auth.tokenUri}|${auth.clientId}`
    const cached = tokenCache.get(cacheKey)
    if (cached && cached.expires > Date.now()) return cached.token
    const form = new URLSearchParams({ grant_type: 'client_credentials' })
    if (auth.scopes) form.set('scope', auth.scopes)
    const response = await send(
        new URL(auth.tokenUri),
        'POST',
        {
            'Content-Type': 'application/x-www-form-urlencoded',
            Authorization: `Basic ${Buffer.from(`${auth.clientId}:${auth.clientSecret}`).toString('base64')}`,
        },
        Buffer.from(form.toString()),
        timeoutMs
    )
    let parsed: unknown
    try {
        parsed = JSON.parse(response.body.toString('utf8'))
    } catch {
        parsed = undefined
    }
    if (response.status >= 400 || !isRecord(parsed) || typeof parsed.access_token !== 'string') {
        throw new TransportError(`Token request failed with status ${response.status}`, false)
    }
    const expiresIn = typeof parsed.expires_in === 'number' ? parsed.expires_in : 300
    tokenCache.set(cacheKey, {
        token: parsed.access_token,
        expires: Date.now() + (expiresIn - 10) * 1000,
    })
    return parsed.access_token
}

function targetUrl(route: StoredRoute, subPath: string, query: URLSearchParams): URL {
    const base = route.url.replace(/\/?\*\*$/, '')
    const url = new URL(subPath ? `${base.replace(/\/$/, '')}/${subPath}` : base)
    for (const [k, v] of query) url.searchParams.append(k, v)
    return url
}

function forwardedHeaders(request: ShellRequest, route: StoredRoute): Record<string, string> {
    const headers: Record<string, string> = {}
    for (const [name, value] of Object.entries(request.headers)) {
        if (typeof value !== 'string') continue
        if (FORWARDED_REQUEST_HEADERS.some((pattern) => pattern.test(name))) headers[name] = value
    }
    Object.assign(headers, route.headers)
    headers['X-Forwarded-User'] = request.user.username
    return headers
}

async function applyAuth(
    auth: RouteAuth | undefined,
    headers: Record<string, string>,
    url: URL,
    timeoutMs: number
): Promise<void> {
    if (!auth) return
    switch (auth.type) {
        case 'http-basic':
            headers.Authorization = `Basic ${Buffer.from(`${auth.username}:${auth.password}`).toString('base64')}`
            return
        case 'api-token':
            headers.Authorization = `ApiToken ${auth.token}`
            return
        case 'api-headers':
            Object.assign(headers, auth.headers)
            return
        case 'api-query-params':
            for (const [k, v] of Object.entries(auth.queryParams)) url.searchParams.set(k, v)
            return
        case 'oauth2-client-credentials':
            headers.Authorization = `Bearer ${await oauth2Token(auth, timeoutMs)}`
            return
    }
}

function relay(state: Dhis2State, upstream: Upstream): ApiResponse {
    const features = routeFeatures(state.version)
    if (features.wrapsUpstreamErrors && upstream.status >= 400) {
        return webMessage(
            upstream.status,
            upstream.body.toString('utf8') || httpStatusText(upstream.status)
        )
    }
    const headers: Record<string, string> = {}
    for (const name of RELAYED_RESPONSE_HEADERS) {
        const value = upstream.headers[name]
        if (typeof value === 'string' && name !== 'content-type') headers[name] = value
    }
    const contentType = upstream.headers['content-type']
    return {
        status: upstream.status,
        headers,
        ...(upstream.body.length > 0
            ? { body: upstream.body, contentType: contentType ?? 'application/octet-stream' }
            : {}),
    }
}

function transportFailure(
    state: Dhis2State,
    method: string,
    url: URL,
    error: TransportError
): ApiResponse {
    if (!routeFeatures(state.version).badGatewayErrors) {
        // RestTemplate's ResourceAccessException text, wrapped as 503 (2.40/2.41).
        return webMessage(
            503,
            `I/O error on ${method} request for "${url.toString()}": ${error.message}`
        )
    }
    if (error.timedOut) return { status: 504 }
    return webMessage(502, 'An error occurred while reading the upstream response')
}

export const routeRun: ShellHandler = async (state, request) => {
    const features = routeFeatures(state.version)
    if (!features.available) return undefined
    const match = /^routes\/([^/]+)\/run(?:\/(.*))?$/.exec(request.rawPath)
    const idOrCode = match?.[1]
    if (idOrCode === undefined) return undefined
    const subPath = match?.[2] ?? ''
    if (!features.methods.includes(request.method)) {
        return webMessage(405, `Request method '${request.method}' is not supported`)
    }
    const route = findRoute(state, decodeURIComponent(idOrCode))
    if (!route || route.disabled)
        return webMessage(404, `Route with id ${idOrCode} could not be found.`)
    if (!canRunRoute(request.user, route))
        return webMessage(403, 'User does not have access to run route.')
    if (subPath !== '' && !route.url.endsWith('/**')) {
        return webMessage(400, 'Route does not allow sub-paths')
    }
    const timeoutSeconds =
        features.fixedTimeoutSeconds ?? route.responseTimeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS
    const url = targetUrl(route, subPath, request.query)
    const headers = forwardedHeaders(request, route)
    const body =
        request.method === 'GET' || request.rawBody.length === 0 ? undefined : request.rawBody
    try {
        await applyAuth(route.auth, headers, url, timeoutSeconds * 1000)
        const upstream = await send(url, request.method, headers, body, timeoutSeconds * 1000)
        return relay(state, upstream)
    } catch (error) {
        const failure =
            error instanceof TransportError ? error : new TransportError(String(error), false)
        return transportFailure(state, request.method, url, failure)
    }
}

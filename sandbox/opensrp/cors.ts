import type { Reply, SandboxRequest } from './http'

/** CORS as opensrp-server-web configures it from `opensrp.cors.*` (reference §1, "CORS"). */

const METHODS = 'GET, POST, PUT, DELETE'
const HEADERS = 'origin, content-type, accept, x-requested-with, Authorization'
const MAX_AGE = '60'

export function isPreflight(request: SandboxRequest): boolean {
    return (
        request.method === 'OPTIONS' &&
        request.headers['access-control-request-method'] !== undefined
    )
}

export function allowedOrigin(
    request: SandboxRequest,
    origins: readonly string[]
): string | undefined {
    const origin = request.headers.origin
    return typeof origin === 'string' && origins.includes(origin) ? origin : undefined
}

export function preflight(request: SandboxRequest, origins: readonly string[]): Reply {
    const origin = allowedOrigin(request, origins)
    const method = String(request.headers['access-control-request-method'] ?? '').toUpperCase()
    const wanted = String(request.headers['access-control-request-headers'] ?? '')
        .split(',')
        .map((h) => h.trim().toLowerCase())
        .filter((h) => h !== '')
    const allowedHeaders = HEADERS.toLowerCase().split(', ')
    if (
        !origin ||
        !METHODS.split(', ').includes(method) ||
        wanted.some((h) => !allowedHeaders.includes(h))
    ) {
        // Spring's DefaultCorsProcessor rejects with a bare 403.
        return {
            status: 403,
            headers: { 'Content-Type': 'text/plain' },
            body: 'Invalid CORS request',
        }
    }
    return {
        status: 200,
        headers: {
            'Access-Control-Allow-Origin': origin,
            'Access-Control-Allow-Methods': METHODS,
            'Access-Control-Allow-Headers': HEADERS,
            'Access-Control-Max-Age': MAX_AGE,
            Vary: 'Origin, Access-Control-Request-Method, Access-Control-Request-Headers',
        },
    }
}

/**
 * Spring's CorsUtils.isCorsRequest: an Origin header that differs from the request's own
 * scheme, host and port (same-origin requests carrying Origin are not CORS requests).
 */
export function isCrossOrigin(request: SandboxRequest): boolean {
    const origin = request.headers.origin
    if (typeof origin !== 'string') return false
    try {
        return new URL(origin).host !== String(request.headers.host ?? '')
    } catch {
        return true
    }
}

/**
 * An actual cross-origin request from an origin not in the list: Spring's DefaultCorsProcessor
 * answers 403 "Invalid CORS request" before security or the resource see it.
 */
export function rejectedOrigin(
    request: SandboxRequest,
    origins: readonly string[]
): Reply | undefined {
    if (!isCrossOrigin(request) || allowedOrigin(request, origins)) return undefined
    return { status: 403, headers: { 'Content-Type': 'text/plain' }, body: 'Invalid CORS request' }
}

/** Headers for an actual (non-preflight) response; none for other origins. */
export function corsHeaders(
    request: SandboxRequest,
    origins: readonly string[]
): Record<string, string> {
    const origin = allowedOrigin(request, origins)
    return origin ? { 'Access-Control-Allow-Origin': origin, Vary: 'Origin' } : {}
}

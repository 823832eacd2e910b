import type { IncomingMessage } from 'http'
import type { ApiResponse } from './contract'
import type { Dhis2State } from './state'

/**
 * CORS as `CorsFilter` does it (reference §5): only for the server's own origin and the
 * allow-list; other origins get no CORS headers at all (the request still runs).
 */
function allowedOrigin(state: Dhis2State, req: IncomingMessage): string | undefined {
    const origin = req.headers.origin
    if (typeof origin !== 'string' || origin === '') return undefined
    const own = new URL(state.baseUrl).origin
    const host = req.headers.host
    if (origin === own || (host !== undefined && origin === `http://${host}`)) return origin
    return state.corsAllowlist.includes(origin) ? origin : undefined
}

/** OPTIONS with `Access-Control-Request-Method` from an allowed origin: 204, no auth. */
export function preflight(state: Dhis2State, req: IncomingMessage): ApiResponse | undefined {
    const requestedMethod = req.headers['access-control-request-method']
    if (req.method !== 'OPTIONS' || typeof requestedMethod !== 'string') return undefined
    const origin = allowedOrigin(state, req)
    if (!origin) return undefined
    const requestedHeaders = req.headers['access-control-request-headers']
    return {
        status: 204,
        headers: {
            'Access-Control-Allow-Origin': origin,
            'Access-Control-Allow-Credentials': 'true',
            'Access-Control-Allow-Methods': requestedMethod,
            ...(typeof requestedHeaders === 'string'
                ? { 'Access-Control-Allow-Headers': requestedHeaders }
                : {}),
            'Access-Control-Max-Age': '3600',
            Vary: 'Origin',
        },
    }
}

export function corsHeaders(state: Dhis2State, req: IncomingMessage): Record<string, string> {
    const origin = allowedOrigin(state, req)
    if (!origin) return {}
    return {
        'Access-Control-Allow-Origin': origin,
        'Access-Control-Allow-Credentials': 'true',
        'Access-Control-Expose-Headers': 'ETag, Location',
        Vary: 'Origin',
    }
}

import { readBody as readBodyUpTo } from '../shared/readBody'
import type { IncomingMessage, ServerResponse } from 'http'
import type { ApiResponse } from './contract'

const STATUS_TEXT: Record<number, string> = {
    200: 'OK',
    201: 'Created',
    202: 'Accepted',
    204: 'No Content',
    400: 'Bad Request',
    401: 'Unauthorized',
    403: 'Forbidden',
    404: 'Not Found',
    405: 'Method Not Allowed',
    409: 'Conflict',
    413: 'Payload Too Large',
    500: 'Internal Server Error',
    502: 'Bad Gateway',
    503: 'Service Unavailable',
    504: 'Gateway Timeout',
}

export const httpStatusText = (status: number): string => STATUS_TEXT[status] ?? 'Unknown'

/** DHIS2's WebMessage (reference §3.0); `null`s are never serialised. */
export function webMessage(
    status: number,
    message?: string,
    extra: Record<string, unknown> = {}
): ApiResponse {
    return {
        status,
        body: {
            httpStatus: httpStatusText(status),
            httpStatusCode: status,
            status: status < 400 ? 'OK' : 'ERROR',
            ...(message === undefined ? {} : { message }),
            ...extra,
        },
    }
}

export const MAX_BODY_BYTES = 50 * 1024 * 1024

export const readBody = (req: IncomingMessage): Promise<Buffer> => readBodyUpTo(req, MAX_BODY_BYTES)

export function parseJson(raw: Buffer, contentType: string | undefined): unknown {
    if (raw.length === 0) return undefined
    if (contentType && !/json/i.test(contentType)) return undefined
    try {
        return JSON.parse(raw.toString('utf8')) as unknown
    } catch {
        return undefined
    }
}

export function parseCookies(header: string | undefined): Map<string, string> {
    const cookies = new Map<string, string>()
    for (const part of (header ?? '').split(';')) {
        const index = part.indexOf('=')
        if (index < 0) continue
        cookies.set(part.slice(0, index).trim(), decodeURIComponent(part.slice(index + 1).trim()))
    }
    return cookies
}

export function send(res: ServerResponse, response: ApiResponse): void {
    const headers: Record<string, string> = { ...response.headers }
    let payload: Buffer | undefined
    if (response.body !== undefined) {
        if (Buffer.isBuffer(response.body)) {
            payload = response.body
        } else if (typeof response.body === 'string' && response.contentType) {
            payload = Buffer.from(response.body, 'utf8')
        } else {
            payload = Buffer.from(JSON.stringify(response.body), 'utf8')
        }
        headers['Content-Type'] = response.contentType ?? 'application/json;charset=UTF-8'
        headers['Content-Length'] = String(payload.length)
    }
    for (const [name, value] of Object.entries(headers)) res.setHeader(name, value)
    res.statusCode = response.status
    res.end(payload)
}

export const redirect = (location: string, headers: Record<string, string> = {}): ApiResponse => ({
    status: 302,
    headers: { Location: location, ...headers },
})

export const html = (status: number, body: string): ApiResponse => ({
    status,
    body,
    contentType: 'text/html;charset=UTF-8',
})

export const isRecord = (value: unknown): value is Record<string, unknown> =>
    typeof value === 'object' && value !== null && !Array.isArray(value)

export const escapeHtml = (text: string): string =>
    text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)

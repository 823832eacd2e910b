import type { IncomingHttpHeaders } from 'http'
import { isJavaWhitespace } from './javaNumbers'

/** Request and reply shapes shared by the routes, and the error bodies of reference §2.6. */

export interface SandboxUser {
    username: string
    password: string
    roles: string[]
    preferredName: string
}

export interface SandboxRequest {
    method: string
    path: string
    query: URLSearchParams
    headers: IncomingHttpHeaders
    body: Buffer
    user?: SandboxUser
}

export interface Reply {
    status: number
    headers?: Record<string, string | string[]>
    body?: string
}

const JSON_TYPE = 'application/json;charset=UTF-8'

export const jsonReply = (
    status: number,
    body: unknown,
    headers: Record<string, string> = {}
): Reply => ({
    status,
    headers: { 'Content-Type': JSON_TYPE, ...headers },
    body: JSON.stringify(body),
})

export const emptyReply = (status: number): Reply => ({ status })

const REASONS: Record<number, string> = {
    400: 'Bad Request',
    401: 'Unauthorized',
    403: 'Forbidden',
    404: 'Not Found',
    405: 'Method Not Allowed',
    500: 'Internal Server Error',
    502: 'Bad Gateway',
    503: 'Service Unavailable',
}

/** Tomcat's error page: what Spring's container answers for 401/403/404/405/500 (§2.6). */
export function containerError(
    status: number,
    message?: string,
    headers: Record<string, string | string[]> = {}
): Reply {
    const reason = REASONS[status] ?? 'Error'
    const body =
        `<!doctype html><html lang="en"><head><title>HTTP Status ${status} – ${reason}</title>` +
        '<style type="text/css">body {font-family:Tahoma,Arial,sans-serif;} h1 {font-size:22px;}</style>' +
        `</head><body><h1>HTTP Status ${status} – ${reason}</h1><hr class="line" />` +
        `<p><b>Type</b> Status Report</p>${message ? `<p><b>Message</b> ${escapeHtml(message)}</p>` : ''}` +
        `<p><b>Description</b> ${describe(status)}</p><hr class="line" /><h3>Apache Tomcat/9.0.56</h3></body></html>`
    return { status, headers: { 'Content-Type': 'text/html;charset=utf-8', ...headers }, body }
}

/** A reverse proxy's page for 502/503, as nginx in front of OpenSRP serves it. */
export function proxyError(status: 502 | 503): Reply {
    const reason = REASONS[status] ?? 'Error'
    return {
        status,
        headers: { 'Content-Type': 'text/html' },
        body: `<html>\r\n<head><title>${status} ${reason}</title></head>\r\n<body>\r\n<center><h1>${status} ${reason}</h1></center>\r\n<hr><center>nginx/1.18.0</center>\r\n</body>\r\n</html>\r\n`,
    }
}

function describe(status: number): string {
    switch (status) {
        case 401:
            return 'The request has not been applied because it lacks valid authentication credentials for the target resource.'
        case 403:
            return 'The server understood the request but refuses to authorize it.'
        case 404:
            return 'The origin server did not find a current representation for the target resource or is not willing to disclose that one exists.'
        case 405:
            return 'The method received in the request-line is known by the origin server but not supported by the target resource.'
        case 400:
            return 'The server cannot or will not process the request due to something that is perceived to be a client error.'
        default:
            return 'The server encountered an unexpected condition that prevented it from fulfilling the request.'
    }
}

const escapeHtml = (text: string): string =>
    text.replace(
        /[&<>"]/g,
        (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c
    )

export const methodNotAllowed = (method: string, allowed: string[]): Reply =>
    containerError(405, `Request method '${method}' not supported`, { Allow: allowed.join(', ') })

/** Spring's answer to a missing required `@RequestParam` (400 from the container). */
export const missingParam = (name: string, type: string): Reply =>
    containerError(
        400,
        `Required request parameter '${name}' for method parameter type ${type} is not present`
    )

/**
 * A query parameter as `RestUtils.getStringFilter` sees it: blank (commons-lang `isBlank`, i.e.
 * only `Character.isWhitespace` characters, so not U+00A0) counts as absent.
 */
export function param(query: URLSearchParams, name: string): string | undefined {
    const value = query.get(name)
    return value === null || value.split('').every(isJavaWhitespace) ? undefined : value
}

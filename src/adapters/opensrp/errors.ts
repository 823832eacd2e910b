/**
 * Every OpenSRP failure becomes one typed error with a message that says what to fix, and is
 * classified once: temporary failures are retried, permanent ones are shown.
 */

export type OpenSrpErrorCode =
    | 'credentials-rejected'
    | 'missing-role'
    | 'not-found'
    | 'route-missing'
    | 'route-forbidden'
    | 'bad-request'
    | 'not-json'
    | 'page-cap'
    | 'login-page'
    | 'server-error'
    | 'rate-limited'
    | 'network'
    | 'timeout'
    | 'aborted'

export class OpenSrpError extends Error {
    constructor(
        readonly code: OpenSrpErrorCode,
        message: string,
        readonly status?: number,
        readonly url?: string
    ) {
        super(message)
        this.name = 'OpenSrpError'
    }

    get temporary(): boolean {
        return isTemporary(this.code)
    }

    /** How a run this error stops says so in its summary and report (core/sync/runFailure.ts). */
    get runFailure(): { code: OpenSrpRunFailureCode; message: string; retryable: boolean } {
        return { code: runFailureCode(this.code), message: this.message, retryable: this.temporary }
    }
}

/** Our codes for a run stopped by OpenSRP (a few, so each can be explained). */
export type OpenSrpRunFailureCode =
    | 'OPENSRP_UNREACHABLE'
    | 'OPENSRP_ACCESS_DENIED'
    | 'OPENSRP_UNEXPECTED_ANSWER'
    | 'OPENSRP_REQUEST_REFUSED'
    | 'RUN_CANCELLED'

function runFailureCode(code: OpenSrpErrorCode): OpenSrpRunFailureCode {
    if (isTemporary(code)) return 'OPENSRP_UNREACHABLE'
    switch (code) {
        case 'credentials-rejected':
        case 'missing-role':
        case 'route-forbidden':
            return 'OPENSRP_ACCESS_DENIED'
        case 'not-json':
        case 'login-page':
        case 'not-found':
        case 'route-missing':
            return 'OPENSRP_UNEXPECTED_ANSWER'
        case 'aborted':
            return 'RUN_CANCELLED'
        default:
            return 'OPENSRP_REQUEST_REFUSED'
    }
}

const TEMPORARY: ReadonlySet<OpenSrpErrorCode> = new Set([
    'server-error',
    'rate-limited',
    'network',
    'timeout',
])

export const isTemporary = (code: OpenSrpErrorCode) => TEMPORARY.has(code)

export interface FailedResponse {
    status: number
    contentType: string
    body: string
    url: string
    /** Reading OpenSRP through a DHIS2 route: statuses may come from DHIS2 itself. */
    viaRoute?: { code: string }
}

function roleFor(url: string): string {
    return /\/rest\/[^/]+\/getAll/.test(url) || /\/rest\/location\/getAll/.test(url)
        ? 'ALL_EVENTS'
        : 'OPENMRS'
}

const looksLikeDhis2WebMessage = (body: string) => /"httpStatusCode"\s*:/.test(body)

function webMessageText(body: string): string | undefined {
    try {
        const message: unknown = Reflect.get(Object(JSON.parse(body)), 'message')
        return typeof message === 'string' ? message : undefined
    } catch {
        return undefined
    }
}

/** Turns a non-2xx answer into the error a user can act on. */
export function errorForResponse(response: FailedResponse): OpenSrpError {
    const { status, url, viaRoute } = response
    // DHIS2 answers an upstream transport failure itself: 503 on 2.40/2.41, 502 (and an empty 504
    // on a read timeout) from 2.42 (reference/dhis2-api.md §3.6).
    if (
        viaRoute &&
        (status === 504 || (status >= 502 && looksLikeDhis2WebMessage(response.body)))
    ) {
        const detail = webMessageText(response.body)
        return new OpenSrpError(
            status === 504 ? 'timeout' : 'network',
            `DHIS2 could not reach OpenSRP through the route '${viaRoute.code}' (${status}${detail ? `: ${detail}` : ''}). Check the route's URL and that OpenSRP is running.`,
            status,
            url
        )
    }
    if (viaRoute && looksLikeDhis2WebMessage(response.body)) {
        // Early 2.40/2.41 patches also wrap OpenSRP's own 404 in a WebMessage; only DHIS2's
        // "Route … not found" / "Route with id … could not be found." means the route is missing.
        const detail = webMessageText(response.body)
        if (
            status === 404 &&
            detail !== undefined &&
            !/^Route\b.*\bnot (be )?found/i.test(detail)
        ) {
            return new OpenSrpError(
                'not-found',
                `OpenSRP answered 404 through the route '${viaRoute.code}': check that the route's URL points at OpenSRP (it usually ends in /opensrp/**) and that this OpenSRP version has ${new URL(url, 'http://x').pathname.replace(/^.*\/run/, '')}.`,
                status,
                url
            )
        }
        if (status === 404) {
            return new OpenSrpError(
                'route-missing',
                `The route '${viaRoute.code}' does not exist in DHIS2. Create it under the connector's connection settings.`,
                status,
                url
            )
        }
        if (status === 403) {
            return new OpenSrpError(
                'route-forbidden',
                `This DHIS2 user may not run the route '${viaRoute.code}'. Share the route with the user or give them one of its authorities.`,
                status,
                url
            )
        }
        if (status === 401) {
            return new OpenSrpError(
                'credentials-rejected',
                'The DHIS2 session has expired. Log in to DHIS2 again.',
                status,
                url
            )
        }
    }
    if (status === 401) {
        return new OpenSrpError(
            'credentials-rejected',
            viaRoute
                ? `OpenSRP rejected the credentials stored in the DHIS2 route '${viaRoute.code}'.`
                : 'OpenSRP rejected the credentials. Check the username and password.',
            status,
            url
        )
    }
    if (status === 403) {
        const role = roleFor(url)
        return new OpenSrpError(
            'missing-role',
            `This OpenSRP user lacks the ${role} role needed for ${new URL(url, 'http://x').pathname}.`,
            status,
            url
        )
    }
    if (status === 404) {
        return new OpenSrpError(
            'not-found',
            'OpenSRP answered 404: check the server URL (it usually ends in /opensrp) and that this OpenSRP version has the endpoint.',
            status,
            url
        )
    }
    if (status === 429) {
        return new OpenSrpError('rate-limited', 'OpenSRP is limiting requests (429).', status, url)
    }
    if (status === 504 || status === 408) {
        return new OpenSrpError(
            'timeout',
            `OpenSRP did not answer in time (${status}).`,
            status,
            url
        )
    }
    if (status >= 500) {
        return new OpenSrpError(
            'server-error',
            `OpenSRP had a server error (${status}).`,
            status,
            url
        )
    }
    return new OpenSrpError(
        'bad-request',
        `OpenSRP refused the request (${status})${response.body ? `: ${response.body.slice(0, 200)}` : ''}.`,
        status,
        url
    )
}

/** A 200 that is not JSON is a proxy or SSO page, not data (reference §2.6). */
export function errorForNonJson(response: Omit<FailedResponse, 'viaRoute'>): OpenSrpError {
    const isHtml = /text\/html/i.test(response.contentType) || /^\s*</.test(response.body)
    if (isHtml && /(login|sign in|password|keycloak)/i.test(response.body)) {
        return new OpenSrpError(
            'login-page',
            'OpenSRP answered with a login page instead of data: a proxy or single sign-on is in the way. Check the server URL and credentials.',
            response.status,
            response.url
        )
    }
    return new OpenSrpError(
        'not-json',
        `OpenSRP answered with ${response.contentType || 'an unknown content type'} instead of JSON: check the server URL.`,
        response.status,
        response.url
    )
}

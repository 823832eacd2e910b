import { errorForNonJson, errorForResponse, OpenSrpError } from '../../adapters/opensrp/errors'
import type { OpenSrpTransport, RequestSpec } from '../../adapters/opensrp/transport'

/** The part of the app-runtime data engine this transport uses (the real one, or a Node one). */
export interface QueryEngine {
    query(
        query: Record<string, { resource: string; params?: Record<string, string | number> }>,
        options?: { signal?: AbortSignal }
    ): Promise<Record<string, unknown>>
}

const record = (value: unknown): Record<string, unknown> | undefined =>
    typeof value === 'object' && value !== null
        ? Object.fromEntries(Object.entries(value))
        : undefined

/**
 * The data engine keeps the status only inside messages and bodies: WebMessages carry
 * `httpStatusCode`, Spring's error bodies `status`, 401/403/409 without a JSON message become
 * "Unauthorized"/"Forbidden", and other statuses end the message with "(404)".
 */
function statusOf(type: unknown, message: string, details: Record<string, unknown>): number {
    const fromBody = details.httpStatusCode ?? details.status
    if (typeof fromBody === 'number') return fromBody
    const fromMessage = /\((\d{3})\)$/.exec(message)?.[1]
    if (fromMessage) return Number(fromMessage)
    if (type === 'access') return message === 'Unauthorized' ? 401 : 403
    return 500
}

function failureOf(error: unknown, url: string, routeCode: string): OpenSrpError {
    if (error instanceof OpenSrpError) return error
    // Error's own `message` is not enumerable: read the fields one by one.
    const field = (name: string): unknown =>
        typeof error === 'object' && error !== null ? Reflect.get(error, name) : undefined
    const type = field('type')
    const text = field('message')
    const message = typeof text === 'string' ? text : String(error)
    if (type === 'aborted') return new OpenSrpError('aborted', 'The request was cancelled.')
    if (type === 'network') {
        return new OpenSrpError(
            'network',
            'Could not reach DHIS2 from this browser. Check the network connection.',
            undefined,
            url
        )
    }
    const details = record(field('details')) ?? {}
    return errorForResponse({
        status: statusOf(type, message, details),
        contentType: 'application/json',
        body: Object.keys(details).length > 0 ? JSON.stringify(details) : '',
        url,
        viaRoute: { code: routeCode },
    })
}

const paramsOf = (spec: RequestSpec): Record<string, string | number> =>
    Object.fromEntries(
        Object.entries(spec.params ?? {}).filter(
            (entry): entry is [string, string | number] => entry[1] !== undefined
        )
    )

/**
 * OpenSRP through the DHIS2 route, with every request made by the app-runtime data engine
 * (`routes/{code}/run/rest/...`): the browser's DHIS2 session is the only credential, and failures
 * are classified by the OpenSRP adapter's own rules. Reads only (the UI never writes to OpenSRP).
 */
export function engineRouteTransport(engine: QueryEngine, routeCode: string): OpenSrpTransport {
    return {
        async request(spec) {
            const resource = `routes/${encodeURIComponent(routeCode)}/run${spec.path}`
            if (spec.method !== 'GET') {
                throw new OpenSrpError('bad-request', 'Only reads go through this transport.')
            }
            let answer: unknown
            try {
                const result = await engine.query(
                    { answer: { resource, params: paramsOf(spec) } },
                    { signal: spec.signal }
                )
                answer = result.answer
            } catch (error) {
                throw failureOf(error, resource, routeCode)
            }
            // JSON comes back parsed; text (a login page) as a string; anything else as a Blob.
            if (typeof answer === 'string' || (answer !== null && typeof answer !== 'object')) {
                throw errorForNonJson({
                    status: 200,
                    contentType: typeof answer === 'string' ? 'text/html' : '',
                    body: String(answer),
                    url: resource,
                })
            }
            if (typeof Blob !== 'undefined' && answer instanceof Blob) {
                throw errorForNonJson({
                    status: 200,
                    contentType: answer.type,
                    body: '',
                    url: resource,
                })
            }
            return answer
        },
    }
}

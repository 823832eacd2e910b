/**
 * Failures of the connection to DHIS2 itself (before any import), each with a message that says
 * what to fix; and reading the HTTP status out of the data engine's `FetchError`.
 */

export type Dhis2ConnectionErrorCode =
    | 'unreachable'
    | 'timeout'
    | 'aborted'
    | 'unauthorized'
    | 'forbidden'
    | 'not-dhis2'
    | 'unsupported-version'
    | 'server-error'

export class Dhis2ConnectionError extends Error {
    constructor(
        readonly code: Dhis2ConnectionErrorCode,
        message: string,
        readonly status?: number
    ) {
        super(message)
        this.name = 'Dhis2ConnectionError'
    }
}

function field(value: unknown, name: string): unknown {
    return typeof value === 'object' && value !== null ? Reflect.get(value, name) : undefined
}

/**
 * The HTTP status behind a data-engine error: the WebMessage's `httpStatusCode` when DHIS2 sent
 * one, else the `(404)` the engine puts at the end of its message for other statuses
 * (reference/dhis2-api.md §2.2). undefined for network failures and aborts.
 */
export function httpStatusOf(error: unknown): number | undefined {
    const fromBody = field(field(error, 'details'), 'httpStatusCode')
    if (typeof fromBody === 'number') return fromBody
    const message = field(error, 'message')
    const match = typeof message === 'string' ? /\((\d{3})\)$/.exec(message) : null
    return match?.[1] === undefined ? undefined : Number(match[1])
}

/** The `message` of DHIS2's WebMessage in a data-engine error, if any. */
export function webMessageOf(error: unknown): string | undefined {
    const message = field(field(error, 'details'), 'message')
    return typeof message === 'string' ? message : undefined
}

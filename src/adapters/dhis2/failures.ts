import type { ImportSummary } from '../../core/summary/types'
import { httpStatusOf, webMessageOf } from './engineErrors'

/**
 * Every failure of a request to DHIS2 is classified here, once (STYLE: one module owns the
 * network policy): temporary ones (network, 408, 429, 5xx) are retried in a later run, the
 * others are shown. DHIS2 answers that carry an import report are not failures: the caller
 * normalises them (409s reach us as rejected `FetchError`s, reference §2.2).
 */

export type RequestFailure = NonNullable<ImportSummary['failure']>

/** Our codes for a request that failed as a whole (explained by core/summary/explain.ts). */
export type RequestFailureCode =
    | 'DHIS2_UNREACHABLE'
    | 'DHIS2_ACCESS_DENIED'
    | 'DHIS2_REQUEST_REFUSED'
    | 'DHIS2_IMPORT_REPORT_LOST'
    | 'DHIS2_IMPORT_TIMEOUT'
    | 'DHIS2_IMPORT_ABORTED'
    | 'DHIS2_UNEXPECTED_ANSWER'

/** The run was cancelled through its AbortSignal. */
export class WriteCancelledError extends Error {
    constructor() {
        super('The run was cancelled.')
        this.name = 'AbortError'
    }
}

/** Thrown by the reads (lookups) whose port returns data, not a summary. */
export class Dhis2RequestError extends Error {
    constructor(
        readonly code: RequestFailureCode,
        message: string,
        readonly retryable: boolean,
        readonly status?: number
    ) {
        super(message)
        this.name = 'Dhis2RequestError'
    }

    /** How a run this error stops says so in its summary and report (core/sync/runFailure.ts). */
    get runFailure(): { code: RequestFailureCode; message: string; retryable: boolean } {
        return { code: this.code, message: this.message, retryable: this.retryable }
    }
}

export type ClassifiedError =
    /** DHIS2 answered with a body worth reading (409 import reports, WebMessages). */
    | { kind: 'answer'; status: number | undefined; body: unknown }
    | {
          kind: 'failure'
          status: number | undefined
          failure: RequestFailure
          code: RequestFailureCode
      }

const ENGINE_ERROR_TYPES = new Set(['network', 'unknown', 'access', 'aborted'])

function field(value: unknown, name: string): unknown {
    return typeof value === 'object' && value !== null ? Reflect.get(value, name) : undefined
}

function isEngineError(error: unknown): error is Error & { type: string } {
    const type = field(error, 'type')
    return error instanceof Error && typeof type === 'string' && ENGINE_ERROR_TYPES.has(type)
}

export function throwIfAborted(signal: AbortSignal | undefined): void {
    if (signal?.aborted) throw new WriteCancelledError()
}

const failure = (
    code: RequestFailureCode,
    kind: RequestFailure['kind'],
    message: string,
    retryable: boolean,
    status: number | undefined
): ClassifiedError => ({
    kind: 'failure',
    status,
    code,
    failure: { kind, message, retryable, code },
})

export const transportFailure = (message: string, status?: number): ClassifiedError =>
    failure('DHIS2_UNREACHABLE', 'transport', message, true, status)

/** Does the body carry something an import normaliser can read? */
function hasImportContent(body: unknown): boolean {
    return (
        field(body, 'response') !== undefined ||
        field(body, 'validationReport') !== undefined ||
        field(body, 'importCount') !== undefined ||
        field(body, 'bundleReport') !== undefined
    )
}

/**
 * Sorts a data-engine rejection. Throws `WriteCancelledError` when the caller aborted, and
 * rethrows what is not a data-engine error (a bug, not a DHIS2 answer).
 */
export function classifyEngineError(error: unknown, signal?: AbortSignal): ClassifiedError {
    throwIfAborted(signal)
    if (isInterruptedBody(error)) {
        return transportFailure(
            'The connection to DHIS2 broke while its answer was arriving. Whether DHIS2 kept the data is unknown: the records are sent again in the next run, which is safe because every record keeps its ID.'
        )
    }
    if (errorName(error) === 'SyntaxError') {
        return transportFailure(
            'DHIS2 answered with something that is not JSON (a proxy or login page?). Try again later; if it persists, check the server address.'
        )
    }
    if (!isEngineError(error)) throw error
    if (error.type === 'aborted') throw new WriteCancelledError()
    if (error.type === 'network') {
        return transportFailure(
            'DHIS2 could not be reached (network error). Nothing was lost: the records are sent again in the next run.'
        )
    }
    const body = field(error, 'details')
    const status = httpStatusOf(error)
    if (hasImportContent(body)) return { kind: 'answer', status, body }
    const said = webMessageOf(error)
    const detail = said ? `: ${said}` : ''
    // The engine reports 401, 403 and 409 alike as `access`; a 409 without a report is a refusal.
    const effective = status ?? (error.type === 'access' ? accessStatus(error.message) : undefined)
    if (effective === 401)
        return failure(
            'DHIS2_ACCESS_DENIED',
            'access',
            `DHIS2 did not accept the login (401)${detail}. Check the token or password.`,
            false,
            401
        )
    if (effective === 403)
        return failure(
            'DHIS2_ACCESS_DENIED',
            'access',
            `DHIS2 refused access (403)${detail}. The user needs the import authorities and data write sharing for this program or data set.`,
            false,
            403
        )
    if (effective === undefined || effective === 408 || effective === 429 || effective >= 500) {
        return transportFailure(
            `DHIS2 had a temporary problem (${effective ?? 'no status'})${detail}. The records are sent again in the next run.`,
            effective
        )
    }
    return failure(
        'DHIS2_REQUEST_REFUSED',
        'rejected',
        `DHIS2 refused the request (${effective})${detail}.`,
        false,
        effective
    )
}

/** `fetch` can create errors in another realm (Node's undici under a test VM), so names decide. */
const errorName = (error: unknown): unknown => field(error, 'name')

/**
 * The data engine lets the body read's rejection through unwrapped: a connection reset after the
 * status line arrived is a TypeError from `response.json()` (undici: "terminated"; browsers:
 * "network error", "Failed to fetch", "Load failed", "NetworkError …").
 */
function isInterruptedBody(error: unknown): boolean {
    const message = field(error, 'message')
    return (
        errorName(error) === 'TypeError' &&
        typeof message === 'string' &&
        /terminated|network ?error|failed to fetch|fetch failed|load failed/i.test(message)
    )
}

function accessStatus(message: string): number | undefined {
    if (message === 'Unauthorized') return 401
    if (message === 'Forbidden') return 403
    return undefined
}

/** For reads: a failure becomes a thrown `Dhis2RequestError`. */
export function toRequestError(error: unknown, signal?: AbortSignal): Dhis2RequestError {
    const classified = classifyEngineError(error, signal)
    if (classified.kind === 'failure') {
        return new Dhis2RequestError(
            classified.code,
            classified.failure.message,
            classified.failure.retryable,
            classified.status
        )
    }
    const said = field(classified.body, 'message')
    return new Dhis2RequestError(
        'DHIS2_REQUEST_REFUSED',
        `DHIS2 refused the request${typeof said === 'string' ? `: ${said}` : ''}.`,
        false,
        classified.status
    )
}

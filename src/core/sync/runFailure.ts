/**
 * Stops a run: DHIS2 or OpenSRP cannot be used at all (unreachable, credentials, configuration).
 * Per-record problems never throw this; they become RecordErrors and the run goes on.
 * The cursor stays before the batch that failed, so the next run starts there again.
 */
export class RunFailure extends Error {
    constructor(
        readonly code: string,
        message: string,
        readonly retryable: boolean
    ) {
        super(message)
        this.name = 'RunFailure'
    }
}

/** What an adapter's error says when it stops a run (the core cannot import adapter classes). */
export interface RunFailureDescription {
    code: string
    message: string
    retryable: boolean
}

function describedFailure(error: unknown): RunFailureDescription | undefined {
    const described: unknown =
        typeof error === 'object' && error !== null ? Reflect.get(error, 'runFailure') : undefined
    if (typeof described !== 'object' || described === null) return undefined
    const code: unknown = Reflect.get(described, 'code')
    const message: unknown = Reflect.get(described, 'message')
    const retryable: unknown = Reflect.get(described, 'retryable')
    return typeof code === 'string' && typeof message === 'string' && typeof retryable === 'boolean'
        ? { code, message, retryable }
        : undefined
}

/**
 * The run-stopping failure an error stands for: a RunFailure, or an adapter error that describes
 * itself through a `runFailure` property (OpenSRP unreachable after its retries, for instance).
 * Anything else is a bug, and stays a throw.
 */
export function runFailureOf(error: unknown): RunFailure | undefined {
    if (error instanceof RunFailure) return error
    const described = describedFailure(error)
    return described && new RunFailure(described.code, described.message, described.retryable)
}

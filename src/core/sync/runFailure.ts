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

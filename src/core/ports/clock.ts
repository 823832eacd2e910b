export interface Clock {
    /** Epoch milliseconds. */
    now(): number
    sleep(ms: number, signal?: AbortSignal): Promise<void>
}

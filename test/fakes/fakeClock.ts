import type { Clock } from '../../src/core/ports/clock'

/**
 * A clock that only moves when told to. `sleep` advances it at once (nothing waits for real), so a
 * test of backoff or heartbeats runs instantly and sees exact times; every sleep is recorded.
 */
export class FakeClock implements Clock {
    private current: number
    readonly sleeps: number[] = []

    constructor(start: number | string = '2024-03-01T10:00:00.000Z') {
        this.current = typeof start === 'number' ? start : Date.parse(start)
        if (!Number.isFinite(this.current)) throw new Error(`Not a time: ${String(start)}`)
    }

    now(): number {
        return this.current
    }

    async sleep(ms: number, signal?: AbortSignal): Promise<void> {
        if (signal?.aborted) throw abortError()
        this.sleeps.push(ms)
        this.current += Math.max(0, ms)
    }

    advance(ms: number): void {
        this.current += ms
    }

    set(time: number | string): void {
        this.current = typeof time === 'number' ? time : Date.parse(time)
    }

    iso(): string {
        return new Date(this.current).toISOString()
    }
}

function abortError(): Error {
    const error = new Error('The operation was aborted')
    error.name = 'AbortError'
    return error
}

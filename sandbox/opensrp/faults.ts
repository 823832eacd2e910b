import { Rng } from './prng'

/** Injected failures, drawn from a seeded stream so a test run is reproducible. */

export interface FaultOptions {
    /** Share of requests answered 500, 502 or 503. */
    errorRate?: number
    /** Share of requests that hang until the client gives up (or ~30 s). */
    timeoutRate?: number
    seed?: number
}

export type Fault = { kind: 'error'; status: 500 | 502 | 503 } | { kind: 'timeout' } | undefined

export const HANG_MS = 30000

export class FaultInjector {
    private rng: Rng
    private errorRate = 0
    private timeoutRate = 0

    constructor(options: FaultOptions | undefined, defaultSeed: number) {
        this.rng = new Rng(0)
        this.set(options, defaultSeed)
    }

    set(options: FaultOptions | undefined, defaultSeed: number): void {
        this.errorRate = clamp(options?.errorRate ?? 0)
        this.timeoutRate = clamp(options?.timeoutRate ?? 0)
        this.rng = new Rng((options?.seed ?? defaultSeed) ^ 0x5eed)
    }

    next(): Fault {
        if (this.errorRate === 0 && this.timeoutRate === 0) return undefined
        const r = this.rng.next()
        if (r < this.errorRate)
            return { kind: 'error', status: this.rng.pick([500, 502, 503] as const) }
        if (r < this.errorRate + this.timeoutRate) return { kind: 'timeout' }
        return undefined
    }
}

const clamp = (rate: number): number => (Number.isFinite(rate) ? Math.min(1, Math.max(0, rate)) : 0)

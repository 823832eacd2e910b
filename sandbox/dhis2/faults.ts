import type { ApiResponse } from './contract'
import { webMessage } from './http'

export interface FaultOptions {
    /** Share of API requests answered with a 5xx instead (0–1). */
    errorRate?: number
    seed?: number
}

/** mulberry32: small, seedable, good enough to make fault runs reproducible. */
export function seededRandom(seed: number): () => number {
    let a = seed >>> 0
    return () => {
        a = (a + 0x6d2b79f5) >>> 0
        let t = a
        t = Math.imul(t ^ (t >>> 15), t | 1)
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296
    }
}

const FAULT_STATUSES = [500, 502, 503] as const

export function createFaultInjector(options: FaultOptions = {}): () => ApiResponse | undefined {
    const rate = options.errorRate ?? 0
    if (!(rate > 0)) return () => undefined
    const random = seededRandom(options.seed ?? 1)
    return () => {
        if (random() >= rate) return undefined
        const status = FAULT_STATUSES[Math.floor(random() * FAULT_STATUSES.length)] ?? 500
        return webMessage(status, 'Injected fault (sandbox)')
    }
}

export const delay = (ms: number): Promise<void> =>
    ms > 0 ? new Promise((resolve) => setTimeout(resolve, ms)) : Promise.resolve()

/**
 * Small, fast, deterministic hashing and PRNG. Every generated value derives from (seed, index, …)
 * so any child's records can be rebuilt on demand without keeping the dataset in memory.
 */

/** 32-bit avalanche mix (murmur3 finaliser). */
function mix(h: number): number {
    h ^= h >>> 16
    h = Math.imul(h, 0x85ebca6b)
    h ^= h >>> 13
    h = Math.imul(h, 0xc2b2ae35)
    h ^= h >>> 16
    return h >>> 0
}

/** Hash of a list of numbers (each folded in as two 32-bit halves, so indices above 2^32 work). */
export function hash32(...parts: number[]): number {
    let h = 0x9e3779b9
    for (const part of parts) {
        const lo = part >>> 0
        const hi = Math.floor(part / 0x100000000) >>> 0
        h = mix(h ^ lo) + 0x6d2b79f5
        h = mix(h ^ hi)
    }
    return h >>> 0
}

export function hashString(text: string): number {
    let h = 0x811c9dc5
    for (let i = 0; i < text.length; i++) {
        h ^= text.charCodeAt(i)
        h = Math.imul(h, 0x01000193)
    }
    return mix(h >>> 0)
}

/** Uniform [0, 1) from a hash of the parts. */
export function unit(...parts: number[]): number {
    return hash32(...parts) / 0x100000000
}

/** mulberry32: a seeded stream for one child's block. */
export class Rng {
    private state: number

    constructor(seed: number) {
        this.state = seed >>> 0
    }

    next(): number {
        this.state = (this.state + 0x6d2b79f5) >>> 0
        let t = this.state
        t = Math.imul(t ^ (t >>> 15), t | 1)
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
        return ((t ^ (t >>> 14)) >>> 0) / 0x100000000
    }

    int(n: number): number {
        return Math.floor(this.next() * n)
    }

    between(min: number, max: number): number {
        return min + this.int(max - min + 1)
    }

    chance(p: number): boolean {
        return this.next() < p
    }

    pick<T>(items: readonly T[]): T {
        const item = items[this.int(items.length)]
        if (item === undefined) throw new Error('pick from an empty list')
        return item
    }

    /** Exponential-ish delay with the given mean, in whole days. */
    delayDays(mean: number): number {
        return Math.floor(-Math.log(1 - this.next()) * mean)
    }
}

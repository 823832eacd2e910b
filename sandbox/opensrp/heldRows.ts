import { hash32 } from './prng'

/**
 * Non-monotonic visibility (server-web #980, reference §3.1): with `nonMonotonic`, about 1% of
 * generated rows stay invisible until a higher serverVersion of their table has been served —
 * or until a read comes back empty, which stands for the late commit landing. Counts ignore it,
 * as a count of committed rows would.
 */

export type Table = 'event' | 'client'

const HELD_PERCENT = 1

export class HeldRows {
    private readonly highWater: Record<Table, number> = { event: 0, client: 0 }

    constructor(
        private readonly seed: number,
        private readonly nonMonotonic: boolean
    ) {}

    hidden(table: Table, version: number): boolean {
        if (!this.nonMonotonic) return false
        if (version < this.highWater[table]) return false
        return hash32(this.seed, table === 'event' ? 0xe : 0xc, version) % 100 < HELD_PERCENT
    }

    /** Call with each page served, so held rows below its maximum become visible. */
    served(table: Table, versions: number[]): void {
        if (versions.length === 0) {
            this.highWater[table] = Number.MAX_SAFE_INTEGER
            return
        }
        this.highWater[table] = Math.max(this.highWater[table], ...versions)
    }
}

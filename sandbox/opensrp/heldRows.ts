import { hash32 } from './prng'

/**
 * Non-monotonic visibility (server-web #980, reference §3.1). A late commit is a row whose
 * transaction was still open while rows numbered after it were read, so it can only happen near
 * the head of the table: with `nonMonotonic`, about 8% of the generated rows within the top
 * HOLD_SPAN serverVersions of their table stay invisible until a higher serverVersion of that
 * table has been served, or until a page comes back short (the reader reached the head; the slow
 * transaction commits after that read). Rows deep in the history committed long ago and are never
 * held, so a reader that re-reads more than HOLD_SPAN versions below its cursor loses nothing.
 * Counts ignore holding, as a count of committed rows would.
 */

export type Table = 'event' | 'client'

/** Versions below the head a slow transaction can span; keep under the adapter's overlap. */
export const HOLD_SPAN = 1000
const HELD_PERCENT = 8

export class HeldRows {
    private readonly highWater: Record<Table, number> = { event: 0, client: 0 }

    /** `tops`: the highest generated serverVersion of each table. */
    constructor(
        private readonly seed: number,
        private readonly nonMonotonic: boolean,
        private readonly tops: Record<Table, number>
    ) {}

    hidden(table: Table, version: number): boolean {
        if (!this.nonMonotonic) return false
        if (version < this.highWater[table] || version <= this.tops[table] - HOLD_SPAN) return false
        return hash32(this.seed, table === 'event' ? 0xe : 0xc, version) % 100 < HELD_PERCENT
    }

    /** Call with each page served and the page size asked for. */
    served(table: Table, versions: number[], limit: number): void {
        if (versions.length < limit) {
            this.highWater[table] = Number.MAX_SAFE_INTEGER
            return
        }
        this.highWater[table] = Math.max(this.highWater[table], ...versions)
    }
}

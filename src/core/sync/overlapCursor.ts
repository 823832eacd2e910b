/**
 * Cursor rules for reading OpenSRP by serverVersion (reference/opensrp-api.md §3):
 * - every read starts `overlap` versions below the highest one delivered, because a lower
 *   serverVersion can become visible after higher ones were read (non-monotonic commits);
 * - records are de-duplicated by id: the same or a lower serverVersion is skipped, a higher one is
 *   a newer version of the record and is delivered again;
 * - the reader starts each next page at the previous page's max (inclusive), so ties at a page
 *   boundary are never lost.
 * Only ids inside the overlap window are remembered, so memory stays bounded by the window size.
 */

export interface StreamCheckpoint {
    /** Highest serverVersion delivered so far (0 = nothing yet). */
    high: number
    /** `[id, serverVersion]` of delivered records inside the overlap window. */
    seen: Array<[string, number]>
}

export const EMPTY_CHECKPOINT: StreamCheckpoint = { high: 0, seen: [] }

export class OverlapCursor {
    private readonly seen = new Map<string, number>()
    private high: number

    constructor(
        from: StreamCheckpoint | undefined,
        private readonly overlap: number
    ) {
        this.high = from?.high ?? 0
        for (const [id, version] of from?.seen ?? []) this.seen.set(id, version)
        this.prune()
    }

    /** The lowest serverVersion a read must include. */
    startVersion(): number {
        return Math.max(0, this.high - this.overlap)
    }

    /** True when the record is new (or a newer version of one delivered); remembers it. */
    accept(id: string, serverVersion: number): boolean {
        const known = this.seen.get(id)
        if (known !== undefined && known >= serverVersion) return false
        this.seen.set(id, serverVersion)
        this.high = Math.max(this.high, serverVersion)
        return true
    }

    checkpoint(): StreamCheckpoint {
        this.prune()
        return { high: this.high, seen: [...this.seen.entries()] }
    }

    windowSize(): number {
        return this.seen.size
    }

    private prune(): void {
        const floor = this.high - this.overlap
        for (const [id, version] of this.seen) if (version < floor) this.seen.delete(id)
    }
}

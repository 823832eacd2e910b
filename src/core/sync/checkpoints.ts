import type { StreamCheckpoint } from './overlapCursor'

/** Confirmed pages are saved every this many pages (re-reading a few pages is harmless). */
export const CHECKPOINT_EVERY_PAGES = 10

/**
 * Saves a stream's cursor every few pages and at the end instead of after every page: one
 * dataStore write per few pages. A confirmed checkpoint has every record before it answered for
 * (written, unchanged or in the retry queue), so a run that stops in between reads a few pages
 * again and finds them unchanged in the sync store.
 */
export class Checkpoints {
    private confirmed: StreamCheckpoint | undefined
    private saved: StreamCheckpoint | undefined
    private pagesSinceSave = 0

    constructor(private readonly save: (checkpoint: StreamCheckpoint) => Promise<void>) {}

    /** Called once per page, with the latest confirmed checkpoint if the page moved it. */
    async confirm(checkpoint: StreamCheckpoint | undefined): Promise<void> {
        if (checkpoint) this.confirmed = checkpoint
        this.pagesSinceSave++
        if (this.pagesSinceSave >= CHECKPOINT_EVERY_PAGES) await this.flush()
    }

    /** After a failure: keep what was confirmed if DHIS2 still takes it; the failure is the news. */
    async flushQuietly(): Promise<void> {
        await this.flush().catch(() => undefined)
    }

    async flush(): Promise<void> {
        if (!this.confirmed || this.confirmed === this.saved) return
        await this.save(this.confirmed)
        this.saved = this.confirmed
        this.pagesSinceSave = 0
    }
}

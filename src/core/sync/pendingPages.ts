import type { StreamCheckpoint } from './overlapCursor'

/** Where the page being read began: the page's number and the end of the page before it. */
export interface PageMark {
    page: number
    before: StreamCheckpoint | undefined
}

/**
 * Which OpenSRP pages DHIS2 has answered for. Every group of records still unanswered for (a
 * request being filled or in flight) keeps the mark of the page its first record came from; the
 * cursor may move to the end of the page before the oldest such mark, or to the last page read
 * when nothing is waiting. Only marks are kept, not one checkpoint per page, so a deletion that
 * waits for many pages holds no memory for them.
 */
export class PageCoverage {
    private page = 0
    private lastRead: StreamCheckpoint | undefined
    private stopped = false
    /** The end of the last page whose records DHIS2 has all answered for. */
    confirmed: StreamCheckpoint | undefined

    /** The mark of the page being read. */
    mark(): PageMark {
        return { page: this.page, before: this.lastRead }
    }

    /** The end of a page whose records have all been added. */
    pageRead(checkpoint: StreamCheckpoint): void {
        this.page++
        this.lastRead = checkpoint
    }

    /** Moves `confirmed` as far as the records still waiting (their first pages' marks) allow. */
    confirmUpTo(waiting: Array<PageMark | undefined>): void {
        if (this.stopped) return
        let oldest: PageMark | undefined
        for (const mark of waiting) if (mark && (!oldest || mark.page < oldest.page)) oldest = mark
        const next = oldest ? oldest.before : this.lastRead
        if (next) this.confirmed = next
    }

    /** After a request failed as a whole: its pages are unanswered for, the cursor stays. */
    stop(): void {
        this.stopped = true
    }
}

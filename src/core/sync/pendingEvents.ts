import type { SyncedRecord } from '../ports/syncStore'
import { flushTracker } from './flushTracker'
import type { TrackerContext } from './trackerContext'
import { PayloadBuilder, type TrackerItem } from './trackerItems'

/**
 * The tracker request being filled from the events stream. It spans OpenSRP pages, so a request
 * carries a full batch however small the pages are; the events cursor may then move only past
 * pages whose records were all written (see `flushes`).
 */
export class PendingEvents {
    private builder = new PayloadBuilder()
    private previous = new Map<string, SyncedRecord>()
    /** How many requests were sent: a page added before a flush is fully written after it. */
    flushes = 0

    constructor(private readonly ctx: TrackerContext) {}

    get payloadBuilder(): PayloadBuilder {
        return this.builder
    }

    isEmpty(): boolean {
        return this.builder.items.length === 0
    }

    holds(uid: string): boolean {
        return this.builder.holds(uid)
    }

    track(item: TrackerItem, before: SyncedRecord | undefined): void {
        this.builder.items.push(item)
        if (before) this.previous.set(item.key, before)
    }

    async flushIfFull(): Promise<void> {
        if (this.builder.size() >= this.ctx.batchSize) await this.flush()
    }

    async flush(): Promise<void> {
        if (this.isEmpty()) return
        const builder = this.builder
        const previous = this.previous
        this.builder = new PayloadBuilder()
        this.previous = new Map()
        await flushTracker(builder, this.ctx, previous)
        this.flushes++
    }
}

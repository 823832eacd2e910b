import type { SyncedRecord } from '../ports/syncStore'
import { flushTracker } from './flushTracker'
import type { StreamCheckpoint } from './overlapCursor'
import type { TrackerContext } from './trackerContext'
import { PayloadBuilder, type TrackerItem } from './trackerItems'

interface Flight {
    builder: PayloadBuilder
    done: Promise<void>
    /** The last page whose records were all in this request or earlier ones. */
    covers: StreamCheckpoint | undefined
    failure?: unknown
}

/**
 * The tracker request being filled from the events stream. It spans OpenSRP pages, so a request
 * carries a full batch however small the pages are. One request is in flight while the next is
 * filled: DHIS2 imports a batch while the connector reads and maps the next pages. Requests still
 * go out one after the other (a request is sent only once the one before it was answered), so a
 * newer version of a record never overtakes an older one.
 *
 * `confirmed` is the events cursor that may be saved: the end of the last page whose records
 * DHIS2 has all answered for.
 */
export class PendingEvents {
    private builder = new PayloadBuilder()
    private previous = new Map<string, SyncedRecord>()
    /** Pages fully read whose records are (partly) in the request being filled. */
    private open: StreamCheckpoint | undefined
    private flight: Flight | undefined
    confirmed: StreamCheckpoint | undefined

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

    /** True when the request being filled or the one in flight carries this object. */
    involves(uid: string): boolean {
        return this.builder.holds(uid) || this.flight?.builder.holds(uid) === true
    }

    track(item: TrackerItem, before: SyncedRecord | undefined): void {
        this.builder.items.push(item)
        if (before) this.previous.set(item.key, before)
    }

    async flushIfFull(): Promise<void> {
        if (this.builder.size() >= this.ctx.batchSize) await this.flush()
    }

    /** Sends what is waiting, once the request before it was answered; does not wait for it. */
    async flush(): Promise<void> {
        await this.settle()
        if (this.isEmpty()) return
        const builder = this.builder
        const previous = this.previous
        this.builder = new PayloadBuilder()
        this.previous = new Map()
        const flight: Flight = { builder, done: Promise.resolve(), covers: this.open }
        this.open = undefined
        // Kept, not thrown, until settle(): nobody awaits a request while the next is filled.
        flight.done = flushTracker(builder, this.ctx, previous).catch((error: unknown) => {
            flight.failure = error ?? new Error('tracker request failed')
        })
        this.flight = flight
    }

    /** Every record so far sent and answered for (the request in flight included). */
    async flushAndSettle(): Promise<void> {
        await this.flush()
        await this.settle()
    }

    /** The end of a page whose records have all been added. */
    pageRead(checkpoint: StreamCheckpoint): void {
        if (!this.isEmpty()) this.open = checkpoint
        else if (this.flight) this.flight.covers = checkpoint
        else this.confirmed = checkpoint
    }

    /** Waits for the request in flight; throws what stopped it. */
    async settle(): Promise<void> {
        const flight = this.flight
        if (!flight) return
        await flight.done
        this.flight = undefined
        if (flight.failure !== undefined) throw flight.failure
        if (flight.covers) this.confirmed = flight.covers
    }

    /** After a failure elsewhere: the request in flight still ends before the run does. */
    async abandon(): Promise<void> {
        await this.settle().catch(() => undefined)
    }
}

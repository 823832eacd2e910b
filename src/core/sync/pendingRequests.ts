import type { SyncedRecord } from '../ports/syncStore'
import type { Adopted, Adoption } from './adoptOnConflict'
import { flushTracker } from './flushTracker'
import type { StreamCheckpoint } from './overlapCursor'
import { PendingDeletions, sendDeletions } from './pendingDeletions'
import { PageCoverage, type PageMark } from './pendingPages'
import type { TrackerContext } from './trackerContext'
import { PayloadBuilder, type TrackerItem } from './trackerItems'

/**
 * A deletion waits for a full DELETE request at most this many pages: until it is answered the
 * events cursor cannot pass its page, and a run stopped midway reads again from there (50 pages
 * are 25,000 events at the default page size; they are read, not sent again).
 */
export const MAX_DELETION_WAIT_PAGES = 50

interface Flight {
    deletion: boolean
    carries: (uid: string) => boolean
    done: Promise<void>
    /** The page of the request's first record. */
    from: PageMark
    failure?: unknown
}

/**
 * The tracker requests being filled from an OpenSRP stream (clients, or events): one of creations
 * and updates, one of deletions (voided vaccinations). Both span OpenSRP pages, so a request carries a full batch
 * however small the pages are and however few voids a page has. One request is in flight while
 * the next are filled: DHIS2 imports a batch while the connector reads and maps the next pages.
 * Requests still go out one after the other (a request is sent only once the one before it was
 * answered), so a newer version of a record never overtakes an older one; and neither request
 * being filled ever holds an event the other holds (the older intent is sent first), so a
 * deletion never overtakes the creation of its event, nor a creation the deletion.
 *
 * `confirmed` is the stream's cursor that may be saved: the end of the last page whose records
 * DHIS2 has all answered for, creations and deletions alike.
 */
export class PendingRequests {
    private builder = new PayloadBuilder()
    private previous = new Map<string, SyncedRecord>()
    /** Clients of the request being filled that are sent under adopted UIDs. */
    private adopted: Adopted = new Map()
    /** The page of the first record in the request being filled. */
    private builderFrom: PageMark | undefined
    private readonly deletions = new PendingDeletions()
    private flight: Flight | undefined
    private readonly pages = new PageCoverage()

    constructor(private readonly ctx: TrackerContext) {}

    get confirmed(): StreamCheckpoint | undefined {
        return this.pages.confirmed
    }

    get payloadBuilder(): PayloadBuilder {
        return this.builder
    }

    isEmpty(): boolean {
        return this.builder.items.length === 0
    }

    /**
     * Before a creation or update of this event joins the request being filled: an older version
     * of it waiting goes first, on its own, and so does a deletion of it waiting.
     */
    async makeWayFor(uid: string): Promise<void> {
        if (this.builder.holds(uid)) await this.flushCreations()
        else if (this.deletions.holds(uid)) await this.flushDeletions()
    }

    track(item: TrackerItem, before: SyncedRecord | undefined): void {
        this.builder.items.push(item)
        if (before) this.previous.set(item.key, before)
        this.builderFrom ??= this.pages.mark()
    }

    /** A client of the request being filled goes under an adopted tracked entity. */
    noteAdopted(baseEntityId: string, adoption: Adoption): void {
        this.adopted.set(baseEntityId, adoption)
    }

    /** True when the request in flight (creations) carries an object with this UID. */
    inFlight(uid: string): boolean {
        return this.flight?.deletion === false && this.flight.carries(uid)
    }

    async flushIfFull(): Promise<void> {
        if (this.builder.size() >= this.ctx.batchSize) await this.flushCreations()
    }

    /**
     * A voided vaccination's deletion joins the DELETE request being filled. False when that event
     * is already being deleted (waiting, or in flight with nothing sent for it since).
     */
    async delete(item: TrackerItem, before: SyncedRecord | undefined): Promise<boolean> {
        // The creation of the same event still waiting goes first; one in flight is answered
        // before any later request goes out anyway.
        if (this.builder.holds(item.uid)) await this.flushCreations()
        else if (this.flight?.deletion === true && this.flight.carries(item.uid)) return false
        const added = this.deletions.add(item, before, this.pages.mark())
        if (this.deletions.size() >= this.ctx.batchSize) await this.flushDeletions()
        return added
    }

    /** Sends the creations waiting, once the request before was answered; does not wait for it. */
    async flushCreations(): Promise<void> {
        await this.settle()
        if (this.isEmpty()) return
        const builder = this.builder
        const previous = this.previous
        const adopted = this.adopted
        const from = this.builderFrom ?? this.pages.mark()
        this.builder = new PayloadBuilder()
        this.previous = new Map()
        this.adopted = new Map()
        this.builderFrom = undefined
        this.launch(
            false,
            (uid) => builder.holds(uid),
            from,
            () => flushTracker(builder, this.ctx, previous, adopted)
        )
    }

    /** Sends the deletions waiting, once the request before was answered; does not wait for it. */
    async flushDeletions(): Promise<void> {
        await this.settle()
        if (this.deletions.isEmpty()) return
        const from = this.deletions.from ?? this.pages.mark()
        const batch = this.deletions.take()
        this.launch(
            true,
            (uid) => batch.uids.has(uid),
            from,
            () => sendDeletions(batch, this.ctx)
        )
    }

    /** Every record so far sent and answered for (the request in flight included). */
    async flushAndSettle(): Promise<void> {
        await this.flushCreations()
        await this.flushDeletions()
        await this.settle()
    }

    /** The end of a page whose records have all been added. */
    async pageRead(checkpoint: StreamCheckpoint): Promise<void> {
        this.pages.pageRead(checkpoint)
        const waitingSince = this.deletions.from
        if (waitingSince && this.pages.mark().page - waitingSince.page >= MAX_DELETION_WAIT_PAGES)
            await this.flushDeletions()
        this.confirm()
    }

    /** Waits for the request in flight; throws what stopped it. */
    async settle(): Promise<void> {
        const flight = this.flight
        if (!flight) return
        await flight.done
        this.flight = undefined
        if (flight.failure !== undefined) {
            this.pages.stop()
            throw flight.failure
        }
        this.confirm()
    }

    /** After a failure elsewhere: the request in flight still ends before the run does. */
    async abandon(): Promise<void> {
        await this.settle().catch(() => undefined)
    }

    private launch(
        deletion: boolean,
        carries: (uid: string) => boolean,
        from: PageMark,
        send: () => Promise<void>
    ): void {
        const flight: Flight = { deletion, carries, done: Promise.resolve(), from }
        // Kept, not thrown, until settle(): nobody awaits a request while the next is filled.
        flight.done = send().catch((error: unknown) => {
            flight.failure = error ?? new Error('tracker request failed')
        })
        this.flight = flight
    }

    private confirm(): void {
        this.pages.confirmUpTo([this.builderFrom, this.deletions.from, this.flight?.from])
    }
}

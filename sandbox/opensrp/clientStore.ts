import type { BlockCounts } from './blockCounts'
import type { GeneratedDataset } from './generator/dataset'
import type { ChildPlan } from './generator/plan'
import {
    ClientSlot,
    clientVersion,
    CLIENT_BASE,
    CLIENT_SLOTS,
    firstBlockFrom,
    firstOverlayClientVersion,
} from './generator/layout'
import type { HeldRows } from './heldRows'
import { identifierOf, str, type JsonObject } from './json'
import { OverlayTable } from './overlay'

/**
 * The client table: generated clients (lazy) and uploaded ones (overlay), keyed by baseEntityId.
 * An upload over a generated client hides the generated row from its old slot.
 */

/** An edited child replaces the child: both are the block's one current child client. */
const clientRole = (slot: ClientSlot): ClientSlot =>
    slot === ClientSlot.EditedChild ? ClientSlot.Child : slot

export class ClientStore {
    private readonly overlay: OverlayTable
    /** Generated rows replaced by uploads, keyed `block:role`, with their serverVersion. */
    private readonly replaced = new Map<string, number>()

    constructor(
        private readonly dataset: GeneratedDataset,
        private readonly held: HeldRows,
        private readonly counts: BlockCounts
    ) {
        this.overlay = new OverlayTable(firstOverlayClientVersion(dataset.children))
    }

    /** Clients with serverVersion > after, ascending, at most `limit`. */
    query(after: number, limit: number): JsonObject[] {
        const page: JsonObject[] = []
        if (limit <= 0) return page
        const { dataset } = this
        for (
            let b = firstBlockFrom(after + 1, CLIENT_BASE, CLIENT_SLOTS);
            b < dataset.children;
            b++
        ) {
            const plan = dataset.plan(b)
            for (const slot of plan.clientSlots) {
                const version = clientVersion(b, slot)
                if (version <= after || this.held.hidden('client', version)) continue
                if (this.replaced.size > 0 && this.replaced.has(`${b}:${clientRole(slot)}`))
                    continue
                page.push(dataset.client(plan, slot))
                if (page.length >= limit) return page
            }
        }
        for (const client of this.overlay.after(after)) {
            page.push(client)
            if (page.length >= limit) break
        }
        return page
    }

    count(after: number): number {
        const { dataset } = this
        const counts = this.counts.clients()
        let total = 0
        const start = firstBlockFrom(after + 1, CLIENT_BASE, CLIENT_SLOTS)
        if (start < dataset.children) {
            for (const slot of dataset.plan(start).clientSlots)
                if (clientVersion(start, slot) > after) total++
            for (let b = start + 1; b < dataset.children; b++) total += counts[b] ?? 0
        }
        for (const version of this.replaced.values()) if (version > after) total--
        for (const _client of this.overlay.after(after)) total++
        return total
    }

    /** The current client with this baseEntityId, uploaded or generated. */
    get(baseEntityId: string): JsonObject | undefined {
        const uploaded = this.overlay.get(baseEntityId)
        if (uploaded) return uploaded
        const generated = this.dataset.clientByEntityId(baseEntityId)
        if (
            !generated ||
            this.replaced.has(`${generated.plan.index}:${clientRole(generated.slot)}`)
        )
            return undefined
        return this.committed(generated.plan, generated.slot)
    }

    /**
     * The generated client as other transactions see it: a held row (heldRows.ts) is a write not
     * committed yet, so a new client is not there at all and an edited one is still its earlier
     * version. (A held voided duplicate is left out: its earlier version is not generated.)
     */
    private committed(plan: ChildPlan, slot: ClientSlot): JsonObject | undefined {
        if (!this.held.hidden('client', clientVersion(plan.index, slot)))
            return this.dataset.client(plan, slot)
        return slot === ClientSlot.EditedChild
            ? this.dataset.client(plan, ClientSlot.Child)
            : undefined
    }

    put(baseEntityId: string, client: JsonObject): void {
        const generated = this.dataset.clientByEntityId(baseEntityId)
        if (generated) {
            this.replaced.set(
                `${generated.plan.index}:${clientRole(generated.slot)}`,
                clientVersion(generated.plan.index, generated.slot)
            )
        }
        this.overlay.put(baseEntityId, client)
    }

    /** Clients whose identifier `type` equals `value` (ClientService.findAllByIdentifier). */
    byIdentifier(type: string, value: string): JsonObject[] {
        const found: JsonObject[] = []
        for (const client of this.overlay.values()) {
            if (identifierOf(client, type) === value) found.push(client)
        }
        if (type.toLowerCase() === 'zeir_id') {
            const generated = this.dataset.clientByZeir(value)
            if (generated) {
                const id = str(this.dataset.client(generated.plan, generated.slot), 'baseEntityId')
                const client = id ? this.get(id) : undefined
                if (client && identifierOf(client, type) === value && !found.includes(client))
                    found.push(client)
            }
        }
        return found
    }

    /** Every current client, generated then uploaded; for search, which has no paging. */
    *all(): Generator<JsonObject> {
        const { dataset } = this
        for (let b = 0; b < dataset.children; b++) {
            const plan = dataset.plan(b)
            for (const slot of plan.clientSlots) {
                if (this.replaced.size > 0 && this.replaced.has(`${b}:${clientRole(slot)}`))
                    continue
                const client = this.committed(plan, slot)
                if (client) yield client
            }
        }
        yield* this.overlay.values()
    }

    /** The uploaded clients only. */
    uploaded(): IterableIterator<JsonObject> {
        return this.overlay.values()
    }
}

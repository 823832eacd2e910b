import type { GeneratedDataset } from './generator/dataset'
import {
    ClientSlot,
    clientVersion,
    CLIENT_BASE,
    CLIENT_SLOTS,
    eventVersion,
    EVENT_BASE,
    EVENT_SLOTS,
    firstBlockFrom,
    firstOverlayClientVersion,
    firstOverlayEventVersion,
} from './generator/layout'
import type { ChildPlan, PlannedEvent } from './generator/plan'
import { IdKind } from './ids'
import { identifierOf, str, type JsonObject } from './json'
import { OverlayTable } from './overlay'
import { hash32 } from './prng'

/**
 * One view over generated (lazy) and uploaded (overlay) records, with the server's visibility
 * rules: replaced generated rows vanish from their old slot, and with `nonMonotonic` about 1% of
 * generated rows stay invisible until a higher serverVersion has been served (server-web #980,
 * reference §3.1) — or until a read comes back empty, which stands for the late commit landing.
 */

export type Table = 'event' | 'client'

export interface EventQuery {
    /** Strictly greater than. */
    after: number
    limit: number
    match(event: JsonObject): boolean
    /** Cheap necessary condition on a generated event, checked before building its JSON. */
    prefilter?(planned: PlannedEvent): boolean
    /** Restrict generated events to these child blocks (a baseEntityId filter). */
    blocks?: number[]
}

export interface GeneratedEventRef {
    plan: ChildPlan
    planned: PlannedEvent
}

const HELD_PERCENT = 1

const clientRole = (slot: ClientSlot): ClientSlot =>
    slot === ClientSlot.EditedChild ? ClientSlot.Child : slot

export class RecordStore {
    readonly events: OverlayTable
    readonly clients: OverlayTable
    private readonly eventIdByFormSubmission = new Map<string, string>()
    private readonly eventIdsByEntity = new Map<string, Set<string>>()
    /** Generated rows replaced by uploads, keyed `block:slot`, with what counting needs. */
    private readonly replacedEvents = new Map<string, { version: number; eventType: string }>()
    private readonly replacedClients = new Map<string, number>()
    private readonly highWater: Record<Table, number> = { event: 0, client: 0 }
    private counts: { events: Map<string, Uint8Array>; clients: Uint8Array } | undefined

    constructor(
        readonly dataset: GeneratedDataset,
        private readonly nonMonotonic: boolean
    ) {
        this.events = new OverlayTable(firstOverlayEventVersion(dataset.children))
        this.clients = new OverlayTable(firstOverlayClientVersion(dataset.children))
    }

    private get seed(): number {
        return this.dataset.ctx.seed
    }

    private hidden(table: Table, version: number): boolean {
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

    // ---- events ----

    queryEvents(query: EventQuery): JsonObject[] {
        const page: JsonObject[] = []
        if (query.limit <= 0) return page
        for (const event of this.matchingEvents(query, false)) {
            page.push(event)
            if (page.length >= query.limit) break
        }
        return page
    }

    /**
     * Counts what `queryEvents` would return without a limit. Generated events are decided by
     * `prefilter` alone (it must be exact for them), so nothing is built; visibility is ignored,
     * as a count of committed rows would.
     */
    countMatching(query: EventQuery): number {
        let total = 0
        for (const _event of this.matchingEvents(query, true)) total++
        return total
    }

    private *matchingEvents(query: EventQuery, counting: boolean): Generator<JsonObject> {
        const { dataset } = this
        const blocks =
            query.blocks ??
            rangeFrom(firstBlockFrom(query.after + 1, EVENT_BASE, EVENT_SLOTS), dataset.children)
        const placeholder: JsonObject = {}
        for (const block of blocks) {
            if (eventVersion(block, EVENT_SLOTS - 1) <= query.after) continue
            const plan = dataset.plan(block)
            for (const planned of plan.events) {
                const version = eventVersion(block, planned.slot)
                if (version <= query.after) continue
                if (!counting && this.hidden('event', version)) continue
                if (
                    this.replacedEvents.size > 0 &&
                    this.replacedEvents.has(`${block}:${planned.idSlot}`)
                )
                    continue
                if (query.prefilter && !query.prefilter(planned)) continue
                if (counting) {
                    yield placeholder
                    continue
                }
                const event = dataset.event(plan, planned)
                if (query.match(event)) yield event
            }
        }
        for (const event of this.events.after(query.after)) {
            if (query.match(event)) yield event
        }
    }

    countEvents(after: number, eventType?: string): number {
        const counts = this.eventCounts(eventType)
        const { dataset } = this
        const start = firstBlockFrom(after + 1, EVENT_BASE, EVENT_SLOTS)
        let total = 0
        if (start < dataset.children) {
            for (const planned of dataset.plan(start).events) {
                if (eventVersion(start, planned.slot) <= after) continue
                if (eventType === undefined || planned.eventType === eventType) total++
            }
            for (let b = start + 1; b < dataset.children; b++) total += counts[b] ?? 0
        }
        for (const replaced of this.replacedEvents.values()) {
            if (
                replaced.version > after &&
                (eventType === undefined || replaced.eventType === eventType)
            )
                total--
        }
        for (const event of this.events.after(after)) {
            if (eventType === undefined || str(event, 'eventType') === eventType) total++
        }
        return total
    }

    private eventCounts(eventType: string | undefined): Uint8Array {
        return this.blockCounts().events.get(eventType ?? '') ?? new Uint8Array(0)
    }

    /** Per-block row counts, built by one pass over all plans the first time a count is asked. */
    private blockCounts(): { events: Map<string, Uint8Array>; clients: Uint8Array } {
        if (!this.counts) {
            const n = this.dataset.children
            const all = new Uint8Array(n)
            const events = new Map<string, Uint8Array>([['', all]])
            const clients = new Uint8Array(n)
            for (let b = 0; b < n; b++) {
                const plan = this.dataset.plan(b)
                clients[b] = plan.clientSlots.length
                all[b] = plan.events.length
                for (const planned of plan.events) {
                    let counts = events.get(planned.eventType)
                    if (!counts) {
                        counts = new Uint8Array(n)
                        events.set(planned.eventType, counts)
                    }
                    counts[b] = (counts[b] ?? 0) + 1
                }
            }
            this.counts = { events, clients }
        }
        return this.counts
    }

    /** The stored event a new upload with this `_id` or formSubmissionId replaces (§2.2). */
    findEvent(
        id: string | undefined,
        formSubmissionId: string | undefined
    ): { overlay: JsonObject } | { generated: GeneratedEventRef } | undefined {
        if (id) {
            const row = this.events.get(id)
            if (row) return { overlay: row }
            const ref = this.dataset.eventByCode(IdKind.EventDoc, id)
            if (ref && !this.isReplaced(ref)) return { generated: ref }
        }
        if (formSubmissionId) {
            const overlayId = this.eventIdByFormSubmission.get(formSubmissionId)
            const row = overlayId !== undefined ? this.events.get(overlayId) : undefined
            if (row && str(row, 'formSubmissionId') === formSubmissionId) return { overlay: row }
            const ref = this.dataset.eventByCode(IdKind.FormSubmission, formSubmissionId)
            if (ref && !this.isReplaced(ref)) return { generated: ref }
        }
        return undefined
    }

    private isReplaced(ref: GeneratedEventRef): boolean {
        return this.replacedEvents.has(`${ref.plan.index}:${ref.planned.idSlot}`)
    }

    /** Writes an uploaded event; `replaces` hides the generated row it supersedes. */
    putEvent(id: string, event: JsonObject, replaces?: GeneratedEventRef): void {
        if (replaces) {
            const { plan, planned } = replaces
            this.replacedEvents.set(`${plan.index}:${planned.idSlot}`, {
                version: eventVersion(plan.index, planned.slot),
                eventType: planned.eventType,
            })
        }
        this.events.put(id, event)
        const formSubmissionId = str(event, 'formSubmissionId')
        if (formSubmissionId) this.eventIdByFormSubmission.set(formSubmissionId, id)
        const entity = str(event, 'baseEntityId')
        if (entity) {
            const ids = this.eventIdsByEntity.get(entity) ?? new Set<string>()
            ids.add(id)
            this.eventIdsByEntity.set(entity, ids)
        }
    }

    /** Current uploaded events of a client (generated ones come from its block). */
    uploadedEventsOf(baseEntityId: string): JsonObject[] {
        const ids = this.eventIdsByEntity.get(baseEntityId) ?? new Set<string>()
        return [...ids]
            .map((id) => this.events.get(id))
            .filter(
                (e): e is JsonObject => e !== undefined && str(e, 'baseEntityId') === baseEntityId
            )
    }

    /** The Birth Registration processOutOfArea needs before it attaches an event (§5.3). */
    birthRegistrationOf(baseEntityId: string): JsonObject | undefined {
        const uploaded = this.uploadedEventsOf(baseEntityId).find(
            (e) => str(e, 'eventType') === 'Birth Registration'
        )
        if (uploaded) return uploaded
        const generated = this.dataset.clientByEntityId(baseEntityId)
        if (!generated) return undefined
        const planned = this.dataset.birthRegistrationOf(generated.plan, generated.slot)
        if (!planned || this.isReplaced({ plan: generated.plan, planned })) return undefined
        return this.dataset.event(generated.plan, planned)
    }

    // ---- clients ----

    queryClients(after: number, limit: number): JsonObject[] {
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
                if (version <= after || this.hidden('client', version)) continue
                if (
                    this.replacedClients.size > 0 &&
                    this.replacedClients.has(`${b}:${clientRole(slot)}`)
                )
                    continue
                page.push(dataset.client(plan, slot))
                if (page.length >= limit) return page
            }
        }
        for (const client of this.clients.after(after)) {
            page.push(client)
            if (page.length >= limit) break
        }
        return page
    }

    countClients(after: number): number {
        const { dataset } = this
        const counts = this.blockCounts().clients
        let total = 0
        const start = firstBlockFrom(after + 1, CLIENT_BASE, CLIENT_SLOTS)
        if (start < dataset.children) {
            for (const slot of dataset.plan(start).clientSlots)
                if (clientVersion(start, slot) > after) total++
            for (let b = start + 1; b < dataset.children; b++) total += counts[b] ?? 0
        }
        for (const version of this.replacedClients.values()) if (version > after) total--
        for (const _client of this.clients.after(after)) total++
        return total
    }

    /** The current client with this baseEntityId, uploaded or generated. */
    client(baseEntityId: string): JsonObject | undefined {
        const uploaded = this.clients.get(baseEntityId)
        if (uploaded) return uploaded
        const generated = this.dataset.clientByEntityId(baseEntityId)
        if (
            !generated ||
            this.replacedClients.has(`${generated.plan.index}:${clientRole(generated.slot)}`)
        )
            return undefined
        return this.dataset.client(generated.plan, generated.slot)
    }

    putClient(baseEntityId: string, client: JsonObject): void {
        const generated = this.dataset.clientByEntityId(baseEntityId)
        if (generated) {
            this.replacedClients.set(
                `${generated.plan.index}:${clientRole(generated.slot)}`,
                clientVersion(generated.plan.index, generated.slot)
            )
        }
        this.clients.put(baseEntityId, client)
    }

    /** Clients whose identifier `type` equals `value` (ClientService.findAllByIdentifier). */
    clientsByIdentifier(type: string, value: string): JsonObject[] {
        const found: JsonObject[] = []
        for (const client of this.clients.values()) {
            if (identifierOf(client, type) === value) found.push(client)
        }
        if (type.toLowerCase() === 'zeir_id') {
            const generated = this.dataset.clientByZeir(value)
            if (generated) {
                const id = str(this.dataset.client(generated.plan, generated.slot), 'baseEntityId')
                const client = id ? this.client(id) : undefined
                if (client && identifierOf(client, type) === value && !found.includes(client))
                    found.push(client)
            }
        }
        return found
    }

    /** Every current client, generated then uploaded; for search, which has no paging. */
    *allClients(): Generator<JsonObject> {
        const { dataset } = this
        for (let b = 0; b < dataset.children; b++) {
            const plan = dataset.plan(b)
            for (const slot of plan.clientSlots) {
                if (
                    this.replacedClients.size > 0 &&
                    this.replacedClients.has(`${b}:${clientRole(slot)}`)
                )
                    continue
                yield dataset.client(plan, slot)
            }
        }
        yield* this.clients.values()
    }
}

function* rangeFrom(start: number, end: number): Generator<number> {
    for (let b = start; b < end; b++) yield b
}

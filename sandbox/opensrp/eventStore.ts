import type { BlockCounts } from './blockCounts'
import type { GeneratedDataset } from './generator/dataset'
import {
    eventVersion,
    EVENT_BASE,
    EVENT_SLOTS,
    firstBlockFrom,
    firstOverlayEventVersion,
} from './generator/layout'
import type { ChildPlan, PlannedEvent } from './generator/plan'
import type { HeldRows } from './heldRows'
import { IdKind } from './ids'
import { str, type JsonObject } from './json'
import { OverlayTable } from './overlay'

/**
 * The event table: generated events (lazy) and uploaded ones (overlay). An upload that replaces
 * a generated event hides it from its old slot, so every scan and count skips replaced rows.
 */

export interface EventQuery {
    /** Strictly greater than. */
    after: number
    limit: number
    match(event: JsonObject): boolean
    /** Cheap necessary condition on a generated event (and its child block), checked before
     * building its JSON. */
    prefilter?(planned: PlannedEvent, block: number): boolean
    /** Restrict generated events to these child blocks (a baseEntityId filter). */
    blocks?: number[]
}

export interface GeneratedEventRef {
    plan: ChildPlan
    planned: PlannedEvent
}

export class EventStore {
    private readonly uploaded: OverlayTable
    private readonly idByFormSubmission = new Map<string, string>()
    private readonly idsByEntity = new Map<string, Set<string>>()
    /** Generated rows replaced by uploads, keyed `block:slot`, with what counting needs. */
    private readonly replaced = new Map<string, { version: number; eventType: string }>()

    constructor(
        private readonly dataset: GeneratedDataset,
        private readonly held: HeldRows,
        private readonly counts: BlockCounts
    ) {
        this.uploaded = new OverlayTable(firstOverlayEventVersion(dataset.children))
    }

    query(query: EventQuery): JsonObject[] {
        const page: JsonObject[] = []
        if (query.limit <= 0) return page
        for (const event of this.matching(query, false)) {
            page.push(event)
            if (page.length >= query.limit) break
        }
        return page
    }

    /**
     * Counts what `query` would return without a limit. Generated events are decided by
     * `prefilter` alone (it must be exact for them), so nothing is built; visibility is ignored,
     * as a count of committed rows would.
     */
    countMatching(query: EventQuery): number {
        let total = 0
        for (const _event of this.matching(query, true)) total++
        return total
    }

    private *matching(query: EventQuery, counting: boolean): Generator<JsonObject> {
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
                if (!counting && this.held.hidden('event', version)) continue
                if (this.replaced.size > 0 && this.replaced.has(`${block}:${planned.idSlot}`))
                    continue
                if (query.prefilter && !query.prefilter(planned, block)) continue
                if (counting) {
                    yield placeholder
                    continue
                }
                const event = dataset.event(plan, planned)
                if (query.match(event)) yield event
            }
        }
        for (const event of this.uploaded.after(query.after)) {
            if (query.match(event)) yield event
        }
    }

    /** Events above `after`, of one type or all: from the block counts, building nothing. */
    count(after: number, eventType?: string): number {
        const counts = this.counts.events(eventType)
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
        for (const replaced of this.replaced.values()) {
            if (
                replaced.version > after &&
                (eventType === undefined || replaced.eventType === eventType)
            )
                total--
        }
        for (const event of this.uploaded.after(after)) {
            if (eventType === undefined || str(event, 'eventType') === eventType) total++
        }
        return total
    }

    /** The stored event a new upload with this `_id` or formSubmissionId replaces (§2.2). */
    find(
        id: string | undefined,
        formSubmissionId: string | undefined
    ): { overlay: JsonObject } | { generated: GeneratedEventRef } | undefined {
        if (id) {
            const row = this.uploaded.get(id)
            if (row) return { overlay: row }
            const ref = this.dataset.eventByCode(IdKind.EventDoc, id)
            if (ref && !this.isReplaced(ref)) return { generated: ref }
        }
        if (formSubmissionId) {
            const overlayId = this.idByFormSubmission.get(formSubmissionId)
            const row = overlayId !== undefined ? this.uploaded.get(overlayId) : undefined
            if (row && str(row, 'formSubmissionId') === formSubmissionId) return { overlay: row }
            const ref = this.dataset.eventByCode(IdKind.FormSubmission, formSubmissionId)
            if (ref && !this.isReplaced(ref)) return { generated: ref }
        }
        return undefined
    }

    private isReplaced(ref: GeneratedEventRef): boolean {
        return this.replaced.has(`${ref.plan.index}:${ref.planned.idSlot}`)
    }

    /** Writes an uploaded event; `replaces` hides the generated row it supersedes. */
    put(id: string, event: JsonObject, replaces?: GeneratedEventRef): void {
        if (replaces) {
            const { plan, planned } = replaces
            this.replaced.set(`${plan.index}:${planned.idSlot}`, {
                version: eventVersion(plan.index, planned.slot),
                eventType: planned.eventType,
            })
        }
        this.uploaded.put(id, event)
        const formSubmissionId = str(event, 'formSubmissionId')
        if (formSubmissionId) this.idByFormSubmission.set(formSubmissionId, id)
        const entity = str(event, 'baseEntityId')
        if (entity) {
            const ids = this.idsByEntity.get(entity) ?? new Set<string>()
            ids.add(id)
            this.idsByEntity.set(entity, ids)
        }
    }

    /** The Birth Registration processOutOfArea needs before it attaches an event (§5.3). */
    birthRegistrationOf(baseEntityId: string): JsonObject | undefined {
        const uploaded = this.uploadedOf(baseEntityId).find(
            (e) => str(e, 'eventType') === 'Birth Registration'
        )
        if (uploaded) return uploaded
        const generated = this.dataset.clientByEntityId(baseEntityId)
        if (!generated) return undefined
        const planned = this.dataset.birthRegistrationOf(generated.plan, generated.slot)
        if (!planned || this.isReplaced({ plan: generated.plan, planned })) return undefined
        return this.dataset.event(generated.plan, planned)
    }

    /** Current uploaded events of a client (generated ones come from its block). */
    private uploadedOf(baseEntityId: string): JsonObject[] {
        const ids = this.idsByEntity.get(baseEntityId) ?? new Set<string>()
        return [...ids]
            .map((id) => this.uploaded.get(id))
            .filter(
                (e): e is JsonObject => e !== undefined && str(e, 'baseEntityId') === baseEntityId
            )
    }
}

function* rangeFrom(start: number, end: number): Generator<number> {
    for (let b = start; b < end; b++) yield b
}

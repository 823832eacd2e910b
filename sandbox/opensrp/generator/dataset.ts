import { decodeUuid, IdKind } from '../ids'
import type { JsonObject } from '../json'
import { childClient, motherClient } from './clientRecords'
import { eventRecord } from './eventRecords'
import { parseZeir } from './identifiers'
import { ClientSlot, EVENT_SLOTS } from './layout'
import { EVENT_TYPES, planChild, youngerSiblingOf, type ChildPlan, type PlannedEvent } from './plan'
import type { RecordContext } from './profiles'

/**
 * The generated dataset, lazily: nothing is stored except a handful of recent plans. Every
 * lookup maps an id back to its child block (ids.ts) and rebuilds that block.
 */

export interface GeneratedClient {
    slot: ClientSlot
    build(): JsonObject
}

const PLAN_CACHE_SIZE = 256

export class GeneratedDataset {
    /** Direct-mapped cache of recent plans: block i lives at i mod size. */
    private readonly cache: Array<ChildPlan | undefined> = new Array<ChildPlan | undefined>(
        PLAN_CACHE_SIZE
    )

    constructor(readonly ctx: RecordContext) {}

    get children(): number {
        return this.ctx.children
    }

    plan(i: number): ChildPlan {
        const slot = i % PLAN_CACHE_SIZE
        const cached = this.cache[slot]
        if (cached?.index === i) return cached
        const plan = planChild(this.ctx, i)
        this.cache[slot] = plan
        return plan
    }

    event(plan: ChildPlan, planned: PlannedEvent): JsonObject {
        return eventRecord(this.ctx, plan, planned)
    }

    client(plan: ChildPlan, slot: ClientSlot): JsonObject {
        return slot === ClientSlot.Mother
            ? motherClient(this.ctx, plan)
            : childClient(this.ctx, plan, slot)
    }

    /** Current generated client for a baseEntityId, with its slot. */
    clientByEntityId(baseEntityId: string): { plan: ChildPlan; slot: ClientSlot } | undefined {
        const { seed } = this.ctx
        const inRange = (i: number | undefined): i is number => i !== undefined && i < this.children
        const child = decodeUuid(seed, IdKind.ChildEntity, baseEntityId)
        if (inRange(child)) {
            const plan = this.plan(child)
            const slot = plan.clientSlots.includes(ClientSlot.EditedChild)
                ? ClientSlot.EditedChild
                : ClientSlot.Child
            return { plan, slot }
        }
        const mother = decodeUuid(seed, IdKind.MotherEntity, baseEntityId)
        if (inRange(mother)) {
            const plan = this.plan(mother)
            return plan.ownsMother ? { plan, slot: ClientSlot.Mother } : undefined
        }
        const duplicate = decodeUuid(seed, IdKind.DuplicateEntity, baseEntityId)
        if (inRange(duplicate)) {
            const plan = this.plan(duplicate)
            return plan.clientSlots.includes(ClientSlot.Duplicate)
                ? { plan, slot: ClientSlot.Duplicate }
                : undefined
        }
        return undefined
    }

    /** Blocks holding events of a baseEntityId: the owner block, for mothers also nothing else. */
    blockOfEntity(baseEntityId: string): number | undefined {
        return this.clientByEntityId(baseEntityId)?.plan.index
    }

    /** Clients carrying ZEIR_ID = value (the generated ones: a child or a voided duplicate). */
    clientByZeir(value: string): { plan: ChildPlan; slot: ClientSlot } | undefined {
        const parsed = parseZeir(value)
        if (!parsed || parsed.index < 0 || parsed.index >= this.children) return undefined
        const plan = this.plan(parsed.index)
        if (parsed.duplicate) {
            return plan.clientSlots.includes(ClientSlot.Duplicate)
                ? { plan, slot: ClientSlot.Duplicate }
                : undefined
        }
        const slot = plan.clientSlots.includes(ClientSlot.EditedChild)
            ? ClientSlot.EditedChild
            : ClientSlot.Child
        return { plan, slot }
    }

    /** The generated event whose `_id` (kind EventDoc) or formSubmissionId (FormSubmission) is `id`. */
    eventByCode(
        kind: IdKind.EventDoc | IdKind.FormSubmission,
        id: string
    ): { plan: ChildPlan; planned: PlannedEvent } | undefined {
        const n = decodeUuid(this.ctx.seed, kind, id)
        if (n === undefined) return undefined
        const block = Math.floor(n / EVENT_SLOTS)
        if (block >= this.children) return undefined
        const plan = this.plan(block)
        const planned = plan.events.find((e) => e.idSlot === n % EVENT_SLOTS)
        if (!planned) return undefined
        if (kind === IdKind.EventDoc && planned.malformed === 'missing-id') return undefined
        return { plan, planned }
    }

    /** The Birth Registration of a generated client, as processOutOfArea looks it up (§5.3). */
    birthRegistrationOf(plan: ChildPlan, slot: ClientSlot): PlannedEvent | undefined {
        if (slot === ClientSlot.Mother) return undefined
        const entity = slot === ClientSlot.Duplicate ? 'duplicate' : 'child'
        return plan.events.find((e) => e.eventType === EVENT_TYPES.birth && e.entity === entity)
    }

    /** Children of a generated mother (client search "adds relatives"). */
    childrenOfMother(owner: number): number[] {
        const younger = youngerSiblingOf(this.ctx, owner)
        return younger === undefined ? [owner] : [owner, younger]
    }
}

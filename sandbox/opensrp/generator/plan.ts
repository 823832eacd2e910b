import { hash32, Rng, unit } from '../prng'
import { ClientSlot, EventSlot } from './layout'
import { CHILD_DOSES, TT, TT_DOSES } from './schedule'

/**
 * The cheap, numbers-only skeleton of one child's block: which client and event slots are used,
 * at which facility, of which type. Counting and filtering run on plans; `clientRecords.ts` and
 * `eventRecords.ts` turn a plan into JSON only for records that are actually served.
 *
 * Mothers: child i normally owns its mother (client slot 0, TT events in slots 16–20). About 12%
 * of children in the last third are younger siblings: their mother is owned by block i − D, with
 * D = ⌊2N/3⌋ (≈ two years earlier, since birthdates rise with i), and their block has no mother.
 */

export const ANCHOR_DAY = Date.UTC(2024, 5, 30) / 86400000
const SPAN_DAYS = 3 * 365

export type MalformKind = 'bangla-date' | 'missing-id' | 'bad-event-date' | 'wrong-types'
export const MALFORM_KINDS: readonly MalformKind[] = [
    'bangla-date',
    'missing-id',
    'bad-event-date',
    'wrong-types',
]

export type EventKind =
    | 'birth'
    | 'dose'
    | 'tt'
    | 'duplicate-birth'
    | 'oa-device'
    | 'oa-home'
    | 'oa-service'
    | 'edited'
    | 'void'
    | 're-entered'

export const EVENT_TYPES = {
    birth: 'Birth Registration',
    vaccination: 'Vaccination',
    outOfArea: 'Out of Area Service - Vaccination',
    void: 'Void Event',
} as const

export interface PlannedDose {
    field: string
    parentCode: string
    dose: number
    /** Local (Asia/Dhaka) calendar day number of the vaccination. */
    day: number
    slot: number
}

export interface PlannedEvent {
    slot: number
    kind: EventKind
    eventType: string
    /** Facility index where the event was recorded. */
    facility: number
    entity: 'child' | 'mother' | 'duplicate'
    /** The slot whose `_id` and formSubmissionId the event carries (edits and voids keep them). */
    idSlot: number
    dose?: PlannedDose
    malformed?: MalformKind
}

export interface ChildPlan {
    index: number
    birthDay: number
    registeredDay: number
    home: number
    homeBirth: boolean
    motherOwner: number
    ownsMother: boolean
    ipvSpelling: boolean
    clientSlots: ClientSlot[]
    events: PlannedEvent[]
}

export interface PlanContext {
    seed: number
    children: number
    facilities: number
}

enum Stream {
    Home = 1,
    Sibling,
    Birth,
    Doses,
    Mother,
    Quirks,
}

const siblingDistance = (ctx: PlanContext): number => Math.floor((ctx.children * 2) / 3)

export function isYoungerSibling(ctx: PlanContext, i: number): boolean {
    const d = siblingDistance(ctx)
    return d > 0 && i >= d && unit(ctx.seed, i, Stream.Sibling) < 0.12
}

export function motherOwnerOf(ctx: PlanContext, i: number): number {
    return isYoungerSibling(ctx, i) ? i - siblingDistance(ctx) : i
}

/** Younger siblings of block `owner` (at most one, by construction). */
export function youngerSiblingOf(ctx: PlanContext, owner: number): number | undefined {
    const j = owner + siblingDistance(ctx)
    return j < ctx.children && j !== owner && isYoungerSibling(ctx, j) ? j : undefined
}

export function homeOf(ctx: PlanContext, i: number): number {
    return hash32(ctx.seed, motherOwnerOf(ctx, i), Stream.Home) % Math.max(1, ctx.facilities)
}

export function birthDayOf(ctx: PlanContext, i: number): number {
    const spread = ctx.children > 1 ? Math.floor((i * (SPAN_DAYS - 1)) / (ctx.children - 1)) : 0
    const jitter = (hash32(ctx.seed, i, Stream.Birth) % 21) - 10
    return Math.min(ANCHOR_DAY - 1, ANCHOR_DAY - SPAN_DAYS + spread + jitter)
}

export function planChild(ctx: PlanContext, i: number): ChildPlan {
    const rng = new Rng(hash32(ctx.seed, i, Stream.Doses))
    const home = homeOf(ctx, i)
    const birthDay = birthDayOf(ctx, i)
    const homeBirth = rng.chance(0.3)
    const ipvSpelling = rng.chance(0.3)
    const ownsMother = motherOwnerOf(ctx, i) === i
    const events: PlannedEvent[] = []

    const registeredDay = Math.min(ANCHOR_DAY, birthDay + rng.delayDays(homeBirth ? 12 : 3))
    events.push(plain('birth', EVENT_TYPES.birth, EventSlot.BirthRegistration, home, 'child'))

    const engagement = rng.next()
    const lastByAntigen = new Map<string, number>()
    const doses: PlannedDose[] = []
    for (const spec of CHILD_DOSES) {
        const skipped = rng.chance(0.02)
        const extraDelay = homeBirth && spec.ageDays === 0 ? 10 : 0
        let day = birthDay + spec.ageDays + rng.delayDays(spec.meanDelay + extraDelay)
        if (spec.ageDays === 0) day = Math.max(day, registeredDay)
        const previous = lastByAntigen.get(spec.parentCode)
        if (previous !== undefined) day = Math.max(day, previous + 28)
        if (engagement >= spec.coverage || skipped || day > ANCHOR_DAY) continue
        lastByAntigen.set(spec.parentCode, day)
        const field = ipvSpelling ? spec.field.replace(/^fipv_/, 'ipv_') : spec.field
        doses.push({ field, parentCode: spec.parentCode, dose: spec.dose, day, slot: spec.slot })
    }

    const quirks = new Rng(hash32(ctx.seed, i, Stream.Quirks))
    const later = doses.filter((d) => d.slot >= 3)
    const taken = new Set<number>()
    const takeDose = (): PlannedDose | undefined => {
        const free = later.filter((d) => !taken.has(d.slot))
        if (free.length === 0) return undefined
        const dose = quirks.pick(free)
        taken.add(dose.slot)
        return dose
    }
    const outOfArea = ctx.facilities > 1 && quirks.chance(0.02) ? takeDose() : undefined
    const edited = quirks.chance(0.015) ? takeDose() : undefined
    const voided = quirks.chance(0.01) ? takeDose() : undefined
    const reEntered = voided !== undefined && quirks.chance(0.5)
    const duplicate = quirks.chance(0.005)
    const childEdited = quirks.chance(0.02)
    const malformed = quirks.chance(0.005) ? quirks.pick(MALFORM_KINDS) : undefined
    const away =
        ctx.facilities > 1 ? (home + 1 + quirks.int(ctx.facilities - 1)) % ctx.facilities : home

    for (const dose of doses) {
        if (taken.has(dose.slot)) continue
        events.push(doseEvent('dose', EVENT_TYPES.vaccination, dose.slot, home, 'child', dose))
    }

    if (ownsMother) {
        const mother = new Rng(hash32(ctx.seed, i, Stream.Mother))
        const mEngagement = mother.next()
        let day = birthDay - mother.between(60, 200)
        for (const spec of TT_DOSES) {
            if (spec.minGapDays > 0) day += spec.minGapDays + mother.delayDays(20)
            if (mEngagement >= spec.coverage || day > ANCHOR_DAY) break
            const dose = {
                field: spec.field,
                parentCode: TT,
                dose: spec.dose,
                day,
                slot: spec.slot,
            }
            events.push(doseEvent('tt', EVENT_TYPES.vaccination, spec.slot, home, 'mother', dose))
        }
    }

    if (duplicate) {
        events.push(
            plain(
                'duplicate-birth',
                EVENT_TYPES.birth,
                EventSlot.DuplicateBirthRegistration,
                home,
                'duplicate'
            )
        )
    }
    if (outOfArea) {
        const at = (slot: number, kind: EventKind, type: string, facility: number) =>
            events.push({
                ...doseEvent(kind, type, slot, facility, 'child', outOfArea),
                idSlot: slot,
            })
        at(EventSlot.OutOfAreaDevice, 'oa-device', EVENT_TYPES.vaccination, away)
        at(EventSlot.OutOfAreaHome, 'oa-home', EVENT_TYPES.vaccination, home)
        at(EventSlot.OutOfAreaService, 'oa-service', EVENT_TYPES.outOfArea, away)
    }
    if (edited) {
        const moved = { ...edited, day: edited.day - quirks.between(1, 5) }
        events.push({
            ...doseEvent('edited', EVENT_TYPES.vaccination, EventSlot.Edited, home, 'child', moved),
            idSlot: edited.slot,
        })
    }
    if (voided) {
        events.push({
            ...doseEvent('void', EVENT_TYPES.void, EventSlot.Void, home, 'child', voided),
            idSlot: voided.slot,
        })
        if (reEntered) {
            const day = Math.min(ANCHOR_DAY, voided.day + quirks.between(1, 3))
            events.push(
                doseEvent(
                    're-entered',
                    EVENT_TYPES.vaccination,
                    EventSlot.ReEntered,
                    home,
                    'child',
                    { ...voided, day }
                )
            )
        }
    }
    events.sort((a, b) => a.slot - b.slot)

    if (malformed) {
        const candidates = events.filter((e) => e.kind === 'dose' || e.kind === 'tt')
        const target = candidates.length > 0 ? quirks.pick(candidates) : undefined
        if (target) target.malformed = malformed
    }

    const clientSlots: ClientSlot[] = []
    if (ownsMother) clientSlots.push(ClientSlot.Mother)
    clientSlots.push(childEdited ? ClientSlot.EditedChild : ClientSlot.Child)
    if (duplicate) clientSlots.push(ClientSlot.Duplicate)
    clientSlots.sort((a, b) => a - b)

    return {
        index: i,
        birthDay,
        registeredDay,
        home,
        homeBirth,
        motherOwner: motherOwnerOf(ctx, i),
        ownsMother,
        ipvSpelling,
        clientSlots,
        events,
    }
}

function plain(
    kind: EventKind,
    eventType: string,
    slot: number,
    facility: number,
    entity: PlannedEvent['entity']
): PlannedEvent {
    return { slot, kind, eventType, facility, entity, idSlot: slot }
}

function doseEvent(
    kind: EventKind,
    eventType: string,
    slot: number,
    facility: number,
    entity: PlannedEvent['entity'],
    dose: PlannedDose
): PlannedEvent {
    return { slot, kind, eventType, facility, entity, idSlot: slot, dose }
}

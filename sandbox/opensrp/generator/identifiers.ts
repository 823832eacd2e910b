import { encodeUuid, IdKind } from '../ids'
import { EVENT_SLOTS } from './layout'
import type { PlanContext } from './plan'

/**
 * The ids generated records carry: ZEIR_IDs (a number and its Luhn digit; `parseZeir` maps one
 * back to its child) and the entity, document and form-submission uuids of ids.ts.
 */

const ZEIR_BASE = 1000000
const DUPLICATE_ZEIR_BASE = 5000000

function luhnDigit(digits: string): number {
    let sum = 0
    for (let k = 0; k < digits.length; k++) {
        let d = Number(digits[digits.length - 1 - k])
        if (k % 2 === 0) {
            d *= 2
            if (d > 9) d -= 9
        }
        sum += d
    }
    return (10 - (sum % 10)) % 10
}

const zeirOf = (n: number): string => `${n}-${luhnDigit(String(n))}`
export const childZeir = (i: number): string => zeirOf(ZEIR_BASE + i)
export const duplicateZeir = (i: number): string => zeirOf(DUPLICATE_ZEIR_BASE + i)

/** Child index (role 'child' or 'duplicate') for a ZEIR_ID, if it has the generated shape. */
export function parseZeir(value: string): { index: number; duplicate: boolean } | undefined {
    const match = /^(\d{7})-(\d)$/.exec(value)
    if (!match) return undefined
    const n = Number(match[1])
    if (luhnDigit(match[1] ?? '') !== Number(match[2])) return undefined
    if (n >= DUPLICATE_ZEIR_BASE) return { index: n - DUPLICATE_ZEIR_BASE, duplicate: true }
    return { index: n - ZEIR_BASE, duplicate: false }
}

export const childEntityId = (ctx: PlanContext, i: number): string =>
    encodeUuid(ctx.seed, IdKind.ChildEntity, i)
export const motherEntityId = (ctx: PlanContext, owner: number): string =>
    encodeUuid(ctx.seed, IdKind.MotherEntity, owner)
export const duplicateEntityId = (ctx: PlanContext, i: number): string =>
    encodeUuid(ctx.seed, IdKind.DuplicateEntity, i)
export const eventDocId = (ctx: PlanContext, i: number, slot: number): string =>
    encodeUuid(ctx.seed, IdKind.EventDoc, i * EVENT_SLOTS + slot)
export const formSubmissionIdOf = (ctx: PlanContext, i: number, slot: number): string =>
    encodeUuid(ctx.seed, IdKind.FormSubmission, i * EVENT_SLOTS + slot)

import type { Locator } from 'playwright-core'

/** Thrown by a journey step when what the user sees is not what it should be. */
export class JourneyFailure extends Error {
    override readonly name = 'JourneyFailure'
}

export function check(ok: boolean, message: string): asserts ok {
    if (!ok) throw new JourneyFailure(message)
}

/** The visible text of every match, whitespace collapsed. */
export async function textsOf(locator: Locator): Promise<string[]> {
    return (await locator.allInnerTexts()).map((text) => text.replace(/\s+/g, ' ').trim())
}

/** The first number in a text, digits in any script (Bangla ০–৯ included), separators dropped. */
export function numberIn(text: string): number | undefined {
    const western = text.replace(/[০-৯]/g, (d) => String(d.charCodeAt(0) - 0x09e6))
    const match = /\d[\d,.\u00a0\u202f]*/.exec(western)
    return match ? Number(match[0].replace(/[,.\u00a0\u202f]/g, '')) : undefined
}

/** Reads a property of unknown JSON without casts. */
export const field = (value: unknown, key: string): unknown =>
    typeof value === 'object' && value !== null ? Reflect.get(value, key) : undefined

export const listOf = (value: unknown): unknown[] => (Array.isArray(value) ? value : [])

export const stringOf = (value: unknown): string | undefined =>
    typeof value === 'string' ? value : undefined

/**
 * Small readers for values that come back from the dataStore: the core never casts unknown data,
 * and a value another version (or a person) wrote wrongly reads as undefined, not as a crash.
 */

export type JsonObject = Record<string, unknown>

export const isObject = (value: unknown): value is JsonObject =>
    typeof value === 'object' && value !== null && !Array.isArray(value)

export const stringAt = (o: JsonObject, name: string): string | undefined => {
    const value = o[name]
    return typeof value === 'string' ? value : undefined
}

export const numberAt = (o: JsonObject, name: string): number | undefined => {
    const value = o[name]
    return typeof value === 'number' && Number.isFinite(value) ? value : undefined
}

export const booleanAt = (o: JsonObject, name: string): boolean | undefined => {
    const value = o[name]
    return typeof value === 'boolean' ? value : undefined
}

/** A string array, or undefined when any member is not a string. */
export function stringsAt(o: JsonObject, name: string): string[] | undefined {
    const value = o[name]
    if (!Array.isArray(value)) return undefined
    const strings: string[] = []
    for (const item of value) {
        if (typeof item !== 'string') return undefined
        strings.push(item)
    }
    return strings
}

export function oneOf<T extends string>(value: unknown, allowed: readonly T[]): T | undefined {
    return allowed.find((a) => a === value)
}

/** A parsable ISO time (what `new Date(ms).toISOString()` writes). */
export const isoAt = (o: JsonObject, name: string): string | undefined => {
    const value = stringAt(o, name)
    return value !== undefined && Number.isFinite(Date.parse(value)) ? value : undefined
}

export const toIso = (epochMs: number): string => new Date(epochMs).toISOString()

/** Raw OpenSRP JSON as the server stores and serves it (reference §4): no schema is enforced here. */
export type Json = string | number | boolean | null | Json[] | JsonObject
export interface JsonObject {
    [key: string]: Json
}

export function isObject(value: unknown): value is JsonObject {
    return typeof value === 'object' && value !== null && !Array.isArray(value)
}

export function str(record: JsonObject, key: string): string | undefined {
    const value = record[key]
    return typeof value === 'string' ? value : undefined
}

export function num(record: JsonObject, key: string): number | undefined {
    const value = record[key]
    return typeof value === 'number' ? value : undefined
}

export function obj(record: JsonObject, key: string): JsonObject | undefined {
    const value = record[key]
    return isObject(value) ? value : undefined
}

/** Identifier lookup: OpenSRP compares identifier types case-insensitively (§4). */
export function identifierOf(record: JsonObject, type: string): string | undefined {
    const identifiers = obj(record, 'identifiers')
    if (!identifiers) return undefined
    const wanted = type.toLowerCase()
    for (const [key, value] of Object.entries(identifiers)) {
        if (key.toLowerCase() === wanted && typeof value === 'string' && value.trim() !== '')
            return value
    }
    return undefined
}

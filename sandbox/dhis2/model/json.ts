/** Helpers to read untrusted JSON (payloads, snapshots) without casts. */

export type JsonRecord = Record<string, unknown>

export function isRecord(value: unknown): value is JsonRecord {
    return typeof value === 'object' && value !== null && !Array.isArray(value)
}

export function asString(value: unknown): string | undefined {
    return typeof value === 'string' ? value : undefined
}

/** Strings as they are; numbers and booleans as DHIS2's JSON binding would coerce them. */
export function asText(value: unknown): string | undefined {
    if (typeof value === 'string') return value
    if (typeof value === 'number' || typeof value === 'boolean') return String(value)
    return undefined
}

export function asBoolean(value: unknown): boolean | undefined {
    if (typeof value === 'boolean') return value
    if (value === 'true') return true
    if (value === 'false') return false
    return undefined
}

export function records(value: unknown): JsonRecord[] {
    return Array.isArray(value) ? value.filter(isRecord) : []
}

/** `{"id": "X"}` → `X`; a bare string is accepted too. */
export function refId(value: unknown): string | undefined {
    if (typeof value === 'string') return value
    return isRecord(value) ? asString(value.id) : undefined
}

export function refIds(value: unknown): string[] {
    if (!Array.isArray(value)) return []
    return value.map(refId).filter((id): id is string => id !== undefined)
}

export function deepClone<T>(value: T): T {
    return JSON.parse(JSON.stringify(value)) as T
}

/** DHIS2 omits null properties from JSON. */
export function withoutUndefined(record: JsonRecord): JsonRecord {
    const out: JsonRecord = {}
    for (const [key, value] of Object.entries(record)) {
        if (value !== undefined && value !== null) out[key] = value
    }
    return out
}

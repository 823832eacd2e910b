import { sha256 } from '@noble/hashes/sha256'
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils'

/**
 * A short, stable fingerprint of a payload (DESIGN §3.2): the sync store keeps it per source record
 * so an unchanged record is not sent again. Object keys are sorted, so the same content hashes the
 * same whatever order a builder wrote its keys in; array order counts.
 */

function canonicalJson(value: unknown): string {
    if (Array.isArray(value)) {
        // As JSON.stringify does: holes and undefined items become null, so positions are kept.
        return `[${value.map((item) => (item === undefined ? 'null' : canonicalJson(item))).join(',')}]`
    }
    if (typeof value === 'object' && value !== null) {
        const entries = Object.entries(value)
            .filter(([, item]) => item !== undefined && typeof item !== 'function')
            .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
            .map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`)
        return `{${entries.join(',')}}`
    }
    if (typeof value === 'bigint') return JSON.stringify(value.toString())
    // Numbers, strings, booleans and null as JSON writes them (NaN and Infinity become null).
    return JSON.stringify(value) ?? 'null'
}

/** 128 bits of the SHA-256 of the canonical JSON, as 32 hex characters. */
export function stableHash(value: unknown): string {
    return bytesToHex(sha256(utf8ToBytes(canonicalJson(value))).subarray(0, 16))
}

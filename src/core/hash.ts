import { sha256 } from '@noble/hashes/sha256'
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils'

/**
 * A short, stable fingerprint of a payload (DESIGN §3.2): the sync store keeps it per source record
 * so an unchanged record is not sent again. Object keys are sorted, so the same content hashes the
 * same whatever order a builder wrote its keys in; array order counts.
 *
 * Every record is hashed, so the canonical text is written in one pass without entry arrays. The
 * output must never change: stored hashes decide "unchanged" (see the tests' reference version).
 */

function canonicalJson(value: unknown): string {
    if (typeof value === 'string') return JSON.stringify(value)
    if (typeof value !== 'object' || value === null) {
        if (typeof value === 'bigint') return JSON.stringify(value.toString())
        // Numbers, booleans and null as JSON writes them (NaN and Infinity become null); a
        // function or symbol item of an array becomes null.
        return JSON.stringify(value) ?? 'null'
    }
    if (Array.isArray(value)) {
        // Undefined items become null, as JSON.stringify writes them; a hole stays empty (the
        // first version mapped and joined, and hashes already stored depend on it).
        let text = '['
        for (let i = 0; i < value.length; i++) {
            if (i > 0) text += ','
            if (!(i in value)) continue
            const item: unknown = value[i]
            text += item === undefined ? 'null' : canonicalJson(item)
        }
        return `${text}]`
    }
    // Own enumerable string keys, in UTF-16 code unit order (sort's default for strings).
    const keys = Object.keys(value).sort()
    let text = '{'
    let first = true
    for (const key of keys) {
        const item: unknown = Reflect.get(value, key)
        if (item === undefined || typeof item === 'function') continue
        text += `${first ? '' : ','}${JSON.stringify(key)}:${canonicalJson(item)}`
        first = false
    }
    return `${text}}`
}

/** 128 bits of the SHA-256 of the canonical JSON, as 32 hex characters. */
export function stableHash(value: unknown): string {
    return bytesToHex(sha256(utf8ToBytes(canonicalJson(value))).subarray(0, 16))
}

import { sha256 } from '@noble/hashes/sha256'
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils'

/**
 * A short, stable fingerprint of settings and mappings, stored in each run report so a reviewer can
 * tell whether two runs used the same configuration. Equal JSON values give equal fingerprints
 * whatever the order of object members; array order counts (rule order matters in mappings).
 */

/** JSON text with object members sorted by name, after JSON's own rules (undefined dropped, toJSON …). */
export function canonicalJson(value: unknown): string {
    const text = JSON.stringify(value)
    if (text === undefined) return 'null'
    const plain: unknown = JSON.parse(text)
    return canonical(plain)
}

function canonical(value: unknown): string {
    if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`
    if (typeof value === 'object' && value !== null) {
        const members = Object.entries(value)
            .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
            .map(([name, member]) => `${JSON.stringify(name)}:${canonical(member)}`)
        return `{${members.join(',')}}`
    }
    return JSON.stringify(value)
}

/** 64 bits of the sha256 of the canonical JSON, as 16 hex digits: plenty to tell configurations apart. */
export function fingerprint(value: unknown): string {
    return bytesToHex(sha256(utf8ToBytes(canonicalJson(value)))).slice(0, 16)
}

import { sha256 } from '@noble/hashes/sha256'
import { utf8ToBytes } from '@noble/hashes/utils'

/**
 * Deterministic DHIS2 UIDs (DESIGN §3.1). The same installation salt and source ids always give the
 * same UID, so a rerun, or a rerun after the local store was lost, updates instead of duplicating.
 * The salt keeps two installations writing into one DHIS2 from claiming each other's objects.
 */

const LETTERS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'
const ALPHANUMERICS = `0123456789${LETTERS}`
export const DHIS2_UID_PATTERN = /^[A-Za-z][A-Za-z0-9]{10}$/

export type UidKind = 'trackedEntity' | 'enrollment' | 'event' | 'relationship'

/**
 * Divides the big-endian base-2^32 number in `limbs` by a small divisor in place; returns the
 * remainder. remainder * 2^32 + limb stays below 2^38, exact in a double.
 */
function divideInPlace(limbs: number[], divisor: number): number {
    let remainder = 0
    for (let i = 0; i < limbs.length; i++) {
        const current = remainder * 4294967296 + (limbs[i] ?? 0)
        remainder = current % divisor
        limbs[i] = (current - remainder) / divisor
    }
    return remainder
}

/** Parts are separated by NUL, which OpenSRP ids never contain, so ("ab","c") ≠ ("a","bc"). */
export function deterministicUid(salt: string, kind: UidKind, ...parts: string[]): string {
    if (salt.length === 0) throw new Error('The UID salt must not be empty')
    return uidFromDigest(sha256(utf8ToBytes([salt, kind, ...parts].join('\u0000'))))
}

/** The UID a digest gives: its first 16 bytes as one big-endian number, written in base 52/62. */
export function uidFromDigest(digest: Uint8Array): string {
    // 128 bits of the digest: far more than the ~71 bits a UID can hold, so every character is
    // close to uniform and the birthday bound stays near 2^35 UIDs. The number is read big-endian
    // into four 32-bit limbs and divided in place: the same digits as BigInt arithmetic, cheaper.
    const limbs = [0, 0, 0, 0]
    for (let i = 0; i < 16; i++) {
        const l = i >> 2
        limbs[l] = (limbs[l] ?? 0) * 256 + (digest[i] ?? 0)
    }
    let uid = LETTERS[divideInPlace(limbs, 52)] ?? 'a'
    for (let i = 0; i < 10; i++) uid += ALPHANUMERICS[divideInPlace(limbs, 62)] ?? '0'
    return uid
}

export const trackedEntityUid = (salt: string, baseEntityId: string) =>
    deterministicUid(salt, 'trackedEntity', baseEntityId)

export const enrollmentUid = (salt: string, baseEntityId: string, programUid: string) =>
    deterministicUid(salt, 'enrollment', baseEntityId, programUid)

/** Keyed by formSubmissionId when present: it survives edits, while `_id` may not (§5.4). */
export const eventUid = (salt: string, eventKey: string) =>
    deterministicUid(salt, 'event', eventKey)

export const isDhis2Uid = (value: string) => DHIS2_UID_PATTERN.test(value)

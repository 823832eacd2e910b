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

/** Parts are separated by NUL, which OpenSRP ids never contain, so ("ab","c") ≠ ("a","bc"). */
export function deterministicUid(salt: string, kind: UidKind, ...parts: string[]): string {
    if (salt.length === 0) throw new Error('The UID salt must not be empty')
    const digest = sha256(utf8ToBytes([salt, kind, ...parts].join('\u0000')))
    // 128 bits of the digest: far more than the ~71 bits a UID can hold, so every character is
    // close to uniform and the birthday bound stays near 2^35 UIDs.
    let n = 0n
    for (let i = 0; i < 16; i++) n = (n << 8n) | BigInt(digest[i] ?? 0)
    let uid = LETTERS[Number(n % 52n)] ?? 'a'
    n /= 52n
    for (let i = 0; i < 10; i++) {
        uid += ALPHANUMERICS[Number(n % 62n)] ?? '0'
        n /= 62n
    }
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

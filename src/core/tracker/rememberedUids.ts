import { deterministicUid, type UidKind } from '../uid'

/**
 * Deterministic UIDs that a run derives over and over, remembered: a child's tracked entity and
 * enrollment UIDs are derived again for each of its vaccinations and for every page of events
 * that carries the child, and each derivation is a SHA-256. The key is the very text
 * deterministicUid hashes, so a remembered UID is always the one it would derive.
 */
const remembered = new Map<string, string>()
/** A few pages' worth of children; the map starts over when full (~4 MB at most). */
const MAX_REMEMBERED = 20_000

export function rememberedUid(salt: string, kind: UidKind, ...parts: string[]): string {
    const key = [salt, kind, ...parts].join('\u0000')
    const known = remembered.get(key)
    if (known !== undefined) return known
    const uid = deterministicUid(salt, kind, ...parts)
    if (remembered.size >= MAX_REMEMBERED) remembered.clear()
    remembered.set(key, uid)
    return uid
}

/** trackedEntityUid, remembered. */
export const clientTrackedEntityUid = (salt: string, baseEntityId: string) =>
    rememberedUid(salt, 'trackedEntity', baseEntityId)

/** enrollmentUid, remembered. */
export const clientEnrollmentUid = (salt: string, baseEntityId: string, programUid: string) =>
    rememberedUid(salt, 'enrollment', baseEntityId, programUid)

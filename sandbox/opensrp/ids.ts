import { hash32 } from './prng'

/**
 * UUIDs that carry their own index: the last 12 hex digits are a keyed permutation of n and the rest
 * is a hash of (seed, kind, n). They look random, yet a baseEntityId, `_id` or formSubmissionId can
 * be mapped back to the child block that generates it in O(1), which lazy lookups need.
 */
export enum IdKind {
    ChildEntity = 1,
    MotherEntity = 2,
    DuplicateEntity = 3,
    ClientDoc = 4,
    EventDoc = 5,
    FormSubmission = 6,
    OpenMrsUuid = 7,
    DeviceFormSubmission = 8,
}

const TWO_24 = 0x1000000

function hex(value: number, width: number): string {
    return (value >>> 0)
        .toString(16)
        .padStart(8, '0')
        .slice(8 - width)
}

/** A 4-round Feistel permutation of 48 bits (two 24-bit halves): adjacent indices look unrelated. */
function round(seed: number, kind: IdKind, r: number, half: number): number {
    return hash32(seed, kind, r, half) % TWO_24
}

function permute(seed: number, kind: IdKind, n: number): [number, number] {
    let left = Math.floor(n / TWO_24) % TWO_24
    let right = n % TWO_24
    for (let r = 0; r < 4; r++) [left, right] = [right, (left ^ round(seed, kind, r, right)) >>> 0]
    return [left, right]
}

function unpermute(seed: number, kind: IdKind, left: number, right: number): number {
    for (let r = 3; r >= 0; r--) [left, right] = [(right ^ round(seed, kind, r, left)) >>> 0, left]
    return left * TWO_24 + right
}

export function encodeUuid(seed: number, kind: IdKind, n: number): string {
    const a = hash32(seed, kind, n, 1)
    const b = hash32(seed, kind, n, 2)
    const c = hash32(seed, kind, n, 3)
    const [hi, lo] = permute(seed, kind, n)
    const variant = '89ab'[c & 3] ?? '8'
    return (
        `${hex(a, 8)}-${hex(b, 4)}-4${hex(b >>> 16, 3)}-${variant}${hex(c >>> 4, 3)}-` +
        `${hex(hi, 6)}${hex(lo, 6)}`
    )
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-([0-9a-f]{6})([0-9a-f]{6})$/

export function decodeUuid(seed: number, kind: IdKind, uuid: string): number | undefined {
    const match = UUID.exec(uuid)
    if (!match) return undefined
    const n = unpermute(seed, kind, parseInt(match[1] ?? '', 16), parseInt(match[2] ?? '', 16))
    return encodeUuid(seed, kind, n) === uuid ? n : undefined
}

/** A uuid-shaped id for things that never need decoding (teams, OpenMRS uuids of fixed records). */
export function stableUuid(...parts: number[]): string {
    const a = hash32(...parts, 1)
    const b = hash32(...parts, 2)
    const c = hash32(...parts, 3)
    const d = hash32(...parts, 4)
    return `${hex(a, 8)}-${hex(b, 4)}-4${hex(b >>> 16, 3)}-${'89ab'[c & 3] ?? '8'}${hex(c >>> 4, 3)}-${hex(d, 8)}${hex(c >>> 16, 4)}`
}

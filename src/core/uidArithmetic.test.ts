/** @jest-environment node */
import { sha256 } from '@noble/hashes/sha256'
import { utf8ToBytes } from '@noble/hashes/utils'
import { deterministicUid, type UidKind, uidFromDigest } from './uid'

/** The BigInt conversion every stored UID was made with: the new one must never differ from it. */
const LETTERS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'
const ALPHANUMERICS = `0123456789${LETTERS}`
function bigIntUidFromDigest(digest: Uint8Array): string {
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
function bigIntDeterministicUid(salt: string, kind: UidKind, ...parts: string[]): string {
    return bigIntUidFromDigest(sha256(utf8ToBytes([salt, kind, ...parts].join('\u0000'))))
}

/** A small seeded generator, so a failure can be replayed. */
function seededRandom(seed: number): () => number {
    let state = seed >>> 0
    return () => {
        state = (state + 0x6d2b79f5) >>> 0
        let t = state
        t = Math.imul(t ^ (t >>> 15), t | 1)
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296
    }
}

const digestOf = (bytes: number[]) => Uint8Array.from([...bytes, ...new Array(16).fill(0)])

describe('the 32-bit UID arithmetic', () => {
    it('gives the BigInt UID for edge digests (zero, all ones, single bits, limb borders)', () => {
        const edges: number[][] = [
            new Array(32).fill(0),
            new Array(32).fill(255),
            [...new Array(15).fill(0), 1],
            [1, ...new Array(15).fill(0)],
            [128, ...new Array(15).fill(0)],
            [...new Array(15).fill(255), 254],
            [0, 0, 0, 0, 255, 255, 255, 255, 0, 0, 0, 0, 255, 255, 255, 255],
            [255, 255, 255, 255, 0, 0, 0, 0, 255, 255, 255, 255, 0, 0, 0, 0],
        ]
        for (let bit = 0; bit < 128; bit++) {
            const bytes = new Array(16).fill(0)
            bytes[bit >> 3] = 1 << (bit & 7)
            edges.push(bytes)
            edges.push(bytes.map((b) => 255 - b))
        }
        // Multiples of 52 and 62 powers around limb borders stress the remainders.
        for (const divisor of [52n, 62n, 52n * 62n, 62n ** 5n, 52n * 62n ** 10n]) {
            for (const delta of [-1n, 0n, 1n]) {
                let n = ((1n << 128n) / divisor) * divisor + delta
                n &= (1n << 128n) - 1n
                const bytes: number[] = []
                for (let i = 15; i >= 0; i--) bytes.push(Number((n >> BigInt(i * 8)) & 255n))
                edges.push(bytes)
            }
        }
        for (const bytes of edges) {
            const digest = digestOf(bytes)
            expect(uidFromDigest(digest)).toBe(bigIntUidFromDigest(digest))
        }
    })

    it('gives the BigInt UID for 200,000 random digests', () => {
        const random = seededRandom(20261207)
        let differing = 0
        for (let n = 0; n < 200_000; n++) {
            const digest = Uint8Array.from({ length: 32 }, () => Math.floor(random() * 256))
            if (uidFromDigest(digest) !== bigIntUidFromDigest(digest)) differing++
        }
        expect(differing).toBe(0)
    })

    it('gives the BigInt UID for random and unusual OpenSRP ids of every kind', () => {
        const random = seededRandom(42)
        const kinds: UidKind[] = ['trackedEntity', 'enrollment', 'event', 'relationship']
        const ids = ['', ' ', '\u0000', 'é', '日本', '🙂', 'a'.repeat(10_000)]
        for (let n = 0; n < 20_000; n++) {
            const length = Math.floor(random() * 40)
            ids.push(
                Array.from({ length }, () =>
                    String.fromCharCode(32 + Math.floor(random() * 95))
                ).join('')
            )
        }
        let differing = 0
        for (const [i, id] of ids.entries()) {
            const kind = kinds[i % kinds.length] ?? 'event'
            if (
                deterministicUid('salt', kind, id, 'PRG') !==
                bigIntDeterministicUid('salt', kind, id, 'PRG')
            )
                differing++
        }
        expect(differing).toBe(0)
    })
})

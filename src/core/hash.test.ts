/**
 * @jest-environment node
 */
import { sha256 } from '@noble/hashes/sha256'
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils'
import { stableHash } from './hash'

/** The first version of stableHash, kept as the reference: stored hashes were made with it. */
function firstCanonicalJson(value: unknown): string {
    if (Array.isArray(value)) {
        return `[${value.map((item) => (item === undefined ? 'null' : firstCanonicalJson(item))).join(',')}]`
    }
    if (typeof value === 'object' && value !== null) {
        const entries = Object.entries(value)
            .filter(([, item]) => item !== undefined && typeof item !== 'function')
            .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
            .map(([key, item]) => `${JSON.stringify(key)}:${firstCanonicalJson(item)}`)
        return `{${entries.join(',')}}`
    }
    if (typeof value === 'bigint') return JSON.stringify(value.toString())
    return JSON.stringify(value) ?? 'null'
}
const firstStableHash = (value: unknown) =>
    bytesToHex(sha256(utf8ToBytes(firstCanonicalJson(value))).subarray(0, 16))

describe('stableHash', () => {
    it('is 32 hex characters', () => {
        expect(stableHash({ a: 1 })).toMatch(/^[0-9a-f]{32}$/)
    })

    it('does not depend on the order in which object keys were written', () => {
        expect(stableHash({ a: 1, b: { c: 'x', d: [1, 2] } })).toBe(
            stableHash({ b: { d: [1, 2], c: 'x' }, a: 1 })
        )
    })

    it('changes when a value changes', () => {
        expect(stableHash({ attributes: [{ attribute: 'A', value: 'Rahima' }] })).not.toBe(
            stableHash({ attributes: [{ attribute: 'A', value: 'Rahim' }] })
        )
    })

    it('keeps array order significant', () => {
        expect(stableHash([1, 2])).not.toBe(stableHash([2, 1]))
    })

    it('treats an undefined property as absent, as JSON does', () => {
        expect(stableHash({ a: 1, occurredAt: undefined })).toBe(stableHash({ a: 1 }))
    })

    it('tells a string from a number', () => {
        expect(stableHash({ dose: '1' })).not.toBe(stableHash({ dose: 1 }))
    })

    it('hashes the canonical JSON with SHA-256 and is stable across releases (a change would resend every record once)', () => {
        expect(stableHash({ a: true, b: [1, 'two', null] })).toBe(
            'f696b62c20aee409969b391cb3cdf8ad'
        )
    })

    it("gives the first version's hash for awkward values too (holes, symbols, bigints, non-ASCII keys, lone surrogates)", () => {
        const sparse: unknown[] = [1]
        sparse[2] = 3
        const awkward: unknown[] = [
            sparse,
            [undefined, () => 1, Symbol('s'), null, NaN, -0, Infinity, 1e21, 10n],
            {
                b: undefined,
                a: () => 1,
                c: Symbol('x'),
                é: 'ü\u2028',
                '\ud800': 'x\udc00y',
                z: '😀',
                '10': 5,
                '9': 6,
                '': 7,
                A: { nested: [{ y: 1, x: 2 }] },
                d: new Date(0),
                m: new Map([[1, 2]]),
            },
            'text',
            undefined,
            null,
            true,
            Object.create(null),
        ]
        for (const value of awkward) expect(stableHash(value)).toBe(firstStableHash(value))
    })

    it("gives the first version's hash for tracker payloads", () => {
        const payload = {
            trackedEntities: [
                {
                    trackedEntity: 'Yk2p9Qw7Lm1',
                    trackedEntityType: 'nEenWmSyUEp',
                    orgUnit: 'tpbvYgRmDd3',
                    attributes: [{ attribute: 'w75KJ2mc4zz', value: 'রহিমা খাতুন' }],
                },
            ],
            events: [
                {
                    event: 'aB3dE5fG001',
                    status: 'COMPLETED',
                    occurredAt: '2021-08-23',
                    dataValues: [{ dataElement: 'DEvaccine01', value: 'PCV' }],
                },
            ],
        }
        expect(stableHash(payload)).toBe(firstStableHash(payload))
    })
})

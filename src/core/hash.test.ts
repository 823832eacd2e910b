/**
 * @jest-environment node
 */
import { stableHash } from './hash'

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
})

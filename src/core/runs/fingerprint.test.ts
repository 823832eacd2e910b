/** @jest-environment node */
import { fingerprint } from './fingerprint'

describe('the configuration fingerprint', () => {
    it('is the same whatever the order of object members', () => {
        const a = { settings: { pageSize: 100, timeZone: 'Asia/Dhaka' }, mappings: { x: [1, 2] } }
        const b = { mappings: { x: [1, 2] }, settings: { timeZone: 'Asia/Dhaka', pageSize: 100 } }
        expect(fingerprint(a)).toBe(fingerprint(b))
    })

    it('changes when a value changes or rules are reordered', () => {
        const base = fingerprint({ rules: ['uid', 'code'], pageSize: 100 })
        expect(fingerprint({ rules: ['uid', 'code'], pageSize: 101 })).not.toBe(base)
        expect(fingerprint({ rules: ['code', 'uid'], pageSize: 100 })).not.toBe(base)
    })

    it('is 16 hex digits and ignores members that JSON drops', () => {
        expect(fingerprint({ a: 1 })).toMatch(/^[0-9a-f]{16}$/)
        expect(fingerprint({ a: 1, b: undefined })).toBe(fingerprint({ a: 1 }))
    })
})

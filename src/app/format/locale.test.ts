import { formatDateTime, formatNumber, toBcp47 } from './locale'

describe('toBcp47', () => {
    it('turns DHIS2 locales into language tags', () => {
        expect(toBcp47('bn')).toBe('bn')
        expect(toBcp47('en_GB')).toBe('en-GB')
    })

    it('falls back to English for nothing or nonsense', () => {
        expect(toBcp47(undefined)).toBe('en')
        expect(toBcp47('!!')).toBe('en')
    })
})

describe('formatting', () => {
    it('writes dates with Bengali digits for a Bangla user', () => {
        const text = formatDateTime('2024-06-03T10:20:41.000Z', 'bn')
        expect(text).toMatch(/[০-৯]/)
        expect(text).not.toMatch(/[0-9]/)
    })

    it('keeps text that is not a date as it is', () => {
        expect(formatDateTime('not a date', 'en')).toBe('not a date')
    })

    it('groups thousands the local way', () => {
        expect(formatNumber(1234567, 'en')).toBe('1,234,567')
        expect(formatNumber(1234567, 'bn')).toBe('১২,৩৪,৫৬৭')
    })
})

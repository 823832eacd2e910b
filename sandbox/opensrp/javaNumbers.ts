/**
 * How the real server turns text into numbers, read from its source:
 *
 * - `javaParse`: `Long.parseLong` / `Integer.parseInt` (EventResource's GET sync, RestUtils
 *   `getIntegerFilter`, LocationResource's GET sync). An optional `+` or `-`, then decimal digits
 *   and nothing else: no spaces, no `.`, no exponent, nothing out of range. `Character.digit` also
 *   takes any Unicode decimal digit (Bengali `৫` is 5).
 * - `springParse`: Spring's conversion of a `@RequestParam long`/`Integer`/`int`
 *   (`NumberUtils.parseNumber`): every whitespace character is removed first, anywhere in the
 *   text, and `0x`/`0X`/`#` (after an optional `-`) reads hexadecimal through `Long.decode`.
 */

export type JavaType = 'long' | 'int'

const RANGE: Record<JavaType, { min: bigint; max: bigint }> = {
    long: { min: -(2n ** 63n), max: 2n ** 63n - 1n },
    int: { min: -(2n ** 31n), max: 2n ** 31n - 1n },
}

export const LONG_MAX = RANGE.long.max

const DECIMAL_DIGIT = /^\p{Nd}$/u
const LETTER_DIGITS: Array<[number, number]> = [
    [0x61, 0x7a], // a-z
    [0x41, 0x5a], // A-Z
    [0xff41, 0xff5a], // fullwidth a-z
    [0xff21, 0xff3a], // fullwidth A-Z
]

/** `Character.digit(ch, radix)`, or -1. Unicode decimal digits come in runs of ten from 0. */
function digit(ch: string, radix: number): number {
    const code = ch.codePointAt(0) ?? -1
    if (DECIMAL_DIGIT.test(ch)) {
        let zero = code
        while (DECIMAL_DIGIT.test(String.fromCodePoint(zero - 1))) zero -= 1
        const value = (code - zero) % 10
        return value < radix ? value : -1
    }
    for (const [first, last] of LETTER_DIGITS) {
        if (code >= first && code <= last) {
            const value = code - first + 10
            return value < radix ? value : -1
        }
    }
    return -1
}

/** `Long.parseLong(text, radix)` / `Integer.parseInt(text, radix)`; undefined where Java throws. */
export function javaParse(text: string, type: JavaType, radix = 10): bigint | undefined {
    // Java reads UTF-16 units: a digit outside the BMP is two units, neither of them a digit.
    const chars = text.split('')
    let sign = 1n
    if (chars[0] === '-' || chars[0] === '+') {
        if (chars[0] === '-') sign = -1n
        chars.shift()
    }
    if (chars.length === 0) return undefined
    let magnitude = 0n
    for (const ch of chars) {
        const value = digit(ch, radix)
        if (value < 0) return undefined
        magnitude = magnitude * BigInt(radix) + BigInt(value)
    }
    const result = sign * magnitude
    const { min, max } = RANGE[type]
    return result < min || result > max ? undefined : result
}

/** `Character.isWhitespace`: Unicode spaces except the no-break ones, and some ASCII controls. */
export function isJavaWhitespace(ch: string): boolean {
    const code = ch.charCodeAt(0)
    if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d) || code >= 0x1c
    return /[\u1680\u2000-\u2006\u2008-\u200A\u2028\u2029\u205F\u3000]/.test(ch)
}

/** Spring's `NumberUtils.parseNumber(text, Long/Integer)`; undefined where it throws. */
export function springParse(text: string, type: JavaType): bigint | undefined {
    const trimmed = text
        .split('')
        .filter((ch) => !isJavaWhitespace(ch))
        .join('')
    const start = trimmed.startsWith('-') ? 1 : 0
    const hex = ['0x', '0X', '#'].find((prefix) => trimmed.startsWith(prefix, start))
    if (hex === undefined) return javaParse(trimmed, type)
    // Long.decode: the sign is only allowed in front of the prefix.
    const digits = trimmed.slice(start + hex.length)
    if (digits.startsWith('-') || digits.startsWith('+')) return undefined
    return javaParse(`${start === 1 ? '-' : ''}${digits}`, type, 16)
}

/** `String.trim()`: strips every character up to U+0020 from both ends. */
export function javaTrim(text: string): string {
    let start = 0
    let end = text.length
    while (start < end && text.charCodeAt(start) <= 0x20) start += 1
    while (end > start && text.charCodeAt(end - 1) <= 0x20) end -= 1
    return text.slice(start, end)
}

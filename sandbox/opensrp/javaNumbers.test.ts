/**
 * @jest-environment node
 */
import { javaParse, javaTrim, springParse } from './javaNumbers'

describe('javaParse (Long.parseLong / Integer.parseInt)', () => {
    it.each([
        ['0', 0n],
        ['+7', 7n],
        ['-7', -7n],
        ['9223372036854775807', 2n ** 63n - 1n],
        ['-9223372036854775808', -(2n ** 63n)],
        ['\u0665\u0660', 50n], // Arabic-Indic 5 and 0
        ['\uFF11\uFF12', 12n], // fullwidth 1 and 2
    ])('reads %j as a long', (text, value) => expect(javaParse(text, 'long')).toBe(value))

    it.each(['', '+', '-', ' 1', '1 ', '1.0', '1e3', '0x1', '9223372036854775808', '\u{1D7CF}'])(
        'rejects %j as a long',
        (text) => expect(javaParse(text, 'long')).toBeUndefined()
    )

    it('checks the int range', () => {
        expect(javaParse('2147483647', 'int')).toBe(2147483647n)
        expect(javaParse('2147483648', 'int')).toBeUndefined()
        expect(javaParse('-2147483649', 'int')).toBeUndefined()
    })
})

describe('springParse (NumberUtils.parseNumber)', () => {
    it.each([
        [' 1 2\t', 12n],
        ['0x1F', 31n],
        ['#ff', 255n],
        ['-0x10', -16n],
        ['0X\uFF21', 10n], // fullwidth A
    ])('reads %j', (text, value) => expect(springParse(text, 'long')).toBe(value))

    it.each(['0x', '0x-1', '+0x1', '1.0', '', '\u00A01'])('rejects %j', (text) =>
        expect(springParse(text, 'long')).toBeUndefined()
    )
})

test('javaTrim strips control characters and spaces only', () =>
    expect(javaTrim('\u0000 \t5\u00A0\n')).toBe('5\u00A0'))

import { csvCell, toCsv } from './csv'

describe('CSV cells', () => {
    it('leaves plain text alone', () => {
        expect(csvCell('E1064')).toBe('E1064')
        expect(csvCell(12)).toBe('12')
        expect(csvCell(undefined)).toBe('')
    })

    it.each(['=HYPERLINK("http://evil")', '+1', '-2+3', '@SUM(A1)', '\tx'])(
        'keeps %j from being read as a formula',
        (value) => {
            expect(csvCell(value).replace(/^"/, '')).toMatch(/^'/)
        }
    )

    it('quotes commas, quotes and line breaks', () => {
        expect(csvCell('a, b')).toBe('"a, b"')
        expect(csvCell('say "hi"')).toBe('"say ""hi"""')
        expect(csvCell('two\nlines')).toBe('"two\nlines"')
    })

    it('writes a header and rows with CRLF line ends', () => {
        expect(toCsv(['code', 'message'], [['E1', '=x']])).toBe("code,message\r\nE1,'=x\r\n")
    })
})

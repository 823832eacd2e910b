import { isIsoCalendarDate, isOpenSrpDateTime, localDateOf, parseOpenSrpDateTime } from './dates'

const DHAKA = 'Asia/Dhaka'

describe('OpenSRP dates', () => {
    it('takes the date in Dhaka when the text has an offset', () => {
        expect(localDateOf('2022-12-04T18:00:00.000Z', DHAKA)).toBe('2022-12-05')
        expect(localDateOf('2024-01-10T11:41:59.106+06:00', DHAKA)).toBe('2024-01-10')
    })

    it('takes the date as written when the text has no offset', () => {
        expect(localDateOf('2018-03-01T03:00:00.000', DHAKA)).toBe('2018-03-01')
        expect(localDateOf('2020-07-19', DHAKA)).toBe('2020-07-19')
    })

    it('reads historic local-mean-time offsets with seconds', () => {
        expect(parseOpenSrpDateTime('1887-01-01T02:04:12.000+02:04:12')?.epochMs).toBe(
            Date.UTC(1887, 0, 1, 0, 0, 0)
        )
    })

    it.each([
        '2024-13-01',
        '2023-02-29',
        '২০২৪-০২-২৬',
        '14-10-2019',
        '',
        '2015-01-01T0000.000+03:00',
        '2024-01-01T24:00:00Z',
        '2024-01-01T23:60:00Z',
        '2024-01-01T23:59:60Z',
    ])('rejects %p', (text) => {
        expect(parseOpenSrpDateTime(text)).toBeUndefined()
        expect(isOpenSrpDateTime(text)).toBe(false)
    })

    it.each([
        '2024-01-10T11:41:59.106+06:00',
        '2018-03-01T03:00:00.000',
        '2020-07-19',
        '2024-02-29 23:59:59Z',
        '1887-01-01T02:04:12.000+02:04:12',
    ])('reads %p, and says so without parsing it', (text) => {
        expect(parseOpenSrpDateTime(text)).toBeDefined()
        expect(isOpenSrpDateTime(text)).toBe(true)
    })

    it('accepts only ASCII yyyy-MM-dd as a calendar date', () => {
        expect(isIsoCalendarDate('2024-02-29')).toBe(true)
        expect(isIsoCalendarDate('2024-02-30')).toBe(false)
        expect(isIsoCalendarDate('2024-02-26 10:00:00')).toBe(false)
    })
})

describe('localDateOf across a midnight that is not on the hour', () => {
    it('gives each side of Kathmandu’s midnight (UTC+05:45) its own date, again and again', () => {
        for (let round = 0; round < 2; round++) {
            expect(localDateOf('2024-01-01T18:14:59.999Z', 'Asia/Kathmandu')).toBe('2024-01-01')
            expect(localDateOf('2024-01-01T18:15:00.000Z', 'Asia/Kathmandu')).toBe('2024-01-02')
            expect(localDateOf('2024-01-01T23:59:00.000+06:00', 'Asia/Dhaka')).toBe('2024-01-01')
            expect(localDateOf('2024-01-02T00:00:00.000+06:00', 'Asia/Dhaka')).toBe('2024-01-02')
        }
    })
})

describe('calendar dates', () => {
    /** The rule the first version used: the day must exist in the month Date.UTC knows. */
    const existsPerDateUtc = (year: number, month: number, day: number) =>
        month >= 1 &&
        month <= 12 &&
        day >= 1 &&
        day <= new Date(Date.UTC(year, month, 0)).getUTCDate()
    const pad = (n: number, width: number) => String(n).padStart(width, '0')

    it('accepts exactly the days the first version accepted, leap years and years 0000–0099 included', () => {
        const disagreements: string[] = []
        for (const year of [0, 1, 4, 99, 100, 400, 1600, 1900, 2000, 2023, 2024, 2100, 9999])
            for (let month = 0; month <= 13; month++)
                for (let day = 0; day <= 32; day++) {
                    const text = `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`
                    if (isIsoCalendarDate(text) !== existsPerDateUtc(year, month, day))
                        disagreements.push(text)
                }
        expect(disagreements).toEqual([])
    })
})

describe('localDateOf asked again', () => {
    it('answers the same for the same text, dates and non-dates alike', () => {
        for (let round = 0; round < 2; round++) {
            expect(localDateOf('2021-08-23T00:00:00.000+06:00', DHAKA)).toBe('2021-08-23')
            expect(localDateOf('2021-08-23T00:00:00.000+06:00', 'UTC')).toBe('2021-08-22')
            expect(localDateOf('2021-02-29', DHAKA)).toBeUndefined()
            expect(localDateOf('', DHAKA)).toBeUndefined()
        }
    })
})

/**
 * @jest-environment node
 */
import { parsePeriod, periodContaining, weeksInYear } from './periods'
import { applyFields, parseFields } from './fields'
import { bdModel, buildRequest, call } from './testing/request'

const day = (date: Date | undefined) => date?.toISOString().slice(0, 10)

describe('periods', () => {
    it('knows which ISO years have week 53', () => {
        expect(weeksInYear(2020)).toBe(53)
        expect(weeksInYear(2021)).toBe(52)
        expect(weeksInYear(2026)).toBe(53)
        expect(parsePeriod('2020W53')).toBeDefined()
        expect(parsePeriod('2021W53')).toBeUndefined()
        expect(parsePeriod('2024W0')).toBeUndefined()
    })

    it('computes week boundaries around year ends', () => {
        expect(day(parsePeriod('2020W53')?.start)).toBe('2020-12-28')
        expect(day(parsePeriod('2020W53')?.end)).toBe('2021-01-03')
        expect(day(parsePeriod('2025W1')?.start)).toBe('2024-12-30')
        expect(periodContaining('Weekly', new Date('2021-01-02T00:00:00Z'))?.id).toBe('2020W53')
        expect(periodContaining('Weekly', new Date('2024-12-31T00:00:00Z'))?.id).toBe('2025W1')
    })

    it('parses the other types and rejects impossible ones', () => {
        expect(parsePeriod('202405')?.type).toBe('Monthly')
        expect(parsePeriod('202413')).toBeUndefined()
        expect(parsePeriod('20240229')?.type).toBe('Daily')
        expect(parsePeriod('20230229')).toBeUndefined()
        expect(parsePeriod('2024Q2')?.type).toBe('Quarterly')
        expect(day(parsePeriod('2024April')?.end)).toBe('2025-03-31')
        expect(parsePeriod('2024BiW27')).toBeUndefined()
        expect(parsePeriod('2020BiW27')?.type).toBe('BiWeekly')
    })
})

describe('fields', () => {
    it('parses nested specs, exclusions and presets', () => {
        const object = { id: 'a', name: 'n', href: 'h', nested: [{ id: 'b', code: 'c' }] }
        expect(applyFields(object, parseFields('*,!href,nested[code]'), (_, i) => i)).toEqual({
            id: 'a',
            name: 'n',
            nested: [{ code: 'c' }],
        })
        expect(applyFields(object, parseFields(':identifiable'), (_, i) => i)).toEqual({
            id: 'a',
            name: 'n',
            href: 'h',
        })
    })
})

describe('snapshot / restore', () => {
    it('round-trips metadata and data through JSON', async () => {
        const model = bdModel(42)
        const payload = {
            dataSet: 'Qnf0P01U3T1',
            period: '202401',
            orgUnit: 'yI54G6cBAtY',
            dataValues: [{ dataElement: 'mWhC9DNzwTf', value: '4' }],
        }
        expect(
            (await call(model, buildRequest(42, 'POST', 'dataValueSets', { body: payload }))).status
        ).toBe(200)
        const copy = bdModel(42)
        copy.restore(JSON.parse(JSON.stringify(model.snapshot())))
        const read = await call(
            copy,
            buildRequest(42, 'GET', 'dataValueSets', {
                query: { dataSet: 'Qnf0P01U3T1', period: '202401', orgUnit: 'yI54G6cBAtY' },
            })
        )
        expect(JSON.stringify(read.body)).toContain('"value":"4"')
        expect(() => copy.restore({ nope: true })).toThrow()
    })

    it('serves system/id up to 10000 codes', async () => {
        const model = bdModel(42)
        const ids = await call(
            model,
            buildRequest(42, 'GET', 'system/id', { query: { limit: '3' } })
        )
        expect(JSON.stringify(ids.body)).toMatch(
            /^\{"codes":\["[A-Za-z][A-Za-z0-9]{10}","[A-Za-z][A-Za-z0-9]{10}","[A-Za-z][A-Za-z0-9]{10}"\]\}$/
        )
        expect(
            (
                await call(
                    model,
                    buildRequest(42, 'GET', 'system/uid', { query: { limit: '10001' } })
                )
            ).status
        ).toBe(409)
    })
})

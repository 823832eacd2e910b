/**
 * @jest-environment node
 */
import { transformValue } from './transformValue'

const DHAKA = 'Asia/Dhaka'

describe('transformValue', () => {
    it('turns a date-time with an offset into the reporting zone date', () => {
        expect(transformValue('2022-12-04T18:00:00.000Z', [{ type: 'date' }], DHAKA)).toEqual({
            ok: true,
            value: '2022-12-05',
        })
    })

    it('takes a date-time without an offset as written', () => {
        expect(transformValue('2023-11-20T06:00:00.000', [{ type: 'date' }], DHAKA)).toEqual({
            ok: true,
            value: '2023-11-20',
        })
    })

    it('reports text that is no date as OSRP_BAD_DATE', () => {
        expect(transformValue('২০২৪-০২-২৬', [{ type: 'date' }], DHAKA)).toMatchObject({
            ok: false,
            code: 'OSRP_BAD_DATE',
        })
        expect(transformValue('2024-02-30', [{ type: 'date' }], DHAKA)).toMatchObject({ ok: false })
    })

    it('maps options ignoring case and spaces around the value', () => {
        const map = { type: 'optionMap' as const, map: { Male: 'MALE', Female: 'FEMALE' } }
        expect(transformValue(' female ', [map], DHAKA)).toEqual({ ok: true, value: 'FEMALE' })
        expect(transformValue('MALE', [map], DHAKA)).toEqual({ ok: true, value: 'MALE' })
    })

    it('reports a value the option map lacks as OSRP_UNKNOWN_OPTION, naming the value to add', () => {
        const result = transformValue(
            'Other',
            [{ type: 'optionMap', map: { Male: 'MALE' } }],
            DHAKA
        )
        expect(result).toMatchObject({ ok: false, code: 'OSRP_UNKNOWN_OPTION' })
        expect(!result.ok && result.problem).toMatch(/"Other"/)
    })

    it('trims', () => {
        expect(transformValue('  Rahima ', [{ type: 'trim' }], DHAKA)).toEqual({
            ok: true,
            value: 'Rahima',
        })
    })

    it('drops placeholders such as "-" so that nothing is sent', () => {
        expect(
            transformValue(
                ' - ',
                [
                    { type: 'placeholder', values: ['-'] },
                    { type: 'optionMap', map: {} },
                ],
                DHAKA
            )
        ).toEqual({ ok: true, value: undefined })
    })

    it('never produces an empty string', () => {
        expect(transformValue('   ', [], DHAKA)).toEqual({ ok: true, value: undefined })
        expect(transformValue(undefined, [{ type: 'date' }], DHAKA)).toEqual({
            ok: true,
            value: undefined,
        })
    })
})

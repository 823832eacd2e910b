import { QUOTED_VALUE, withoutQuotedValues } from './dhis2Message'

describe('DHIS2 messages in summaries', () => {
    it('keeps an identifier a reviewer looks the record up by', () => {
        const message = 'Non-unique attribute value `BD-KAL-000123` for attribute `caS6LyxoM41`'
        expect(withoutQuotedValues(message)).toBe(message)
    })

    it('keeps quoted UIDs, codes, numbers, dates and periods', () => {
        const message =
            'Attribute: `caS6LyxoM41`, value `12` is not valid for value type `DATE` at `2024-01-02` in `202401`: `value_not_valid_date`'
        expect(withoutQuotedValues(message)).toBe(message)
    })

    it('drops a quoted value that was sent, such as a name or a long text', () => {
        const huge = 'ক'.repeat(100_000)
        expect(
            withoutQuotedValues(
                `Attribute: \`${huge}\`, text value exceed the maximum allowed length: \`${huge}\`.`
            )
        ).toBe(
            `Attribute: ${QUOTED_VALUE}, text value exceed the maximum allowed length: ${QUOTED_VALUE}.`
        )
        expect(withoutQuotedValues('Value `Rahima Begum` is not valid')).toBe(
            `Value ${QUOTED_VALUE} is not valid`
        )
        expect(withoutQuotedValues('Value `01712345678` is not valid')).toBe(
            `Value ${QUOTED_VALUE} is not valid`
        )
    })

    it('keeps every message short', () => {
        expect(withoutQuotedValues('x'.repeat(10_000))).toHaveLength(300)
    })
})

import i18n from '@dhis2/d2-i18n'
import type { DataSetMapping, IndicatorRule } from '../../../core/config/types'
import { plain } from '../../i18n/plain'

/** What an indicator counts, in words: "BCG dose", "OPV dose 1", "Birth Registration events". */
export function indicatorLabel(rule: IndicatorRule): string {
    switch (rule.type) {
        case 'dose':
            return rule.dose === undefined
                ? i18n.t('{{antigen}}, every dose', plain({ antigen: rule.antigen.toUpperCase() }))
                : i18n.t(
                      '{{antigen}} dose {{dose}}',
                      plain({ antigen: rule.antigen.toUpperCase(), dose: rule.dose })
                  )
        case 'eventCount':
            return i18n.t('{{eventType}} events', plain({ eventType: rule.eventType }))
        case 'obsValue':
            return i18n.t(
                '{{eventType}} where {{field}} is {{values}}',
                plain({
                    eventType: rule.eventType,
                    field: rule.field,
                    values: rule.values.join(', '),
                })
            )
        case 'obsBelow':
            return i18n.t(
                '{{eventType}} where {{field}} is below {{threshold}}',
                plain({ eventType: rule.eventType, field: rule.field, threshold: rule.threshold })
            )
    }
}

/** The cells (data element + category option combo) an indicator writes to, with the sex it counts. */
export function cellsOf(
    rule: IndicatorRule,
    dataSet: DataSetMapping
): Array<{ dataElement: string; categoryOptionCombo: string; sex?: 'male' | 'female' }> {
    if (rule.categoryOptionCombo)
        return [{ dataElement: rule.dataElement, categoryOptionCombo: rule.categoryOptionCombo }]
    if (rule.disaggregation === 'sex' && dataSet.sexCategoryOptionCombos) {
        const { male, female } = dataSet.sexCategoryOptionCombos
        return [
            { dataElement: rule.dataElement, categoryOptionCombo: male, sex: 'male' },
            { dataElement: rule.dataElement, categoryOptionCombo: female, sex: 'female' },
        ]
    }
    return [
        {
            dataElement: rule.dataElement,
            categoryOptionCombo: dataSet.defaultCategoryOptionCombo,
        },
    ]
}

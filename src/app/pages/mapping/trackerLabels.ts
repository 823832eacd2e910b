import i18n from '@dhis2/d2-i18n'
import type { ClientSelector, ValueSource } from '../../../core/config/types'
import { plain } from '../../i18n/plain'

export function selectorLabel(selector: ClientSelector): string {
    switch (selector.type) {
        case 'mother':
            return i18n.t('Mothers')
        case 'child':
            return i18n.t('Children')
        case 'clientType':
            return i18n.t('Clients of type {{type}}', plain({ type: selector.value }))
        case 'all':
            return i18n.t('All clients')
    }
}

/** Where a value comes from in the OpenSRP client, in words. */
export function sourceLabel(source: ValueSource): string {
    switch (source.from) {
        case 'baseEntityId':
            return i18n.t('OpenSRP client id')
        case 'field':
            return i18n.t('client field {{name}}', plain({ name: source.field }))
        case 'identifier':
            return i18n.t('identifier {{name}}', plain({ name: source.name }))
        case 'attribute':
            return i18n.t('client attribute {{name}}', plain({ name: source.name }))
        case 'firstOf':
            return i18n.t(
                'the first of {{sources}}',
                plain({ sources: source.sources.map(sourceLabel).join(', ') })
            )
        case 'concat':
            return source.sources.map(sourceLabel).join(' + ')
        case 'mother':
            return i18n.t("mother's {{source}}", plain({ source: sourceLabel(source.source) }))
        case 'constant':
            return `"${source.value}"`
    }
}

import i18n from '@dhis2/d2-i18n'
import type { MatchedBy } from '../../../core/orgUnits/types'

export function matchedByLabel(by: MatchedBy): string {
    switch (by) {
        case 'explicit':
            return i18n.t('Chosen by hand')
        case 'uid':
            return i18n.t('Same UID')
        case 'attribute':
            return i18n.t('By attribute')
        case 'code':
            return i18n.t('By code')
        case 'name':
            return i18n.t('By name')
    }
}

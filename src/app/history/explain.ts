import i18n from '@dhis2/d2-i18n'
import { explainCode, isExplained } from '../../core/summary/explain'
import { plain } from '../i18n/plain'

/**
 * explainCode's English, in the user's language. The texts are listed for translation in
 * explanationTexts.ts (the extractor only sees literal strings); a text without a translation
 * shows in English.
 */
export function explain(code: string): { title: string; action: string } {
    if (!isExplained(code)) {
        return {
            title: i18n.t('DHIS2 or the connector reported a problem ({{code}}).', plain({ code })),
            action: i18n.t(
                'Read the message shown with it. If it is unclear, send it to the administrator of the connector.'
            ),
        }
    }
    const { title, action } = explainCode(code)
    return { title: i18n.t(title), action: i18n.t(action) }
}

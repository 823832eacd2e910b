import i18n from '@dhis2/d2-i18n'
import { useMemo } from 'react'
import { useAccess } from '../user/useAccess'
import { formatDateTime, formatNumber, toBcp47 } from './locale'

/** Formatters in the user's DHIS2 interface language (keyUiLocale, else the app's language). */
export function useFormat() {
    const { uiLocale } = useAccess()
    const locale = toBcp47(uiLocale ?? i18n.language)
    return useMemo(
        () => ({
            locale,
            dateTime: (value: string | number | Date) => formatDateTime(value, locale),
            number: (value: number) => formatNumber(value, locale),
        }),
        [locale]
    )
}

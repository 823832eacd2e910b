import i18n from '@dhis2/d2-i18n'
import { NoticeBox } from '@dhis2/ui'
import React from 'react'
import { plain } from '../i18n/plain'

/** Shown when someone opens a page (by link or bookmark) that their authorities do not allow. */
export function NoAccess({ authority }: { authority: string }) {
    return (
        <NoticeBox warning title={i18n.t('You do not have access to this page')}>
            {i18n.t(
                'Ask a DHIS2 administrator for a user role with the {{authority}} authority.',
                plain({ authority })
            )}
        </NoticeBox>
    )
}

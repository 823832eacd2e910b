import i18n from '@dhis2/d2-i18n'
import { CircularLoader, NoticeBox } from '@dhis2/ui'
import React from 'react'
import { useConnectorKeys } from '../config/useConnectorKeys'
import type { Route } from '../navigation/route'
import type { Access } from '../user/access'
import { RunList } from './RunList'
import { RunReportPage } from './RunReportPage'
import { RUN_INDEX_KEY } from './useRunIndexQuery'

/** The import history, or one run's summary. */
export function HistoryPage({
    access,
    navigate,
    runId,
}: {
    access: Access
    navigate: (r: Route) => void
    runId?: string
}) {
    const { loading, error, keys } = useConnectorKeys()
    if (runId) return <RunReportPage runId={runId} access={access} navigate={navigate} />
    if (loading) return <CircularLoader small />
    if (error) {
        return (
            <NoticeBox error title={i18n.t('Could not read the import history')}>
                {error.message}
            </NoticeBox>
        )
    }
    if (!keys.includes(RUN_INDEX_KEY)) return <p>{i18n.t('No import has run yet.')}</p>
    return <RunList access={access} navigate={navigate} />
}

import i18n from '@dhis2/d2-i18n'
import { Button, CircularLoader, NoticeBox } from '@dhis2/ui'
import React from 'react'
import { useFormat } from '../../format/useFormat'
import { plain } from '../../i18n/plain'
import { CountsLine } from '../../history/CountsLine'
import { StatusTag } from '../../history/statusTag'
import { useRunIndexQuery } from '../../history/useRunIndexQuery'
import { useVisibleRuns } from '../../history/useVisibleRuns'
import type { Route } from '../../navigation/route'
import type { Access } from '../../user/access'
import classes from './OverviewPage.module.css'

/** The newest run the user may see: status, when, by whom, counts. */
export function LastRun({ access, navigate }: { access: Access; navigate: (r: Route) => void }) {
    const format = useFormat()
    const index = useRunIndexQuery()
    const visible = useVisibleRuns(index.runs, access)
    if (index.loading || visible.loading) return <CircularLoader small />
    const error = index.error ?? visible.error
    if (error) {
        return (
            <NoticeBox error title={i18n.t('Could not read the import history')}>
                {error.message}
            </NoticeBox>
        )
    }
    const last = visible.runs[0]
    if (!last) return <p>{i18n.t('No import has run yet.')}</p>
    return (
        <div data-test="last-run">
            <div className={classes.line}>
                <StatusTag status={last.status} />{' '}
                {i18n.t(
                    'Started {{when}} by {{user}}',
                    plain({ when: format.dateTime(last.startedAt), user: last.user })
                )}
                {last.dryRun && ` (${i18n.t('dry run')})`}
            </div>
            <CountsLine counts={last.counts} dryRun={last.dryRun} />
            <Button small onClick={() => navigate({ page: 'history', runId: last.id })}>
                {i18n.t('Open the summary')}
            </Button>
        </div>
    )
}

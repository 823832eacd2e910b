import i18n from '@dhis2/d2-i18n'
import {
    Button,
    CircularLoader,
    DataTable,
    DataTableBody,
    DataTableCell,
    DataTableColumnHeader,
    DataTableHead,
    DataTableRow,
    NoticeBox,
    Tag,
} from '@dhis2/ui'
import React, { useState } from 'react'
import type { RunIndexEntry } from '../../core/runs/reportRecord'
import { orgUnitIdOf } from '../../core/runs/scope'
import { useFormat } from '../format/useFormat'
import type { Route } from '../navigation/route'
import { useOrgUnits } from '../orgUnits/useOrgUnits'
import type { Access } from '../user/access'
import { scopeLabel, triggerLabel } from './labels'
import classes from './History.module.css'
import { StatusTag } from './statusTag'
import { useRunIndexQuery } from './useRunIndexQuery'
import { useVisibleRuns } from './useVisibleRuns'

const PAGE = 25

function RunRows({
    runs,
    navigate,
    showErrors,
}: {
    runs: RunIndexEntry[]
    navigate: (r: Route) => void
    showErrors: boolean
}) {
    const format = useFormat()
    const scopeIds = runs.flatMap((run) =>
        (run.scope.orgUnits ?? []).flatMap((entry) => orgUnitIdOf(entry) ?? [])
    )
    const names = useOrgUnits(scopeIds)
    return (
        <>
            {runs.map((run) => (
                <DataTableRow key={run.id} dataTest="run-row">
                    <DataTableCell>{format.dateTime(run.startedAt)}</DataTableCell>
                    <DataTableCell>{run.user}</DataTableCell>
                    <DataTableCell>{triggerLabel(run.trigger)}</DataTableCell>
                    <DataTableCell>
                        {scopeLabel(run.scope, (id) => names.byId.get(id)?.displayName)}
                    </DataTableCell>
                    <DataTableCell>
                        <StatusTag status={run.status} />
                        {run.dryRun && (
                            <>
                                {' '}
                                <Tag>{i18n.t('Dry run')}</Tag>
                            </>
                        )}
                    </DataTableCell>
                    <DataTableCell align="right">{format.number(run.counts.written)}</DataTableCell>
                    <DataTableCell align="right">
                        {format.number(run.counts.unchanged)}
                    </DataTableCell>
                    {showErrors && (
                        <DataTableCell align="right">{format.number(run.errorCount)}</DataTableCell>
                    )}
                    <DataTableCell>
                        <Button small onClick={() => navigate({ page: 'history', runId: run.id })}>
                            {i18n.t('Open')}
                        </Button>
                    </DataTableCell>
                </DataTableRow>
            ))}
        </>
    )
}

/** The runs the user may see, newest first, each opening its summary. */
export function RunList({ access, navigate }: { access: Access; navigate: (r: Route) => void }) {
    const index = useRunIndexQuery()
    const visible = useVisibleRuns(index.runs, access)
    const [shown, setShown] = useState(PAGE)
    if (index.loading || visible.loading) return <CircularLoader small />
    const error = index.error ?? visible.error
    if (error) {
        return (
            <NoticeBox error title={i18n.t('Could not read the import history')}>
                {error.message}
            </NoticeBox>
        )
    }
    if (visible.runs.length === 0) {
        return <p>{i18n.t('No import has run for your org units yet.')}</p>
    }
    return (
        <div className={classes.tableWrap}>
            <DataTable dataTest="run-list">
                <DataTableHead>
                    <DataTableRow>
                        <DataTableColumnHeader>{i18n.t('Started')}</DataTableColumnHeader>
                        <DataTableColumnHeader>{i18n.t('By')}</DataTableColumnHeader>
                        <DataTableColumnHeader>{i18n.t('How')}</DataTableColumnHeader>
                        <DataTableColumnHeader>{i18n.t('What')}</DataTableColumnHeader>
                        <DataTableColumnHeader>{i18n.t('Result')}</DataTableColumnHeader>
                        <DataTableColumnHeader align="right">
                            {i18n.t('Written')}
                        </DataTableColumnHeader>
                        <DataTableColumnHeader align="right">
                            {i18n.t('Unchanged')}
                        </DataTableColumnHeader>
                        {access.superuser && (
                            <DataTableColumnHeader align="right">
                                {i18n.t('Errors')}
                            </DataTableColumnHeader>
                        )}
                        <DataTableColumnHeader>
                            <span className={classes.visuallyHidden}>{i18n.t('Summary')}</span>
                        </DataTableColumnHeader>
                    </DataTableRow>
                </DataTableHead>
                <DataTableBody>
                    <RunRows
                        runs={visible.runs.slice(0, shown)}
                        navigate={navigate}
                        // The index counts every error of the run; others see only their own rows.
                        showErrors={access.superuser}
                    />
                </DataTableBody>
            </DataTable>
            {visible.runs.length > shown && (
                <Button small onClick={() => setShown(shown + PAGE)}>
                    {i18n.t('Show older runs')}
                </Button>
            )}
        </div>
    )
}

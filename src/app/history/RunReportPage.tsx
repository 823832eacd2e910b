import { useDataQuery } from '@dhis2/app-runtime'
import i18n from '@dhis2/d2-i18n'
import { Button, CircularLoader, NoticeBox } from '@dhis2/ui'
import React, { useMemo } from 'react'
import { parseRunReport, runIdOfKey, type RunReport } from '../../core/runs/reportRecord'
import { orgUnitIdOf } from '../../core/runs/scope'
import { isRunVisible, reportVisibleTo } from '../../core/runs/visibility'
import { useConnectorKeys } from '../config/useConnectorKeys'
import type { Route } from '../navigation/route'
import { useOrgUnits } from '../orgUnits/useOrgUnits'
import type { Access } from '../user/access'
import { viewerFor } from './orgUnitVisibility'
import { RunSummaryView } from './RunSummaryView'

const reportQuery = {
    report: {
        resource: 'dataStore/opensrp-connector',
        id: ({ key }: { key?: string }) => key ?? '',
    },
} as const

function ReportView({
    report,
    access,
    navigate,
}: {
    report: RunReport
    access: Access
    navigate: (r: Route) => void
}) {
    const scopeIds = (report.scope.orgUnits ?? []).flatMap((e) => orgUnitIdOf(e) ?? [])
    const ids = [...(access.superuser ? [] : access.orgUnitIds), ...report.orgUnits, ...scopeIds]
    const { loading, error, byId } = useOrgUnits(ids)
    const shown = useMemo(() => {
        const viewer = viewerFor(access, (id) => byId.get(id)?.path)
        if (!viewer) return report
        return isRunVisible(report, viewer) ? reportVisibleTo(report, viewer) : undefined
    }, [access, byId, report])
    if (loading) return <CircularLoader small />
    if (error) {
        return (
            <NoticeBox error title={i18n.t('Could not read the org units of this run')}>
                {error.message}
            </NoticeBox>
        )
    }
    if (!shown) {
        return (
            <NoticeBox title={i18n.t('This import did not include your org units')}>
                {i18n.t('You can see the imports of the org units you work in.')}
            </NoticeBox>
        )
    }
    return (
        <RunSummaryView
            report={shown}
            access={access}
            navigate={navigate}
            nameOf={(id) => byId.get(id)?.displayName}
            filtered={!access.superuser}
        />
    )
}

function ReportLoader(props: { reportKey: string; access: Access; navigate: (r: Route) => void }) {
    const { loading, error, data } = useDataQuery(reportQuery, {
        variables: { key: props.reportKey },
    })
    const report = useMemo(() => parseRunReport(data?.report), [data])
    if (loading) return <CircularLoader small />
    if (error) {
        return (
            <NoticeBox error title={i18n.t('Could not read this import summary')}>
                {error.message}
            </NoticeBox>
        )
    }
    if (!report) {
        return (
            <NoticeBox warning title={i18n.t('This import summary cannot be read')}>
                {i18n.t('It was written by another version of the connector, or changed by hand.')}
            </NoticeBox>
        )
    }
    return <ReportView report={report} access={props.access} navigate={props.navigate} />
}

/** The summary of one run, found by its id among the report keys. */
export function RunReportPage({
    runId,
    access,
    navigate,
}: {
    runId: string
    access: Access
    navigate: (r: Route) => void
}) {
    const { loading, error, keys } = useConnectorKeys()
    const reportKey = keys.find((key) => runIdOfKey(key) === runId)
    return (
        <div>
            <Button small onClick={() => navigate({ page: 'history' })}>
                {i18n.t('Back to the import history')}
            </Button>
            {loading && <CircularLoader small />}
            {!loading && error && (
                <NoticeBox error title={i18n.t('Could not read the import history')}>
                    {error.message}
                </NoticeBox>
            )}
            {!loading && !error && !reportKey && (
                <NoticeBox warning title={i18n.t('This import summary no longer exists')}>
                    {i18n.t('Older summaries are deleted to keep the history short.')}
                </NoticeBox>
            )}
            {reportKey && (
                <ReportLoader reportKey={reportKey} access={access} navigate={navigate} />
            )}
        </div>
    )
}

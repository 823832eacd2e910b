import i18n from '@dhis2/d2-i18n'
import { Button, ButtonStrip, Card, NoticeBox, Tag } from '@dhis2/ui'
import React, { useCallback, useMemo, useState } from 'react'
import type { RunReport } from '../../core/runs/reportRecord'
import { useFormat } from '../format/useFormat'
import { plain } from '../i18n/plain'
import type { Route } from '../navigation/route'
import type { Access } from '../user/access'
import { ConflictGroups } from './ConflictGroups'
import { downloadText } from './download'
import { explain } from './explain'
import { groupErrorsByCode } from './groupErrors'
import classes from './History.module.css'
import { scopeLabel, triggerLabel } from './labels'
import { RecordErrors } from './RecordErrors'
import { errorsCsv, reportFileName, reportJson } from './reportExport'
import { RetryChosen } from './RetryChosen'
import { StatusTag } from './statusTag'
import { TotalsSection } from './TotalsSection'

interface Props {
    /** As this user may read it (reportVisibleTo). */
    report: RunReport
    access: Access
    nameOf: (orgUnit: string) => string | undefined
    navigate: (route: Route) => void
    /** The report was narrowed to the user's org units: the totals are still the whole run's. */
    filtered?: boolean
}

/** One run: how it went, what failed grouped by cause with what to do, and each failed record. */
export function RunSummaryView({ report, access, nameOf, navigate, filtered }: Props) {
    const format = useFormat()
    const { summary } = report
    const groups = useMemo(() => groupErrorsByCode(summary.errors), [summary.errors])
    const [code, setCode] = useState<string | undefined>()
    const [chosen, setChosen] = useState<Set<string>>(new Set())
    const clearChosen = useCallback(() => setChosen(new Set()), [])
    const failure = summary.failure ? explain(summary.failure.code) : undefined

    return (
        <div className={classes.stack} data-test="run-summary">
            <Card>
                <section className={classes.section} aria-labelledby="summary-title">
                    <h2 id="summary-title" className={classes.sectionTitle}>
                        {i18n.t(
                            'Import of {{when}}',
                            plain({ when: format.dateTime(report.startedAt) })
                        )}
                    </h2>
                    <div className={classes.line}>
                        <StatusTag status={summary.status} />{' '}
                        {report.dryRun && <Tag>{i18n.t('Dry run, nothing was written')}</Tag>}
                    </div>
                    <dl className={classes.facts}>
                        <dt>{i18n.t('By')}</dt>
                        <dd>{report.user}</dd>
                        <dt>{i18n.t('How')}</dt>
                        <dd>{triggerLabel(report.trigger)}</dd>
                        <dt>{i18n.t('What')}</dt>
                        <dd>{scopeLabel(report.scope, nameOf)}</dd>
                        <dt>{i18n.t('Ended')}</dt>
                        <dd>{format.dateTime(report.finishedAt)}</dd>
                    </dl>
                    {summary.failure && failure && (
                        <NoticeBox error title={failure.title}>
                            <p>{failure.action}</p>
                            <p className={classes.message}>{summary.failure.message}</p>
                        </NoticeBox>
                    )}
                    <TotalsSection counts={report.counts} summary={summary} />
                    {filtered && (
                        <p className={classes.muted}>
                            {i18n.t(
                                'The totals are for the whole import. The problems below are those of your org units.'
                            )}
                        </p>
                    )}
                    <ButtonStrip>
                        <Button
                            small
                            onClick={() =>
                                downloadText(
                                    reportFileName(report, 'json'),
                                    reportJson(report),
                                    'application/json'
                                )
                            }
                        >
                            {i18n.t('Download as JSON')}
                        </Button>
                        <Button
                            small
                            onClick={() =>
                                downloadText(
                                    reportFileName(report, 'csv'),
                                    errorsCsv(report, nameOf),
                                    'text/csv;charset=utf-8'
                                )
                            }
                        >
                            {i18n.t('Download errors as CSV')}
                        </Button>
                    </ButtonStrip>
                </section>
            </Card>
            <Card>
                <section className={classes.section} aria-labelledby="problems-title">
                    <h2 id="problems-title" className={classes.sectionTitle}>
                        {i18n.t('Problems')}
                    </h2>
                    {groups.length === 0 && summary.errorsOmitted === 0 && (
                        <p>
                            {filtered
                                ? i18n.t('No record of your org units failed.')
                                : i18n.t('No record failed.')}
                        </p>
                    )}
                    {groups.length > 0 && (
                        <ConflictGroups groups={groups} onShowRecords={setCode} />
                    )}
                    {summary.errorsOmitted > 0 && (
                        <p className={classes.muted}>
                            {i18n.t(
                                '{{n}} more errors were counted but not kept in this summary.',
                                plain({ n: format.number(summary.errorsOmitted) })
                            )}
                        </p>
                    )}
                </section>
            </Card>
            {summary.errors.length > 0 && (
                <Card>
                    <section className={classes.section} aria-labelledby="records-title">
                        <h2 id="records-title" className={classes.sectionTitle}>
                            {i18n.t('Records that failed')}
                        </h2>
                        <RecordErrors
                            errors={summary.errors}
                            codes={groups.map((g) => g.code)}
                            code={code}
                            onCode={setCode}
                            nameOf={nameOf}
                            {...(access.canRun
                                ? { selection: { chosen, onChange: setChosen } }
                                : {})}
                        />
                        {access.canRun && (
                            <RetryChosen
                                chosen={chosen}
                                scope={report.scope}
                                navigate={navigate}
                                onDone={clearChosen}
                            />
                        )}
                    </section>
                </Card>
            )}
        </div>
    )
}

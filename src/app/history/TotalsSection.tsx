import i18n from '@dhis2/d2-i18n'
import React from 'react'
import type { RunCounts } from '../../core/runs/progress'
import type { RunSummary } from '../../core/summary/types'
import { useFormat } from '../format/useFormat'
import { CountsLine } from './CountsLine'
import classes from './History.module.css'

function heldBackReason(reason: string): string {
    switch (reason) {
        case 'open-in-opensrp':
            return i18n.t('the period is still open in OpenSRP')
        case 'locked-in-dhis2':
            return i18n.t('the period is locked in DHIS2')
        case 'ledger-incomplete':
            return i18n.t('not all events of the period have been read yet')
        default:
            return i18n.t('the period has not ended yet')
    }
}

/** The run's counts, per stream, and the periods held back with why. */
export function TotalsSection({ counts, summary }: { counts: RunCounts; summary: RunSummary }) {
    const format = useFormat()
    const { tracker, aggregate } = summary
    return (
        <div data-test="run-totals">
            <CountsLine counts={counts} dryRun={summary.dryRun} />
            {tracker && (
                <dl className={classes.facts} data-test="tracker-totals">
                    <dt>
                        {summary.dryRun
                            ? i18n.t('Would be created in tracker')
                            : i18n.t('Created in tracker')}
                    </dt>
                    <dd>{format.number(tracker.created)}</dd>
                    <dt>
                        {summary.dryRun
                            ? i18n.t('Would be updated in tracker')
                            : i18n.t('Updated in tracker')}
                    </dt>
                    <dd>{format.number(tracker.updated)}</dd>
                    <dt>
                        {summary.dryRun
                            ? i18n.t('Would be deleted in tracker')
                            : i18n.t('Deleted in tracker')}
                    </dt>
                    <dd>{format.number(tracker.deleted)}</dd>
                    <dt>{i18n.t('Failed in tracker')}</dt>
                    <dd>{format.number(tracker.failed)}</dd>
                </dl>
            )}
            {aggregate && (
                <dl className={classes.facts} data-test="aggregate-totals">
                    <dt>
                        {summary.dryRun
                            ? i18n.t('Count values DHIS2 accepted (dry run, not kept)')
                            : i18n.t('Count values written')}
                    </dt>
                    <dd>{format.number(aggregate.written)}</dd>
                    <dt>{i18n.t('Count values unchanged')}</dt>
                    <dd>{format.number(aggregate.unchanged)}</dd>
                    <dt>{i18n.t('Count values failed')}</dt>
                    <dd>{format.number(aggregate.failed)}</dd>
                </dl>
            )}
            {aggregate && aggregate.heldBack.length > 0 && (
                <>
                    <p>{i18n.t('Periods not sent yet')}</p>
                    <ul>
                        {aggregate.heldBack.map((held) => (
                            <li key={`${held.dataSet}-${held.period}`}>
                                {held.period} · {heldBackReason(held.reason)}
                            </li>
                        ))}
                    </ul>
                </>
            )}
        </div>
    )
}

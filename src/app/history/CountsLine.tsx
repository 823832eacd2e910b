import i18n from '@dhis2/d2-i18n'
import React from 'react'
import type { RunCounts } from '../../core/runs/progress'
import { useFormat } from '../format/useFormat'
import classes from './CountsLine.module.css'

export const countLabels = (dryRun = false): Array<[keyof RunCounts, string]> => [
    ['pulled', i18n.t('Read from OpenSRP')],
    ['mapped', i18n.t('Prepared')],
    ['written', dryRun ? i18n.t('Would be written to DHIS2') : i18n.t('Written to DHIS2')],
    ['unchanged', i18n.t('Unchanged')],
    ['skipped', i18n.t('Skipped')],
    ['failed', i18n.t('Failed')],
]

/** The counts of a run as a short list of labelled numbers (a dry run's: what it would write). */
export function CountsLine({
    counts,
    dryRun = false,
}: {
    counts: Partial<RunCounts>
    dryRun?: boolean
}) {
    const format = useFormat()
    return (
        <dl className={classes.counts} data-test="run-counts">
            {countLabels(dryRun)
                // The pipeline does not count prepared records yet: a 0 there would read as "none".
                .filter(([name]) => name !== 'mapped' || (counts.mapped ?? 0) > 0)
                .map(([name, label]) => (
                    <div key={name} className={classes.count}>
                        <dt>{label}</dt>
                        <dd>{format.number(counts[name] ?? 0)}</dd>
                    </div>
                ))}
        </dl>
    )
}

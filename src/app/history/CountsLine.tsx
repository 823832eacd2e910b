import i18n from '@dhis2/d2-i18n'
import React from 'react'
import type { RunCounts } from '../../core/runs/progress'
import { useFormat } from '../format/useFormat'
import classes from './CountsLine.module.css'

export const countLabels = (): Array<[keyof RunCounts, string]> => [
    ['pulled', i18n.t('Read from OpenSRP')],
    ['mapped', i18n.t('Prepared')],
    ['written', i18n.t('Written to DHIS2')],
    ['unchanged', i18n.t('Unchanged')],
    ['skipped', i18n.t('Skipped')],
    ['failed', i18n.t('Failed')],
]

/** The counts of a run as a short list of labelled numbers. */
export function CountsLine({ counts }: { counts: Partial<RunCounts> }) {
    const format = useFormat()
    return (
        <dl className={classes.counts} data-test="run-counts">
            {countLabels()
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

import i18n from '@dhis2/d2-i18n'
import { Button, LinearLoader } from '@dhis2/ui'
import React from 'react'
import type { RunProgress } from '../../core/runs/progress'
import { CountsLine } from '../history/CountsLine'
import { plain } from '../i18n/plain'
import { phaseLabel, phaseShare } from './phaseLabel'
import classes from './Run.module.css'

/** The live view of a run: phase, a progress bar, counts as they grow, and Cancel. */
export function RunProgressPanel({
    progress,
    dryRun,
    onCancel,
}: {
    progress: RunProgress | undefined
    dryRun: boolean
    onCancel: () => void
}) {
    const phase = progress ? phaseLabel(progress.phase) : phaseLabel('starting')
    return (
        <section className={classes.progress} aria-label={i18n.t('Import progress')}>
            <p role="status" aria-live="polite" data-test="run-phase">
                {dryRun
                    ? i18n.t('Dry run, {{phase}}', plain({ phase }))
                    : i18n.t('Import, {{phase}}', plain({ phase }))}
                {progress?.message ? ` · ${progress.message}` : ''}
            </p>
            <LinearLoader
                amount={progress ? phaseShare(progress.phase) : 0}
                width="100%"
                aria-label={i18n.t('Import progress')}
            />
            <CountsLine counts={progress ?? {}} dryRun={dryRun} />
            <Button destructive onClick={onCancel}>
                {i18n.t('Cancel')}
            </Button>
        </section>
    )
}

import i18n from '@dhis2/d2-i18n'
import { Button, NoticeBox } from '@dhis2/ui'
import React, { useEffect } from 'react'
import type { RunScope } from '../../core/runs/scope'
import { plain } from '../i18n/plain'
import type { Route } from '../navigation/route'
import { RunProgressPanel } from '../run/RunProgressPanel'
import { useRunControl } from '../run/useRunControl'
import classes from './History.module.css'
import { StatusTag } from './statusTag'

/** Sends the chosen failed records again now, and opens the new run's summary when it ends. */
export function RetryChosen({
    chosen,
    scope,
    navigate,
    onDone,
}: {
    chosen: Set<string>
    scope: RunScope
    navigate: (route: Route) => void
    onDone: () => void
}) {
    const { runner, state, start, cancel } = useRunControl()
    const runId = state.status === 'finished' ? state.outcome.runId : undefined
    useEffect(() => {
        if (runId) {
            onDone()
            navigate({ page: 'history', runId })
        }
    }, [runId, navigate, onDone])

    if (runner.unavailable) {
        return <NoticeBox title={i18n.t('Retry is not available')}>{runner.unavailable}</NoticeBox>
    }
    if (state.status === 'running') {
        return <RunProgressPanel progress={state.progress} dryRun={false} onCancel={cancel} />
    }
    return (
        <div>
            <Button
                primary
                disabled={chosen.size === 0}
                onClick={() => void start({ scope, dryRun: false, retry: [...chosen] })}
            >
                {i18n.t('Retry {{n}} chosen records', plain({ n: chosen.size }))}
            </Button>
            {state.status === 'finished' && !state.outcome.runId && (
                <div className={classes.line}>
                    <StatusTag status={state.outcome.summary.status} />{' '}
                    {i18n.t('The retry has ended.')}
                </div>
            )}
            {state.status === 'error' && (
                <NoticeBox error title={i18n.t('The retry could not run')}>
                    {state.message}
                </NoticeBox>
            )}
        </div>
    )
}

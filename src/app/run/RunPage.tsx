import i18n from '@dhis2/d2-i18n'
import {
    Button,
    ButtonStrip,
    Card,
    CircularLoader,
    Modal,
    ModalActions,
    ModalContent,
    ModalTitle,
    NoticeBox,
} from '@dhis2/ui'
import { parseRunScope } from '../../core/runs/lockRecord'
import React, { useEffect, useState } from 'react'
import type { RunScope } from '../../core/runs/scope'
import { useConnectorKeys } from '../config/useConnectorKeys'
import type { Route } from '../navigation/route'
import type { Access } from '../user/access'
import { OutcomeSummary } from './OutcomeSummary'
import { parsePeriods } from './periods'
import classes from './Run.module.css'
import { RunProgressPanel } from './RunProgressPanel'
import { ScopeForm, type ScopeInput } from './ScopeForm'
import { useRunControl } from './useRunControl'

const scopeOf = (input: ScopeInput, periods: string[]): RunScope => ({
    streams: input.streams,
    ...(input.orgUnitPaths.length > 0 ? { orgUnits: [...input.orgUnitPaths].sort() } : {}),
    ...(input.streams !== 'tracker' && periods.length > 0 ? { periods } : {}),
})

// The summary opens on the History page, which unmounts this one: the preview is remembered for
// the browser tab so that coming back to run the import does not ask for a dry run again.
const PREVIEW_KEY = 'opensrp-connector.previewed-scope'

function readPreviewed(): RunScope | undefined {
    try {
        const text = window.sessionStorage.getItem(PREVIEW_KEY)
        return text ? parseRunScope(JSON.parse(text)) : undefined
    } catch {
        return undefined
    }
}

function rememberPreviewed(scope: RunScope): void {
    try {
        window.sessionStorage.setItem(PREVIEW_KEY, JSON.stringify(scope))
    } catch {
        // Storage may be disabled; the app then asks for the dry run again, which is safe.
    }
}

const sameScope = (a: RunScope, b: RunScope) => JSON.stringify(a) === JSON.stringify(b)

/** Run: choose the scope, preview with a dry run, import, follow the progress, read the result. */
export function RunPage({ access, navigate }: { access: Access; navigate: (r: Route) => void }) {
    const keys = useConnectorKeys()
    const { runner, state, start, cancel } = useRunControl()
    const [input, setInput] = useState<ScopeInput>({
        streams: 'both',
        periodsText: '',
        orgUnitPaths: [],
    })
    const [previewed, setPreviewed] = useState<RunScope | undefined>(readPreviewed)
    const [confirming, setConfirming] = useState(false)
    const { periods, invalid } = parsePeriods(input.periodsText)
    const scope = scopeOf(input, periods)
    const runId = state.status === 'finished' ? state.outcome.runId : undefined

    // The dry run that just finished counts at once; `previewed` keeps it once another run starts.
    const justPreviewed =
        state.status === 'finished' &&
        state.request.dryRun &&
        state.outcome.summary.status !== 'failed'
            ? state.request.scope
            : undefined
    const checked = justPreviewed ?? previewed
    useEffect(() => {
        if (!justPreviewed) return
        setPreviewed(justPreviewed)
        rememberPreviewed(justPreviewed)
    }, [justPreviewed])
    useEffect(() => {
        if (runId) navigate({ page: 'history', runId })
    }, [runId, navigate])

    if (keys.loading) return <CircularLoader small />
    const ready = keys.keys.includes('settings') && keys.keys.includes('mappings')
    const running = state.status === 'running'
    const blocked = !ready || invalid.length > 0 || runner.unavailable !== undefined
    const runNow = () => {
        setConfirming(false)
        void start({ scope, dryRun: false })
    }

    return (
        <div className={classes.stack}>
            {!ready && (
                <NoticeBox warning title={i18n.t('The connector is not set up yet')}>
                    {access.canConfigure
                        ? i18n.t('Set up the connection and the mappings before the first import.')
                        : i18n.t('Ask an administrator to set up the connection and the mappings.')}
                </NoticeBox>
            )}
            {runner.unavailable && (
                <NoticeBox title={i18n.t('Imports cannot start here')}>
                    {runner.unavailable}
                </NoticeBox>
            )}
            <Card>
                <section className={classes.section} aria-labelledby="scope-title">
                    <h2 id="scope-title" className={classes.sectionTitle}>
                        {i18n.t('Run an import')}
                    </h2>
                    <ScopeForm
                        value={input}
                        onChange={setInput}
                        invalidPeriods={invalid}
                        roots={access.orgUnitIds}
                        disabled={running}
                    />
                    <p className={classes.help}>
                        {i18n.t(
                            'A dry run sends everything to DHIS2 for checking but writes nothing. Start with one.'
                        )}
                    </p>
                    <ButtonStrip>
                        <Button
                            primary
                            disabled={blocked || running}
                            onClick={() => void start({ scope, dryRun: true })}
                        >
                            {i18n.t('Dry run')}
                        </Button>
                        <Button
                            disabled={blocked || running}
                            onClick={() =>
                                checked && sameScope(checked, scope)
                                    ? runNow()
                                    : setConfirming(true)
                            }
                        >
                            {i18n.t('Run the import')}
                        </Button>
                    </ButtonStrip>
                </section>
            </Card>
            {running && (
                <Card>
                    <section className={classes.section}>
                        <RunProgressPanel
                            progress={state.progress}
                            dryRun={state.request.dryRun}
                            onCancel={cancel}
                        />
                    </section>
                </Card>
            )}
            {state.status === 'error' && (
                <NoticeBox error title={i18n.t('The import could not run')}>
                    {state.message}
                </NoticeBox>
            )}
            {state.status === 'finished' && !state.outcome.runId && (
                <OutcomeSummary
                    outcome={state.outcome}
                    request={state.request}
                    access={access}
                    navigate={navigate}
                />
            )}
            {confirming && (
                <Modal small onClose={() => setConfirming(false)} position="middle">
                    <ModalTitle>{i18n.t('Import without a dry run?')}</ModalTitle>
                    <ModalContent>
                        {i18n.t(
                            'No dry run has checked this choice yet. A dry run shows the problems DHIS2 would report, without writing anything.'
                        )}
                    </ModalContent>
                    <ModalActions>
                        <ButtonStrip end>
                            <Button secondary onClick={() => setConfirming(false)}>
                                {i18n.t('Go back')}
                            </Button>
                            <Button
                                onClick={() => {
                                    setConfirming(false)
                                    void start({ scope, dryRun: true })
                                }}
                            >
                                {i18n.t('Dry run first')}
                            </Button>
                            <Button primary onClick={runNow}>
                                {i18n.t('Import now')}
                            </Button>
                        </ButtonStrip>
                    </ModalActions>
                </Modal>
            )}
        </div>
    )
}

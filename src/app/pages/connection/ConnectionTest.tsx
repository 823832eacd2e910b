import i18n from '@dhis2/d2-i18n'
import { Button, ButtonStrip, CircularLoader, NoticeBox } from '@dhis2/ui'
import React, { useEffect, useRef, useState } from 'react'
import type { OpenSrpTransport } from '../../../adapters/opensrp/transport'
import type { EventSelection } from '../../../core/ports/openSrpSource'
import { runConnectionChecks, type CheckResult } from '../../connection/connectionChecks'
import classes from './ConnectionPage.module.css'
import { ConnectionVerdict } from './ConnectionVerdict'

interface Props {
    /** May read stored credentials first; a failure there is shown instead of the checks. */
    transport: () => OpenSrpTransport | Promise<OpenSrpTransport>
    selection: EventSelection
    viaRoute: boolean
    disabled?: boolean
}

/** "Test connection": asks OpenSRP what an import will ask, and says what works. */
export function ConnectionTest({ transport, selection, viaRoute, disabled }: Props) {
    const [results, setResults] = useState<CheckResult[] | undefined>()
    const [running, setRunning] = useState(false)
    const [problem, setProblem] = useState<string | undefined>()
    const controller = useRef<AbortController | undefined>(undefined)
    useEffect(() => () => controller.current?.abort(), [])

    const test = async () => {
        controller.current?.abort()
        const current = new AbortController()
        controller.current = current
        setRunning(true)
        setResults(undefined)
        setProblem(undefined)
        try {
            const answer = await runConnectionChecks(await transport(), selection, current.signal)
            if (!current.signal.aborted) setResults(answer)
        } catch (error) {
            setProblem(error instanceof Error ? error.message : String(error))
        } finally {
            if (controller.current === current) setRunning(false)
        }
    }

    return (
        <div>
            <ButtonStrip>
                <Button onClick={() => void test()} disabled={disabled || running}>
                    {i18n.t('Test connection')}
                </Button>
                {running && (
                    <Button secondary onClick={() => controller.current?.abort()}>
                        {i18n.t('Cancel')}
                    </Button>
                )}
            </ButtonStrip>
            {running && (
                <div role="status" className={classes.line}>
                    <CircularLoader extrasmall /> {i18n.t('Asking OpenSRP…')}
                </div>
            )}
            {problem && (
                <NoticeBox error title={i18n.t('The test could not start')}>
                    {problem}
                </NoticeBox>
            )}
            {results && (
                <ConnectionVerdict
                    results={results}
                    viaRoute={viaRoute}
                    eventsFromGetAll={selection.endpoint === 'getAll'}
                />
            )}
        </div>
    )
}

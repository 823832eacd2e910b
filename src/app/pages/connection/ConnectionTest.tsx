import i18n from '@dhis2/d2-i18n'
import { Button, ButtonStrip, CircularLoader } from '@dhis2/ui'
import React, { useEffect, useRef, useState } from 'react'
import type { OpenSrpTransport } from '../../../adapters/opensrp/transport'
import type { EventSelection } from '../../../core/ports/openSrpSource'
import { runConnectionChecks, type CheckResult } from '../../connection/connectionChecks'
import { ConnectionVerdict } from './ConnectionVerdict'

interface Props {
    transport: () => OpenSrpTransport
    selection: EventSelection
    viaRoute: boolean
    disabled?: boolean
}

/** "Test connection": asks OpenSRP what an import will ask, and says what works. */
export function ConnectionTest({ transport, selection, viaRoute, disabled }: Props) {
    const [results, setResults] = useState<CheckResult[] | undefined>()
    const [running, setRunning] = useState(false)
    const controller = useRef<AbortController | undefined>(undefined)
    useEffect(() => () => controller.current?.abort(), [])

    const test = async () => {
        controller.current?.abort()
        const current = new AbortController()
        controller.current = current
        setRunning(true)
        setResults(undefined)
        try {
            const answer = await runConnectionChecks(transport(), selection, current.signal)
            if (!current.signal.aborted) setResults(answer)
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
                <p role="status">
                    <CircularLoader extrasmall /> {i18n.t('Asking OpenSRP…')}
                </p>
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

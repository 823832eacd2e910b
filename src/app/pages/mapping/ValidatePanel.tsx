import { useDataEngine } from '@dhis2/app-runtime'
import i18n from '@dhis2/d2-i18n'
import { Button, CircularLoader, NoticeBox, Tag } from '@dhis2/ui'
import React, { useState } from 'react'
import { checkMappingsAgainstDhis2 } from '../../../adapters/dhis2/validateMappings'
import type { MappingProblem } from '../../../core/config/mappingProblems'
import type { Mappings } from '../../../core/config/types'
import { plain } from '../../i18n/plain'
import classes from './Mapping.module.css'

type Outcome = { problems: MappingProblem[] } | { error: string }

/** "Validate against DHIS2": every mapping checked against the live metadata, in plain words. */
export function ValidatePanel({ mappings }: { mappings: Mappings }) {
    const engine = useDataEngine()
    const [busy, setBusy] = useState(false)
    const [outcome, setOutcome] = useState<Outcome | undefined>()
    const validate = async () => {
        setBusy(true)
        setOutcome(undefined)
        try {
            setOutcome({ problems: await checkMappingsAgainstDhis2(engine, mappings) })
        } catch (error) {
            setOutcome({ error: error instanceof Error ? error.message : String(error) })
        } finally {
            setBusy(false)
        }
    }
    const errors =
        outcome && 'problems' in outcome
            ? outcome.problems.filter((p) => p.severity === 'error')
            : []
    const warnings =
        outcome && 'problems' in outcome
            ? outcome.problems.filter((p) => p.severity === 'warning')
            : []
    return (
        <div aria-live="polite">
            <p>
                {i18n.t(
                    'Checks that every program, attribute, data set, category option combo and org unit the mappings name exists in this DHIS2 and fits.'
                )}
            </p>
            <Button onClick={() => void validate()} disabled={busy}>
                {i18n.t('Validate against DHIS2')}
            </Button>
            {busy && <CircularLoader small />}
            {outcome && 'error' in outcome && (
                <NoticeBox error title={i18n.t('Could not read the DHIS2 metadata')}>
                    {outcome.error}
                </NoticeBox>
            )}
            {outcome && 'problems' in outcome && outcome.problems.length === 0 && (
                <NoticeBox valid title={i18n.t('The mappings fit this DHIS2')}>
                    {i18n.t('No problem was found.')}
                </NoticeBox>
            )}
            {outcome && 'problems' in outcome && outcome.problems.length > 0 && (
                <>
                    <NoticeBox
                        error={errors.length > 0}
                        warning={errors.length === 0}
                        title={i18n.t(
                            '{{errors}} problems stop imports, {{warnings}} are warnings',
                            plain({ errors: errors.length, warnings: warnings.length })
                        )}
                    >
                        {i18n.t('Correct the problems below, then validate again.')}
                    </NoticeBox>
                    <ul className={classes.problems} data-test="mapping-problems">
                        {[...errors, ...warnings].map((problem, index) => (
                            <li key={`${problem.path}-${index}`}>
                                {problem.severity === 'error' ? (
                                    <Tag negative>{i18n.t('Stops imports')}</Tag>
                                ) : (
                                    <Tag neutral>{i18n.t('Warning')}</Tag>
                                )}{' '}
                                {problem.message}
                                <div className={classes.path}>{problem.path}</div>
                            </li>
                        ))}
                    </ul>
                </>
            )}
        </div>
    )
}

import i18n from '@dhis2/d2-i18n'
import { InputField, OrganisationUnitTree, Radio } from '@dhis2/ui'
import React from 'react'
import type { RunScope } from '../../core/runs/scope'
import { streamsLabel } from '../history/labels'
import { plain } from '../i18n/plain'
import classes from './Run.module.css'

export interface ScopeInput {
    streams: RunScope['streams']
    periodsText: string
    /** Paths of the chosen org unit subtrees (the core compares scopes by path). */
    orgUnitPaths: string[]
}

const STREAMS: Array<RunScope['streams']> = ['both', 'tracker', 'aggregate']

/** What to import: streams, periods (aggregate) and org unit subtrees. */
export function ScopeForm({
    value,
    onChange,
    invalidPeriods,
    roots,
    disabled,
}: {
    value: ScopeInput
    onChange: (value: ScopeInput) => void
    invalidPeriods: string[]
    roots: string[]
    disabled: boolean
}) {
    return (
        <div className={classes.form}>
            <fieldset className={classes.fieldset} disabled={disabled}>
                <legend>{i18n.t('What to import')}</legend>
                {STREAMS.map((streams) => (
                    <Radio
                        key={streams}
                        name="streams"
                        value={streams}
                        label={streamsLabel(streams)}
                        checked={value.streams === streams}
                        onChange={() => onChange({ ...value, streams })}
                    />
                ))}
            </fieldset>
            <InputField
                name="periods"
                label={i18n.t('Periods (for the counts)')}
                helpText={i18n.t(
                    'DHIS2 periods such as 202401 or 2024W5, separated by commas. Leave empty for every period that is due.'
                )}
                value={value.periodsText}
                onChange={({ value: text }: { value?: string }) =>
                    onChange({ ...value, periodsText: text ?? '' })
                }
                disabled={disabled || value.streams === 'tracker'}
                {...(invalidPeriods.length > 0
                    ? {
                          error: true,
                          validationText: i18n.t(
                              'Not a DHIS2 period {{periods}}',
                              plain({ periods: invalidPeriods.join(', ') })
                          ),
                      }
                    : {})}
            />
            <fieldset className={classes.fieldset} disabled={disabled}>
                <legend>{i18n.t('Org units')}</legend>
                <p className={classes.help}>
                    {i18n.t(
                        'Choose the org units to import for, with everything below them. Choose none to import for all mapped org units.'
                    )}
                </p>
                {roots.length > 0 && (
                    <OrganisationUnitTree
                        roots={roots}
                        selected={value.orgUnitPaths}
                        onChange={({ path, checked }: { path: string; checked: boolean }) =>
                            onChange({
                                ...value,
                                orgUnitPaths: checked
                                    ? [...value.orgUnitPaths, path]
                                    : value.orgUnitPaths.filter((p) => p !== path),
                            })
                        }
                        disableSelection={disabled}
                    />
                )}
            </fieldset>
        </div>
    )
}

import i18n from '@dhis2/d2-i18n'
import {
    Button,
    Checkbox,
    DataTable,
    DataTableBody,
    DataTableCell,
    DataTableColumnHeader,
    DataTableHead,
    DataTableRow,
    SingleSelectField,
    SingleSelectOption,
} from '@dhis2/ui'
import React, { useState } from 'react'
import type { RecordError } from '../../core/summary/types'
import { plain } from '../i18n/plain'
import classes from './History.module.css'
import { errorKindLabel, recordKindLabel } from './labels'

const PAGE = 50
const ALL = '*'

interface Props {
    errors: RecordError[]
    codes: string[]
    code: string | undefined
    onCode: (code: string | undefined) => void
    nameOf: (orgUnit: string) => string | undefined
    /** Present for users who may run imports: rows can be chosen for a retry. */
    selection?: { chosen: Set<string>; onChange: (chosen: Set<string>) => void }
}

/** Per-record errors: OpenSRP id, org unit, what failed and why, as plain text. */
export function RecordErrors({ errors, codes, code, onCode, nameOf, selection }: Props) {
    const [shown, setShown] = useState(PAGE)
    const rows = code === undefined ? errors : errors.filter((e) => e.code === code)
    const visible = rows.slice(0, shown)
    const toggle = (sourceId: string, on: boolean) => {
        if (!selection) return
        const next = new Set(selection.chosen)
        if (on) next.add(sourceId)
        else next.delete(sourceId)
        selection.onChange(next)
    }
    return (
        <div className={classes.tableWrap}>
            <div className={classes.toolbar}>
                <SingleSelectField
                    label={i18n.t('Show errors with code')}
                    selected={code ?? ALL}
                    onChange={({ selected }: { selected: string }) =>
                        onCode(selected === ALL ? undefined : selected)
                    }
                    dense
                >
                    <SingleSelectOption value={ALL} label={i18n.t('All codes')} />
                    {codes.map((c) => (
                        <SingleSelectOption key={c} value={c} label={c} />
                    ))}
                </SingleSelectField>
                {selection && (
                    <Button
                        small
                        onClick={() =>
                            selection.onChange(
                                new Set([...selection.chosen, ...visible.map((e) => e.sourceId)])
                            )
                        }
                    >
                        {i18n.t('Choose all shown')}
                    </Button>
                )}
            </div>
            <DataTable dataTest="record-errors">
                <DataTableHead>
                    <DataTableRow>
                        {selection && (
                            <DataTableColumnHeader>
                                <span className={classes.visuallyHidden}>{i18n.t('Retry')}</span>
                            </DataTableColumnHeader>
                        )}
                        <DataTableColumnHeader>{i18n.t('OpenSRP id')}</DataTableColumnHeader>
                        <DataTableColumnHeader>{i18n.t('Org unit')}</DataTableColumnHeader>
                        <DataTableColumnHeader>{i18n.t('Record')}</DataTableColumnHeader>
                        <DataTableColumnHeader>{i18n.t('Problem')}</DataTableColumnHeader>
                        <DataTableColumnHeader>{i18n.t('Code')}</DataTableColumnHeader>
                        <DataTableColumnHeader>{i18n.t('Message')}</DataTableColumnHeader>
                    </DataTableRow>
                </DataTableHead>
                <DataTableBody>
                    {visible.map((error, index) => (
                        <DataTableRow key={`${error.sourceId}-${error.code}-${index}`}>
                            {selection && (
                                <DataTableCell>
                                    <Checkbox
                                        checked={selection.chosen.has(error.sourceId)}
                                        onChange={({ checked }: { checked: boolean }) =>
                                            toggle(error.sourceId, checked)
                                        }
                                        label={
                                            <span className={classes.visuallyHidden}>
                                                {i18n.t(
                                                    'Retry {{id}}',
                                                    plain({ id: error.sourceId })
                                                )}
                                            </span>
                                        }
                                        dense
                                    />
                                </DataTableCell>
                            )}
                            <DataTableCell>{error.sourceId}</DataTableCell>
                            <DataTableCell>
                                {error.orgUnit ? (nameOf(error.orgUnit) ?? error.orgUnit) : ''}
                            </DataTableCell>
                            <DataTableCell>
                                {recordKindLabel(error.recordKind)}
                                {error.period ? ` · ${error.period}` : ''}
                            </DataTableCell>
                            <DataTableCell>{errorKindLabel(error.kind)}</DataTableCell>
                            <DataTableCell>{error.code}</DataTableCell>
                            <DataTableCell className={classes.message}>
                                {/* The connector's and DHIS2's details are in English. */}
                                <span lang="en">{error.message}</span>
                            </DataTableCell>
                        </DataTableRow>
                    ))}
                </DataTableBody>
            </DataTable>
            {rows.length > shown && (
                <Button small onClick={() => setShown(shown + PAGE)}>
                    {i18n.t('Show more errors')}
                </Button>
            )}
        </div>
    )
}

import i18n from '@dhis2/d2-i18n'
import {
    Button,
    DataTable,
    DataTableBody,
    DataTableCell,
    DataTableColumnHeader,
    DataTableHead,
    DataTableRow,
} from '@dhis2/ui'
import React from 'react'
import { useFormat } from '../format/useFormat'
import { explain } from './explain'
import type { ErrorGroup } from './groupErrors'
import classes from './History.module.css'

/** One row per error code: what it means, what to do, how many records, and a way to see them. */
export function ConflictGroups({
    groups,
    onShowRecords,
}: {
    groups: ErrorGroup[]
    onShowRecords: (code: string) => void
}) {
    const format = useFormat()
    return (
        <div className={classes.tableWrap}>
            <DataTable dataTest="conflict-groups">
                <DataTableHead>
                    <DataTableRow>
                        <DataTableColumnHeader>{i18n.t('Code')}</DataTableColumnHeader>
                        <DataTableColumnHeader>{i18n.t('What happened')}</DataTableColumnHeader>
                        <DataTableColumnHeader>{i18n.t('What to do')}</DataTableColumnHeader>
                        <DataTableColumnHeader align="right">
                            {i18n.t('Records')}
                        </DataTableColumnHeader>
                        <DataTableColumnHeader>
                            <span className={classes.visuallyHidden}>{i18n.t('Records')}</span>
                        </DataTableColumnHeader>
                    </DataTableRow>
                </DataTableHead>
                <DataTableBody>
                    {groups.map((group) => {
                        const { title, action } = explain(group.code)
                        return (
                            <DataTableRow key={group.code} dataTest="conflict-group">
                                <DataTableCell>{group.code}</DataTableCell>
                                <DataTableCell>{title}</DataTableCell>
                                <DataTableCell>{action}</DataTableCell>
                                <DataTableCell align="right">
                                    {format.number(group.count)}
                                </DataTableCell>
                                <DataTableCell className={classes.nowrap}>
                                    <Button small onClick={() => onShowRecords(group.code)}>
                                        {i18n.t('Show the records')}
                                    </Button>
                                </DataTableCell>
                            </DataTableRow>
                        )
                    })}
                </DataTableBody>
            </DataTable>
        </div>
    )
}

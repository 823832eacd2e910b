import { useDataEngine } from '@dhis2/app-runtime'
import i18n from '@dhis2/d2-i18n'
import {
    CircularLoader,
    DataTable,
    DataTableBody,
    DataTableCell,
    DataTableColumnHeader,
    DataTableHead,
    DataTableRow,
    NoticeBox,
    SingleSelectField,
    SingleSelectOption,
} from '@dhis2/ui'
import React, { useState } from 'react'
import { createMetadataReader } from '../../../adapters/dhis2/metadata'
import type { DataSetMapping, Mappings } from '../../../core/config/types'
import type { CategoryComboFacts, DataSetFacts } from '../../../core/ports/metadata'
import { useAsync } from '../../hooks/useAsync'
import { plain } from '../../i18n/plain'
import { cellsOf, indicatorLabel } from './indicatorLabel'
import classes from './Mapping.module.css'

interface ComboGroup {
    combo: CategoryComboFacts
    dataElements: Array<{ id: string; name: string }>
}

/** Data elements grouped by the disaggregation their values take (the set's own, else the element's). */
function groupsOf(facts: DataSetFacts): ComboGroup[] {
    const groups = new Map<string, ComboGroup>()
    for (const element of facts.dataSetElements) {
        const combo = element.categoryCombo ?? element.dataElement.categoryCombo
        const group = groups.get(combo.id) ?? { combo, dataElements: [] }
        group.dataElements.push({ id: element.dataElement.id, name: element.dataElement.name })
        groups.set(combo.id, group)
    }
    return [...groups.values()]
}

/** indicator labels per `dataElement|categoryOptionCombo`. */
function labelsByCell(mapping: DataSetMapping): Map<string, string[]> {
    const cells = new Map<string, string[]>()
    for (const rule of mapping.indicators) {
        for (const cell of cellsOf(rule, mapping)) {
            const key = `${cell.dataElement}|${cell.categoryOptionCombo}`
            cells.set(key, [...(cells.get(key) ?? []), indicatorLabel(rule)])
        }
    }
    return cells
}

function Grid({ facts, mapping }: { facts: DataSetFacts; mapping: DataSetMapping }) {
    const labels = labelsByCell(mapping)
    const inSet = new Set(facts.dataSetElements.map((e) => e.dataElement.id))
    const outside = mapping.indicators.filter((rule) => !inSet.has(rule.dataElement))
    return (
        <>
            <p className={classes.muted}>
                {i18n.t(
                    '{{periodType}} · {{n}} data elements',
                    plain({ periodType: facts.periodType, n: facts.dataSetElements.length })
                )}
            </p>
            {groupsOf(facts).map((group) => (
                <div key={group.combo.id} className={classes.tableWrap}>
                    <DataTable dataTest="data-set-grid">
                        <DataTableHead>
                            <DataTableRow>
                                <DataTableColumnHeader>
                                    {i18n.t('Data element')}
                                </DataTableColumnHeader>
                                {group.combo.categoryOptionCombos.map((coc) => (
                                    <DataTableColumnHeader key={coc.id}>
                                        {coc.name}
                                    </DataTableColumnHeader>
                                ))}
                            </DataTableRow>
                        </DataTableHead>
                        <DataTableBody>
                            {group.dataElements.map((element) => (
                                <DataTableRow key={element.id}>
                                    <DataTableCell tag="th" scope="row">
                                        {element.name}
                                    </DataTableCell>
                                    {group.combo.categoryOptionCombos.map((coc) => {
                                        const here = labels.get(`${element.id}|${coc.id}`) ?? []
                                        return (
                                            <DataTableCell key={coc.id} muted={here.length === 0}>
                                                {here.length > 0
                                                    ? here.join('; ')
                                                    : i18n.t('not mapped')}
                                            </DataTableCell>
                                        )
                                    })}
                                </DataTableRow>
                            ))}
                        </DataTableBody>
                    </DataTable>
                </div>
            ))}
            {outside.length > 0 && (
                <NoticeBox warning title={i18n.t('Indicators outside this data set')}>
                    {outside.map(indicatorLabel).join('; ')}
                </NoticeBox>
            )}
        </>
    )
}

/** The chosen data set's data elements × category option combos, with the indicator in each cell. */
export function DataSetGrid({ mappings }: { mappings: Mappings }) {
    const engine = useDataEngine()
    const dataSets = mappings.aggregate?.dataSets ?? []
    const ids = dataSets.map((d) => d.dataSet)
    const facts = useAsync(ids.length > 0 ? ids.join(',') : undefined, (signal) =>
        createMetadataReader(engine).dataSetFacts(ids, { signal })
    )
    const [chosen, setChosen] = useState<string | undefined>(ids[0])
    if (dataSets.length === 0) return <p>{i18n.t('No data set is mapped.')}</p>
    if (facts.loading) return <CircularLoader small />
    if (facts.error) {
        return (
            <NoticeBox error title={i18n.t('Could not read the data sets')}>
                {facts.error.message}
            </NoticeBox>
        )
    }
    const nameOf = (id: string) => facts.value?.find((f) => f.id === id)?.name ?? id
    const mapping = dataSets.find((d) => d.dataSet === chosen)
    const current = facts.value?.find((f) => f.id === chosen)
    return (
        <div>
            <SingleSelectField
                className={classes.select}
                label={i18n.t('Data set')}
                selected={chosen ?? ''}
                onChange={({ selected }: { selected: string }) => setChosen(selected)}
            >
                {ids.map((id) => (
                    <SingleSelectOption key={id} value={id} label={nameOf(id)} />
                ))}
            </SingleSelectField>
            {mapping && current && <Grid facts={current} mapping={mapping} />}
            {mapping && !current && (
                <NoticeBox error title={i18n.t('This data set is not in DHIS2')}>
                    {i18n.t(
                        'DHIS2 has no data set {{id}}, or you may not see it. Import the metadata package or correct the mapping.',
                        plain({ id: mapping.dataSet })
                    )}
                </NoticeBox>
            )}
        </div>
    )
}

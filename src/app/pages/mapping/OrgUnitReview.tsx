import i18n from '@dhis2/d2-i18n'
import {
    Button,
    CheckboxField,
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
    Tag,
} from '@dhis2/ui'
import React, { useMemo, useState } from 'react'
import { saveMappings } from '../../../adapters/dhis2/configStore'
import type { ConnectorSettings, Mappings } from '../../../core/config/types'
import type { KeyValueStore } from '../../../core/ports/keyValueStore'
import { autoMatchLocations, type LocationMatch } from '../../../core/orgUnits/autoMatchLocations'
import type { Dhis2OrgUnit } from '../../../core/ports/metadata'
import { useFormat } from '../../format/useFormat'
import { plain } from '../../i18n/plain'
import classes from './Mapping.module.css'
import { matchedByLabel } from './matchLabels'
import { useLocationsAndOrgUnits } from './useLocationMatches'

const NONE = ''

function MatchTag({ row }: { row: LocationMatch }) {
    if (row.match) return <Tag positive>{matchedByLabel(row.match.matchedBy)}</Tag>
    if (row.problem?.code === 'OSRP_AMBIGUOUS_ORG_UNIT')
        return <Tag neutral>{i18n.t('Several org units match')}</Tag>
    return <Tag negative>{i18n.t('Not matched')}</Tag>
}

function OrgUnitChoice({
    row,
    orgUnits,
    value,
    onChange,
}: {
    row: LocationMatch
    orgUnits: Dhis2OrgUnit[]
    value: string
    onChange: (orgUnit: string) => void
}) {
    // The rules' candidates first: usually the right one is among them.
    const candidates = row.candidates.map((c) => c.orgUnit.id)
    const options = [
        ...row.candidates.map((c) => c.orgUnit),
        ...orgUnits.filter((ou) => !candidates.includes(ou.id)),
    ]
    return (
        <SingleSelectField
            className={classes.select}
            dense
            filterable
            noMatchText={i18n.t('No org unit has this name')}
            placeholder={i18n.t('Choose an org unit')}
            label={i18n.t('DHIS2 org unit for {{location}}', plain({ location: row.locationName }))}
            selected={value}
            onChange={({ selected }: { selected: string }) => onChange(selected)}
        >
            <SingleSelectOption value={NONE} label={i18n.t('Not chosen')} />
            {options.map((ou) => (
                <SingleSelectOption
                    key={ou.id}
                    value={ou.id}
                    label={ou.code ? `${ou.name} (${ou.code})` : ou.name}
                />
            ))}
        </SingleSelectField>
    )
}

/** OpenSRP locations next to the DHIS2 org units they map to: how each matched, and a choice where none did. */
export function OrgUnitReview({
    settings,
    mappings,
    kv,
    onSaved,
}: {
    settings: ConnectorSettings
    mappings: Mappings
    kv: KeyValueStore
    onSaved: () => void
}) {
    const format = useFormat()
    const data = useLocationsAndOrgUnits(settings, kv)
    const [onlyUnmatched, setOnlyUnmatched] = useState(false)
    const [choices, setChoices] = useState<Record<string, string>>({})
    const [saving, setSaving] = useState(false)
    const [problem, setProblem] = useState<string | undefined>()
    const rows = useMemo(
        () =>
            data.value
                ? autoMatchLocations(mappings.orgUnits, data.value.locations, data.value.orgUnits)
                : [],
        [data.value, mappings.orgUnits]
    )

    if (data.loading) return <CircularLoader small />
    if (data.error || !data.value) {
        return (
            <NoticeBox error title={i18n.t('Could not read the locations and org units')}>
                {data.error?.message}
            </NoticeBox>
        )
    }
    const orgUnits = [...data.value.orgUnits].sort((a, b) => a.name.localeCompare(b.name))
    const matched = rows.filter((r) => r.match).length
    const shown = onlyUnmatched
        ? rows.filter((r) => !r.match || r.match.matchedBy === 'explicit')
        : rows
    const changed = Object.keys(choices).length > 0

    const save = async () => {
        setSaving(true)
        setProblem(undefined)
        const explicit = { ...mappings.orgUnits.explicit }
        for (const [location, orgUnit] of Object.entries(choices)) {
            if (orgUnit === NONE) delete explicit[location]
            else explicit[location] = orgUnit
        }
        try {
            const result = await saveMappings(kv, {
                ...mappings,
                orgUnits: { ...mappings.orgUnits, explicit },
            })
            if (result.ok) {
                setChoices({})
                onSaved()
            } else setProblem(result.error.message)
        } catch (error) {
            setProblem(error instanceof Error ? error.message : String(error))
        } finally {
            setSaving(false)
        }
    }

    return (
        <div>
            <p data-test="match-count">
                {i18n.t(
                    '{{matched}} of {{total}} OpenSRP locations have a DHIS2 org unit.',
                    plain({ matched: format.number(matched), total: format.number(rows.length) })
                )}
            </p>
            {data.value.unreadable > 0 && (
                <p className={classes.muted}>
                    {i18n.t(
                        '{{n}} locations could not be read from OpenSRP and are not listed.',
                        plain({ n: format.number(data.value.unreadable) })
                    )}
                </p>
            )}
            <div className={classes.toolbar}>
                <CheckboxField
                    label={i18n.t('Show only locations without a match')}
                    checked={onlyUnmatched}
                    onChange={({ checked }: { checked: boolean }) => setOnlyUnmatched(checked)}
                />
                <Button primary disabled={!changed || saving} onClick={() => void save()}>
                    {saving ? i18n.t('Saving…') : i18n.t('Save the chosen org units')}
                </Button>
            </div>
            {problem && (
                <NoticeBox error title={i18n.t('The org units were not saved')}>
                    {problem}
                </NoticeBox>
            )}
            <div className={classes.tableWrap}>
                <DataTable dataTest="org-unit-review">
                    <DataTableHead>
                        <DataTableRow>
                            <DataTableColumnHeader>
                                {i18n.t('OpenSRP location')}
                            </DataTableColumnHeader>
                            <DataTableColumnHeader>
                                {i18n.t('How it matched')}
                            </DataTableColumnHeader>
                            <DataTableColumnHeader>
                                {i18n.t('DHIS2 org unit')}
                            </DataTableColumnHeader>
                        </DataTableRow>
                    </DataTableHead>
                    <DataTableBody>
                        {shown.map((row) => {
                            const choose = !row.match || row.match.matchedBy === 'explicit'
                            return (
                                <DataTableRow key={row.locationId} dataTest="location-row">
                                    <DataTableCell>
                                        <div>{row.locationName}</div>
                                        <div className={classes.muted}>
                                            {[row.locationCode, row.locationId, row.status]
                                                .filter(Boolean)
                                                .join(' · ')}
                                        </div>
                                    </DataTableCell>
                                    <DataTableCell>
                                        <MatchTag row={row} />
                                    </DataTableCell>
                                    <DataTableCell>
                                        {choose ? (
                                            <OrgUnitChoice
                                                row={row}
                                                orgUnits={orgUnits}
                                                value={
                                                    choices[row.locationId] ??
                                                    mappings.orgUnits.explicit[row.locationId] ??
                                                    NONE
                                                }
                                                onChange={(orgUnit) =>
                                                    setChoices({
                                                        ...choices,
                                                        [row.locationId]: orgUnit,
                                                    })
                                                }
                                            />
                                        ) : (
                                            row.match?.orgUnit.name
                                        )}
                                    </DataTableCell>
                                </DataTableRow>
                            )
                        })}
                    </DataTableBody>
                </DataTable>
            </div>
        </div>
    )
}

import { useDataEngine } from '@dhis2/app-runtime'
import i18n from '@dhis2/d2-i18n'
import {
    Card,
    CircularLoader,
    DataTable,
    DataTableBody,
    DataTableCell,
    DataTableColumnHeader,
    DataTableHead,
    DataTableRow,
    NoticeBox,
    Tag,
} from '@dhis2/ui'
import React from 'react'
import { createMetadataReader } from '../../../adapters/dhis2/metadata'
import type { AttributeMapping, ProgramMapping, TrackerMapping } from '../../../core/config/types'
import type { ProgramFacts, TrackedEntityTypeFacts } from '../../../core/ports/metadata'
import { useAsync } from '../../hooks/useAsync'
import classes from './Mapping.module.css'
import { selectorLabel, sourceLabel } from './trackerLabels'

interface Names {
    of: (id: string) => string
}

function namesFrom(type: TrackedEntityTypeFacts | undefined, programs: ProgramFacts[]): Names {
    const names = new Map<string, string>()
    for (const { attribute } of type?.trackedEntityTypeAttributes ?? [])
        names.set(attribute.id, attribute.name)
    if (type) names.set(type.id, type.name)
    for (const program of programs) {
        names.set(program.id, program.name)
        for (const { attribute } of program.programTrackedEntityAttributes)
            names.set(attribute.id, attribute.name)
        for (const stage of program.programStages) {
            names.set(stage.id, stage.name)
            for (const element of stage.dataElements) names.set(element.id, element.name)
        }
    }
    return { of: (id) => names.get(id) ?? id }
}

function OptionMap({ map }: { map: Record<string, string> }) {
    return (
        <ul className={classes.problems}>
            {Object.entries(map).map(([from, to]) => (
                <li key={from}>
                    {from} → <strong>{to}</strong>
                </li>
            ))}
        </ul>
    )
}

function Attributes({ attributes, names }: { attributes: AttributeMapping[]; names: Names }) {
    return (
        <div className={classes.tableWrap}>
            <DataTable dataTest="attribute-mappings">
                <DataTableHead>
                    <DataTableRow>
                        <DataTableColumnHeader>{i18n.t('DHIS2 attribute')}</DataTableColumnHeader>
                        <DataTableColumnHeader>{i18n.t('From OpenSRP')}</DataTableColumnHeader>
                        <DataTableColumnHeader>{i18n.t('Value map')}</DataTableColumnHeader>
                    </DataTableRow>
                </DataTableHead>
                <DataTableBody>
                    {attributes.map((a) => {
                        const maps = (a.transform ?? []).flatMap((t) =>
                            t.type === 'optionMap' ? [t.map] : []
                        )
                        return (
                            <DataTableRow key={a.attribute}>
                                <DataTableCell>
                                    {names.of(a.attribute)}{' '}
                                    {a.mandatory && <Tag>{i18n.t('Required')}</Tag>}
                                </DataTableCell>
                                <DataTableCell>{sourceLabel(a.source)}</DataTableCell>
                                <DataTableCell>
                                    {maps.map((map, i) => (
                                        <OptionMap key={i} map={map} />
                                    ))}
                                </DataTableCell>
                            </DataTableRow>
                        )
                    })}
                </DataTableBody>
            </DataTable>
        </div>
    )
}

function ProgramCard({ program, names }: { program: ProgramMapping; names: Names }) {
    const stage = program.vaccinations
    return (
        <Card>
            <section className={classes.section} data-test="program-mapping">
                <h3 className={classes.sectionTitle}>{names.of(program.program)}</h3>
                <dl className={classes.facts}>
                    <dt>{i18n.t('Takes')}</dt>
                    <dd>{selectorLabel(program.selector)}</dd>
                    <dt>{i18n.t('Enrollment date')}</dt>
                    <dd>
                        {program.enrolledAt === 'birthdate'
                            ? i18n.t('date of birth')
                            : i18n.t('date registered in OpenSRP')}
                    </dd>
                </dl>
                <Attributes attributes={program.attributes} names={names} />
                {stage && (
                    <>
                        <h4>
                            {i18n.t('Vaccinations go to')} {names.of(stage.programStage)}
                        </h4>
                        <OptionMap
                            map={Object.fromEntries(
                                stage.antigens.map((antigen) => [
                                    antigen.toUpperCase(),
                                    stage.vaccineCodes[antigen] ?? '?',
                                ])
                            )}
                        />
                    </>
                )}
            </section>
        </Card>
    )
}

/** The tracker mapping: tracked entity type, its attributes, and each program with its value maps. */
export function TrackerView({ tracker }: { tracker: TrackerMapping | undefined }) {
    const engine = useDataEngine()
    const programIds = tracker?.programs.map((p) => p.program) ?? []
    const facts = useAsync(
        tracker ? [tracker.trackedEntityType, ...programIds].join(',') : undefined,
        async (signal) => {
            const reader = createMetadataReader(engine)
            const [type, programs] = await Promise.all([
                tracker
                    ? reader.trackedEntityTypeFacts(tracker.trackedEntityType, { signal })
                    : undefined,
                reader.programFacts(programIds, { signal }),
            ])
            return namesFrom(type, programs)
        }
    )
    if (!tracker) return <p>{i18n.t('No tracker program is mapped.')}</p>
    if (facts.loading) return <CircularLoader small />
    if (facts.error || !facts.value) {
        return (
            <NoticeBox error title={i18n.t('Could not read the programs')}>
                {facts.error?.message}
            </NoticeBox>
        )
    }
    const names = facts.value
    return (
        <div className={classes.stack}>
            <dl className={classes.facts}>
                <dt>{i18n.t('Tracked entity type')}</dt>
                <dd>{names.of(tracker.trackedEntityType)}</dd>
                <dt>{i18n.t('OpenSRP id kept in')}</dt>
                <dd>{names.of(tracker.idAttribute)}</dd>
            </dl>
            <Attributes attributes={tracker.attributes} names={names} />
            {tracker.programs.map((program) => (
                <ProgramCard key={program.program} program={program} names={names} />
            ))}
        </div>
    )
}

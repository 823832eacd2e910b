import i18n from '@dhis2/d2-i18n'
import { Card, CircularLoader, NoticeBox, Tab, TabBar } from '@dhis2/ui'
import React, { useState } from 'react'
import { useConfiguration } from '../../config/useConfiguration'
import { DataSetGrid } from './DataSetGrid'
import { ExportImport } from './ExportImport'
import classes from './Mapping.module.css'
import { OrgUnitReview } from './OrgUnitReview'
import { TemplateCard } from './TemplateCard'
import { TrackerView } from './TrackerView'
import { ValidatePanel } from './ValidatePanel'

type Section = 'orgUnits' | 'dataSets' | 'tracker' | 'validate' | 'file'

const SECTIONS = (): Array<[Section, string]> => [
    ['orgUnits', i18n.t('Org units')],
    ['dataSets', i18n.t('Data sets')],
    ['tracker', i18n.t('Tracker programs')],
    ['validate', i18n.t('Validate')],
    ['file', i18n.t('Export and import')],
]

/** Mapping: start from the BD template, review org units, see the grids, validate, move as JSON. */
export function MappingPage() {
    const config = useConfiguration()
    const [section, setSection] = useState<Section>('orgUnits')
    if (config.loading && !config.loaded) return <CircularLoader small />
    if (config.error) {
        return (
            <NoticeBox error title={i18n.t('Could not read the connector settings')}>
                {config.error.message}
            </NoticeBox>
        )
    }
    const loaded = config.loaded
    const missing = loaded && !loaded.ok ? loaded.error.missing : []
    const template = (
        <Card>
            <section className={classes.section} aria-labelledby="template-title">
                <h2 id="template-title" className={classes.sectionTitle}>
                    {i18n.t('Template')}
                </h2>
                <TemplateCard
                    kv={config.kv}
                    hasSettings={!missing.includes('settings') && loaded !== undefined}
                    hasMappings={!missing.includes('mappings') && loaded !== undefined}
                    onApplied={config.reload}
                />
            </section>
        </Card>
    )
    if (!loaded || !loaded.ok) {
        return (
            <div className={classes.stack}>
                {loaded && loaded.error.kind === 'not-configured' && (
                    <NoticeBox title={i18n.t('No mappings yet')}>
                        {i18n.t(
                            'Start from the Bangladesh template, or import mappings exported from another server.'
                        )}
                    </NoticeBox>
                )}
                {loaded && loaded.error.kind === 'invalid' && (
                    <NoticeBox error title={i18n.t('The saved configuration is not valid')}>
                        <ul className={classes.problems}>
                            {loaded.error.issues.slice(0, 20).map((issue, index) => (
                                <li key={index}>
                                    {issue.message}
                                    <div className={classes.path}>{issue.path}</div>
                                </li>
                            ))}
                        </ul>
                    </NoticeBox>
                )}
                {template}
                <Card>
                    <section className={classes.section}>
                        <ExportImport mappings={undefined} kv={config.kv} onSaved={config.reload} />
                    </section>
                </Card>
            </div>
        )
    }
    const { settings, mappings } = loaded
    return (
        <div className={classes.stack}>
            {template}
            <TabBar>
                {SECTIONS().map(([id, label]) => (
                    <Tab key={id} selected={section === id} onClick={() => setSection(id)}>
                        {label}
                    </Tab>
                ))}
            </TabBar>
            <Card>
                <section className={classes.section} data-test={`mapping-${section}`}>
                    {section === 'orgUnits' && (
                        <OrgUnitReview
                            settings={settings}
                            mappings={mappings}
                            kv={config.kv}
                            onSaved={config.reload}
                        />
                    )}
                    {section === 'dataSets' && <DataSetGrid mappings={mappings} />}
                    {section === 'tracker' && <TrackerView tracker={mappings.tracker} />}
                    {section === 'validate' && <ValidatePanel mappings={mappings} />}
                    {section === 'file' && (
                        <ExportImport mappings={mappings} kv={config.kv} onSaved={config.reload} />
                    )}
                </section>
            </Card>
        </div>
    )
}

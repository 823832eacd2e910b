import { useConfig } from '@dhis2/app-runtime'
import i18n from '@dhis2/d2-i18n'
import { Button, ButtonStrip, Card, CircularLoader, NoticeBox } from '@dhis2/ui'
import React from 'react'
import { useConnectorKeys } from '../../config/useConnectorKeys'
import { RUN_INDEX_KEY } from '../../history/useRunIndexQuery'
import type { Route } from '../../navigation/route'
import type { Access } from '../../user/access'
import { LastRun } from './LastRun'
import classes from './OverviewPage.module.css'

/** Where the connector stands on this server: configured or not, the last run, what to do next. */
export function OverviewPage({
    access,
    navigate,
}: {
    access: Access
    navigate: (r: Route) => void
}) {
    const { serverVersion, systemInfo } = useConfig()
    const { loading, error, keys } = useConnectorKeys()
    const version = serverVersion?.full ?? systemInfo?.version ?? '?'
    const configured = keys.includes('settings')
    const mapped = keys.includes('mappings')

    return (
        <div className={classes.cards}>
            <Card dataTest="connector-status">
                <section className={classes.cardBody} aria-labelledby="status-title">
                    <h2 id="status-title" className={classes.cardTitle}>
                        {i18n.t('Status')}
                    </h2>
                    <p>{i18n.t('Connected to DHIS2 {{version}}', { version })}</p>
                    {loading && <CircularLoader small />}
                    {!loading && error && (
                        <NoticeBox error title={i18n.t('Could not read the connector settings')}>
                            {error.message}
                        </NoticeBox>
                    )}
                    {!loading && !error && !configured && (
                        <NoticeBox title={i18n.t('No OpenSRP connection yet')}>
                            {i18n.t(
                                'An administrator needs to set up the connection to OpenSRP before data can be imported.'
                            )}
                        </NoticeBox>
                    )}
                    {!loading && !error && configured && (
                        <NoticeBox valid title={i18n.t('Connection configured')}>
                            {i18n.t('The OpenSRP connection settings are saved on this server.')}{' '}
                            {mapped
                                ? i18n.t('Mappings are saved.')
                                : i18n.t('Mappings are not set up yet.')}
                        </NoticeBox>
                    )}
                </section>
            </Card>
            <Card dataTest="connector-last-run">
                <section className={classes.cardBody} aria-labelledby="last-run-title">
                    <h2 id="last-run-title" className={classes.cardTitle}>
                        {i18n.t('Last import')}
                    </h2>
                    {loading && <CircularLoader small />}
                    {!loading && !error && keys.includes(RUN_INDEX_KEY) && (
                        <LastRun access={access} navigate={navigate} />
                    )}
                    {!loading && !error && !keys.includes(RUN_INDEX_KEY) && (
                        <p>{i18n.t('No import has run yet.')}</p>
                    )}
                </section>
            </Card>
            <ButtonStrip>
                {access.canConfigure && (
                    <Button onClick={() => navigate({ page: 'connection' })}>
                        {i18n.t('Set up the connection')}
                    </Button>
                )}
                {access.canConfigure && (
                    <Button onClick={() => navigate({ page: 'mapping' })}>
                        {i18n.t('Edit the mappings')}
                    </Button>
                )}
                {access.canRun && (
                    <Button primary onClick={() => navigate({ page: 'run' })}>
                        {i18n.t('Run an import')}
                    </Button>
                )}
                <Button onClick={() => navigate({ page: 'history' })}>
                    {i18n.t('See the import history')}
                </Button>
            </ButtonStrip>
        </div>
    )
}

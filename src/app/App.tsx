import { useConfig, useDataQuery } from '@dhis2/app-runtime'
import i18n from '@dhis2/d2-i18n'
import { Card, CircularLoader, NoticeBox } from '@dhis2/ui'
import React from 'react'
import classes from './App.module.css'
// Generated from i18n/*.po by `d2-app-scripts i18n generate` (build, start and npm test run it).
import '../locales'

const settingsQuery = {
    settings: {
        resource: 'dataStore/opensrp-connector',
    },
} as const

const hasKeys = (value: unknown): value is string[] =>
    Array.isArray(value) && value.every((key) => typeof key === 'string')

/** DHIS2 answers 404 "Namespace not found" for a namespace without keys (reference §3.5). */
const isNotFound = (error: { details?: { httpStatusCode?: number } } | undefined) =>
    error?.details?.httpStatusCode === 404

/**
 * The app's first screen: where the connector stands on this DHIS2 server. Pages for the
 * connection, mappings, runs and summaries grow from here.
 */
const App = () => {
    const { serverVersion, systemInfo } = useConfig()
    const { loading, error, data } = useDataQuery(settingsQuery)
    const keys = hasKeys(data?.settings) ? data.settings : []
    const failed = error !== undefined && !isNotFound(error)
    const notConfigured = !failed && !keys.includes('settings')
    const version = serverVersion?.full ?? systemInfo?.version ?? '?'

    return (
        <main className={classes.page}>
            <h1 className={classes.title}>{i18n.t('OpenSRP Connector')}</h1>
            <p className={classes.lead}>
                {i18n.t(
                    'Imports OpenSRP clients, vaccinations and immunisation counts into DHIS2.'
                )}
            </p>
            <Card dataTest="connector-status">
                <div className={classes.cardBody}>
                    <p>{i18n.t('Connected to DHIS2 {{version}}', { version })}</p>
                    {loading && <CircularLoader small />}
                    {!loading && failed && (
                        <NoticeBox error title={i18n.t('Could not read the connector settings')}>
                            {error.message}
                        </NoticeBox>
                    )}
                    {!loading && notConfigured && (
                        <NoticeBox title={i18n.t('No OpenSRP connection yet')}>
                            {i18n.t(
                                'An administrator needs to set up the connection to OpenSRP before data can be imported.'
                            )}
                        </NoticeBox>
                    )}
                    {!loading && !failed && !notConfigured && (
                        <NoticeBox valid title={i18n.t('Connection configured')}>
                            {i18n.t('The OpenSRP connection settings are saved on this server.')}
                        </NoticeBox>
                    )}
                </div>
            </Card>
        </main>
    )
}

export default App

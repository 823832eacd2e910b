import { CustomDataProvider, FetchError, Provider } from '@dhis2/app-runtime'
import i18n from '@dhis2/d2-i18n'
import { render, screen } from '@testing-library/react'
import React from 'react'
import App from './App'

function renderApp(data: Parameters<typeof CustomDataProvider>[0]['data']) {
    return render(
        <Provider
            config={{
                baseUrl: 'http://dhis2.test',
                apiVersion: 41,
                serverVersion: { major: 2, minor: 41, patch: 3, full: '2.41.3' },
            }}
            userInfo={undefined}
            plugin={false}
            parentAlertsAdd={() => undefined}
            showAlertsInPlugin
        >
            <CustomDataProvider data={data}>
                <App />
            </CustomDataProvider>
        </Provider>
    )
}

describe('App', () => {
    it('tells an admin that the OpenSRP connection is not set up yet', async () => {
        renderApp({ 'dataStore/opensrp-connector': [] })
        expect(await screen.findByText('No OpenSRP connection yet')).toBeInTheDocument()
        expect(screen.getByText('Connected to DHIS2 2.41.3')).toBeInTheDocument()
    })

    it('shows that the connection is configured once settings exist', async () => {
        renderApp({ 'dataStore/opensrp-connector': ['settings'] })
        expect(await screen.findByText('Connection configured')).toBeInTheDocument()
    })

    it('tells an admin the connection is not set up when the namespace does not exist yet', async () => {
        renderApp({
            'dataStore/opensrp-connector': async () => {
                throw new FetchError({
                    type: 'unknown',
                    message: "Namespace not found: 'opensrp-connector'",
                    details: {
                        httpStatusCode: 404,
                        message: "Namespace not found: 'opensrp-connector'",
                    },
                })
            },
        })
        expect(await screen.findByText('No OpenSRP connection yet')).toBeInTheDocument()
    })

    it('shows why the settings could not be read instead of claiming nothing is set up', async () => {
        renderApp({
            'dataStore/opensrp-connector': async () => {
                throw new FetchError({
                    type: 'access',
                    message: 'Access denied for key',
                    details: { httpStatusCode: 403, message: 'Access denied for key' },
                })
            },
        })
        expect(await screen.findByText('Could not read the connector settings')).toBeInTheDocument()
        expect(screen.getByText('Access denied for key')).toBeInTheDocument()
        expect(screen.queryByText('No OpenSRP connection yet')).not.toBeInTheDocument()
    })

    it('speaks Bangla to a user whose DHIS2 interface language is Bangla', async () => {
        // What the app adapter does for a user whose keyUiLocale is 'bn' (its localeUtils).
        i18n.setDefaultNamespace('default')
        await i18n.changeLanguage('bn')
        try {
            renderApp({ 'dataStore/opensrp-connector': [] })
            expect(await screen.findByText('এখনও OpenSRP সংযোগ নেই')).toBeInTheDocument()
            expect(screen.getByText('OpenSRP কানেক্টর')).toBeInTheDocument()
            expect(screen.getByText('DHIS2 2.41.3-এর সাথে সংযুক্ত')).toBeInTheDocument()
        } finally {
            await i18n.changeLanguage('en')
        }
    })
})

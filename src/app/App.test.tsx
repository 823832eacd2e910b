import { CustomDataProvider, Provider } from '@dhis2/app-runtime'
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
})

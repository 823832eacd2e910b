import { FetchError } from '@dhis2/app-runtime'
import i18n from '@dhis2/d2-i18n'
import { fireEvent, screen, within } from '@testing-library/react'
import React from 'react'
import App from './App'
import { renderWithDhis2 } from './testing/renderWithDhis2'
import { admin, configurer, nurse, operator } from './testing/users'

const notFound = (message: string) =>
    new FetchError({
        type: 'unknown',
        message,
        details: { httpStatusCode: 404, message },
    })

const menuLabels = () =>
    within(screen.getByTestId('connector-navigation'))
        .getAllByRole('menuitem')
        .map((link) => link.textContent)

beforeEach(() => {
    window.location.hash = ''
})

describe('App', () => {
    it('tells an admin that the OpenSRP connection is not set up yet', async () => {
        renderWithDhis2(<App />, { data: { 'dataStore/opensrp-connector': [] }, user: admin })
        expect(await screen.findByText('No OpenSRP connection yet')).toBeInTheDocument()
        expect(screen.getByText('Connected to DHIS2 2.41.3')).toBeInTheDocument()
        expect(screen.getByText('No import has run yet.')).toBeInTheDocument()
    })

    it('shows that the connection is configured once settings exist', async () => {
        renderWithDhis2(<App />, {
            data: { 'dataStore/opensrp-connector': ['settings'] },
            user: admin,
        })
        expect(await screen.findByText('Connection configured')).toBeInTheDocument()
        expect(screen.getByText(/Mappings are not set up yet/)).toBeInTheDocument()
    })

    it('tells an admin the connection is not set up when the namespace does not exist yet', async () => {
        renderWithDhis2(<App />, {
            data: {
                'dataStore/opensrp-connector': async () => {
                    throw notFound("Namespace not found: 'opensrp-connector'")
                },
            },
            user: admin,
        })
        expect(await screen.findByText('No OpenSRP connection yet')).toBeInTheDocument()
    })

    it('shows why the settings could not be read instead of claiming nothing is set up', async () => {
        renderWithDhis2(<App />, {
            data: {
                'dataStore/opensrp-connector': async () => {
                    throw new FetchError({
                        type: 'access',
                        message: 'Access denied for key',
                        details: { httpStatusCode: 403, message: 'Access denied for key' },
                    })
                },
            },
            user: admin,
        })
        expect(await screen.findByText('Could not read the connector settings')).toBeInTheDocument()
        expect(screen.getByText('Access denied for key')).toBeInTheDocument()
        expect(screen.queryByText('No OpenSRP connection yet')).not.toBeInTheDocument()
    })

    it('offers an admin every page', async () => {
        renderWithDhis2(<App />, { data: { 'dataStore/opensrp-connector': [] }, user: admin })
        await screen.findByText('No OpenSRP connection yet')
        expect(menuLabels()).toEqual([
            'Overview',
            'Connection',
            'Mapping',
            'Run an import',
            'Import history',
        ])
    })

    it('moves between pages in place (a link would leave the DHIS2 global shell)', async () => {
        renderWithDhis2(<App />, { data: { 'dataStore/opensrp-connector': [] }, user: admin })
        await screen.findByText('No OpenSRP connection yet')
        const history = screen.getByRole('menuitem', { name: 'Import history' })
        expect(history).toHaveAttribute('href', '#/history')
        // false: the link's own navigation was prevented, the app navigated itself.
        expect(fireEvent.click(history)).toBe(false)
        expect(window.location.hash).toBe('#/history')
        expect(await screen.findByText('No import has run yet.')).toBeInTheDocument()
        expect(screen.queryByText('No OpenSRP connection yet')).not.toBeInTheDocument()
    })

    it('offers an import operator the run but not the configuration', async () => {
        renderWithDhis2(<App />, { data: { 'dataStore/opensrp-connector': [] }, user: operator })
        await screen.findByText('No OpenSRP connection yet')
        expect(menuLabels()).toEqual(['Overview', 'Run an import', 'Import history'])
    })

    it('offers a configurer the configuration but not the run', async () => {
        renderWithDhis2(<App />, {
            data: { 'dataStore/opensrp-connector': [] },
            user: configurer,
        })
        await screen.findByText('No OpenSRP connection yet')
        expect(menuLabels()).toEqual(['Overview', 'Connection', 'Mapping', 'Import history'])
    })

    it('offers a nurse neither run nor configuration, even through a link', async () => {
        window.location.hash = '#/run'
        renderWithDhis2(<App />, { data: {}, user: nurse })
        expect(menuLabels()).toEqual(['Overview', 'Import history'])
        expect(screen.getByText('You do not have access to this page')).toBeInTheDocument()
        expect(screen.queryByRole('button', { name: 'Run an import' })).not.toBeInTheDocument()
    })

    it('speaks Bangla to a user whose DHIS2 interface language is Bangla', async () => {
        // What the app adapter does for a user whose keyUiLocale is 'bn' (its localeUtils).
        i18n.setDefaultNamespace('default')
        await i18n.changeLanguage('bn')
        try {
            renderWithDhis2(<App />, { data: { 'dataStore/opensrp-connector': [] } })
            expect(await screen.findByText('এখনও OpenSRP সংযোগ নেই')).toBeInTheDocument()
            expect(screen.getByText('OpenSRP কানেক্টর')).toBeInTheDocument()
            expect(screen.getByText('DHIS2 2.41.3-এর সাথে সংযুক্ত')).toBeInTheDocument()
        } finally {
            await i18n.changeLanguage('en')
        }
    })
})

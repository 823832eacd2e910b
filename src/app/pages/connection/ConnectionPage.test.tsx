import { FetchError } from '@dhis2/app-runtime'
import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import React from 'react'
import { defaultSettings } from '../../../core/config/defaults'
import { bdMappings } from '../../../core/templates/bdMappings'
import { configDataStore } from '../../testing/fixtures'
import { pending, renderWithDhis2, type StubRequest } from '../../testing/renderWithDhis2'
import { ConnectionPage } from './ConnectionPage'

const ROUTE = {
    id: 'RtE0penSrp1',
    code: 'opensrp',
    name: 'OpenSRP',
    url: 'https://opensrp.example.org/opensrp/**',
    auth: { type: 'http-basic' },
    authorities: ['OPENSRP_CONNECTOR_RUN_IMPORT'],
    sharing: { public: '--------' },
}

const RUN = 'routes/opensrp/run/rest'
const working = {
    [`${RUN}/event/countAll`]: { count: 1200 },
    [`${RUN}/client/countAll`]: { count: 340 },
    [`${RUN}/location/getAll`]: [{ id: 'loc-1', properties: { name: 'Mouchak' } }],
    [`${RUN}/event/getAll`]: { events: [], clients: [] },
}

/** Nothing saved in the connector's dataStore yet. */
const unconfigured = () => ({ dataStore: configDataStore({}).handler })

const type = (label: RegExp | string, value: string) =>
    fireEvent.change(screen.getByLabelText(label), { target: { value } })

describe('Connection page', () => {
    it('shows a loader while the routes are read', () => {
        renderWithDhis2(<ConnectionPage />, { data: { routes: pending, ...unconfigured() } })
        expect(screen.getByRole('progressbar')).toBeInTheDocument()
    })

    it('says why the routes could not be read', async () => {
        renderWithDhis2(<ConnectionPage />, {
            data: {
                ...unconfigured(),
                routes: async () => {
                    throw new FetchError({ type: 'access', message: 'Forbidden', details: {} })
                },
            },
        })
        expect(await screen.findByText('Could not read the DHIS2 routes')).toBeInTheDocument()
    })

    it('creates a private route run by import operators, and forgets the password once saved', async () => {
        const sent: StubRequest[] = []
        let routes: unknown[] = []
        renderWithDhis2(<ConnectionPage />, {
            data: {
                ...unconfigured(),
                routes: (kind: string, query: StubRequest) => {
                    if (kind === 'read') return { routes }
                    sent.push(query)
                    routes = [ROUTE]
                    return { httpStatusCode: 201, response: { uid: ROUTE.id } }
                },
            },
        })
        expect(await screen.findByText('No route yet')).toBeInTheDocument()
        expect(screen.getByRole('button', { name: 'Test connection' })).toBeDisabled()

        fireEvent.click(screen.getByRole('button', { name: 'Save route' }))
        expect(await screen.findByText('Type the OpenSRP address.')).toBeInTheDocument()
        expect(sent).toEqual([])

        type(/OpenSRP address/, 'https://opensrp.example.org/opensrp/')
        type(/OpenSRP user name/, 'opensrp-admin')
        type(/OpenSRP password/, 'Admin123')
        fireEvent.click(screen.getByRole('button', { name: 'Save route' }))

        expect(await screen.findByText('Route saved')).toBeInTheDocument()
        expect(sent).toEqual([
            expect.objectContaining({
                data: {
                    name: 'OpenSRP',
                    code: 'opensrp',
                    url: 'https://opensrp.example.org/opensrp/**',
                    auth: { type: 'http-basic', username: 'opensrp-admin', password: 'Admin123' },
                    authorities: ['OPENSRP_CONNECTOR_RUN_IMPORT'],
                    sharing: { public: '--------' },
                },
            }),
        ])
        expect(screen.getByTestId('route-facts')).toHaveTextContent(
            'https://opensrp.example.org/opensrp'
        )
        expect(screen.queryByDisplayValue('Admin123')).not.toBeInTheDocument()
    })

    it('changes an existing route with PUT, asking for the secret again', async () => {
        const sent: Array<{ kind: string; query: StubRequest }> = []
        renderWithDhis2(<ConnectionPage />, {
            data: {
                ...unconfigured(),
                routes: (kind: string, query: StubRequest) => {
                    if (kind === 'read')
                        return { routes: [{ ...ROUTE, sharing: { public: 'rw------' } }] }
                    sent.push({ kind, query })
                    return { httpStatusCode: 200 }
                },
            },
        })
        expect(await screen.findByText('Anyone can use this route')).toBeInTheDocument()
        fireEvent.click(screen.getByRole('button', { name: 'Change the route' }))
        expect(screen.getByLabelText(/OpenSRP address/)).toHaveValue(
            'https://opensrp.example.org/opensrp'
        )
        expect(screen.getByLabelText(/OpenSRP password/)).toHaveValue('')
        type(/OpenSRP user name/, 'opensrp-admin')
        fireEvent.click(screen.getByRole('button', { name: 'Save route' }))
        expect(await screen.findByText('Type the password.')).toBeInTheDocument()
        type(/OpenSRP password/, 'New-Secret-1')
        fireEvent.click(screen.getByRole('button', { name: 'Save route' }))
        await waitFor(() => expect(sent).toHaveLength(1))
        expect(sent[0]?.kind).toBe('replace')
        expect(sent[0]?.query).toMatchObject({
            id: ROUTE.id,
            data: { sharing: { public: '--------' } },
        })
    })

    it('shows why DHIS2 refused to save the route', async () => {
        renderWithDhis2(<ConnectionPage />, {
            data: {
                ...unconfigured(),
                routes: (kind: string) => {
                    if (kind === 'read') return { routes: [] }
                    throw new FetchError({
                        type: 'access',
                        message: 'Route URL is not allowed by route.remote_servers_allowed',
                        details: { httpStatusCode: 409 },
                    })
                },
            },
        })
        await screen.findByText('No route yet')
        type(/OpenSRP address/, 'http://10.0.0.5/opensrp')
        type(/OpenSRP user name/, 'a')
        type(/OpenSRP password/, 'b')
        fireEvent.click(screen.getByRole('button', { name: 'Save route' }))
        expect(await screen.findByText('The route was not saved')).toBeInTheDocument()
        expect(
            screen.getByText('Route URL is not allowed by route.remote_servers_allowed')
        ).toBeInTheDocument()
    })

    it('says the connection works, with the record counts', async () => {
        renderWithDhis2(<ConnectionPage />, {
            data: { routes: { routes: [ROUTE] }, ...working, ...unconfigured() },
        })
        fireEvent.click(await screen.findByRole('button', { name: 'Test connection' }))
        expect(await screen.findByText('The connection works')).toBeInTheDocument()
        expect(screen.getByTestId('check-events-count')).toHaveTextContent('(1,200 events)')
        expect(screen.getByTestId('check-clients-count')).toHaveTextContent('(340 clients)')
    })

    it('names the missing OpenSRP role when locations are forbidden', async () => {
        renderWithDhis2(<ConnectionPage />, {
            data: {
                ...unconfigured(),
                routes: { routes: [ROUTE] },
                ...working,
                [`${RUN}/location/getAll`]: async () => {
                    throw new FetchError({ type: 'access', message: 'Forbidden', details: {} })
                },
                [`${RUN}/event/getAll`]: async () => {
                    throw new FetchError({ type: 'access', message: 'Forbidden', details: {} })
                },
            },
        })
        fireEvent.click(await screen.findByRole('button', { name: 'Test connection' }))
        expect(await screen.findByText('The connection does not work yet')).toBeInTheDocument()
        const locations = screen.getByTestId('check-locations')
        expect(locations).toHaveTextContent('Does not work')
        expect(within(locations).getByText(/lacks the ALL_EVENTS role/)).toBeInTheDocument()
        expect(screen.getByTestId('check-events-count')).toHaveTextContent('Works')
    })

    it('says OpenSRP refused the stored credentials, and tries nothing else', async () => {
        renderWithDhis2(<ConnectionPage />, {
            data: {
                ...unconfigured(),
                routes: { routes: [ROUTE] },
                [`${RUN}/event/countAll`]: async () => {
                    throw new FetchError({ type: 'access', message: 'Unauthorized', details: {} })
                },
            },
        })
        fireEvent.click(await screen.findByRole('button', { name: 'Test connection' }))
        expect(
            await screen.findByText(/did not accept the credentials stored in the route/)
        ).toBeInTheDocument()
        expect(screen.getByTestId('check-locations')).toHaveTextContent('Not tried')
    })

    it('offers OAuth2 client credentials from DHIS2 2.42 only', async () => {
        const openSignIn = async () => {
            await screen.findByText('No route yet')
            fireEvent.click(
                screen.getByText('User name and password', { selector: '[data-test] *' })
            )
        }
        const { unmount } = renderWithDhis2(<ConnectionPage />, {
            data: { routes: { routes: [] }, ...unconfigured() },
            minor: 42,
        })
        await openSignIn()
        expect(await screen.findByText('OAuth2 client credentials')).toBeInTheDocument()
        unmount()
        renderWithDhis2(<ConnectionPage />, {
            data: { routes: { routes: [] }, ...unconfigured() },
            minor: 41,
        })
        await openSignIn()
        expect(await screen.findByText('API token')).toBeInTheDocument()
        expect(screen.queryByText('OAuth2 client credentials')).not.toBeInTheDocument()
    })
})

describe('Connection page on DHIS2 before 2.40 (no routes)', () => {
    beforeAll(() => {
        if (typeof globalThis.crypto?.getRandomValues !== 'function') {
            Object.defineProperty(globalThis, 'crypto', {
                value: require('crypto').webcrypto,
                configurable: true,
            })
        }
    })

    it('explains that OpenSRP must allow this origin, and saves the address and the encrypted credentials', async () => {
        const store = configDataStore({})
        const secrets: StubRequest[] = []
        renderWithDhis2(<ConnectionPage />, {
            minor: 39,
            data: {
                dataStore: store.handler,
                'dataStore/opensrp-connector': (_kind: string, query: StubRequest) => {
                    secrets.push(query)
                    return { httpStatusCode: 200 }
                },
            },
        })
        expect(await screen.findByText('This DHIS2 has no routes')).toBeInTheDocument()
        expect(
            screen.getByText(new RegExp(window.location.origin.replace(/[.:/]/g, '.')))
        ).toBeInTheDocument()
        type(/OpenSRP address/, 'https://opensrp.example.org/opensrp/')
        type(/OpenSRP user name/, 'opensrp-admin')
        type(/OpenSRP password/, 'Admin123')
        fireEvent.click(screen.getByRole('button', { name: 'Save the connection' }))
        // Saving runs several requests in turn (settings, then the encrypted secrets).
        expect(
            await screen.findByText('Connection saved', undefined, { timeout: 4000 })
        ).toBeInTheDocument()
        expect(store.values.settings).toMatchObject({
            opensrp: { mode: 'direct', baseUrl: 'https://opensrp.example.org/opensrp' },
            uidSalt: expect.stringMatching(/^[0-9a-f]{32}$/),
        })
        expect(secrets).toEqual([
            expect.objectContaining({
                id: 'secrets',
                params: { encrypt: 'true' },
                data: {
                    version: 1,
                    opensrp: { type: 'basic', username: 'opensrp-admin', password: 'Admin123' },
                },
            }),
        ])
        expect(screen.queryByDisplayValue('Admin123')).not.toBeInTheDocument()
    })

    it('asks for the credentials before testing when none are saved', async () => {
        const store = configDataStore({})
        renderWithDhis2(<ConnectionPage />, { minor: 39, data: { dataStore: store.handler } })
        fireEvent.click(await screen.findByRole('button', { name: 'Test connection' }))
        expect(
            await screen.findByText('Type the OpenSRP address, user name and password first.')
        ).toBeInTheDocument()
    })
})

describe('Test connection reads events the way runs will', () => {
    it('asks the sync endpoint, which needs no ALL_EVENTS, when the settings say so', async () => {
        const settings = {
            ...defaultSettings({ uidSalt: 'salt-of-this-installation' }),
            events: { endpoint: 'sync', locationIds: ['loc-1'] },
        }
        renderWithDhis2(<ConnectionPage />, {
            data: {
                dataStore: configDataStore({ settings, mappings: bdMappings() }).handler,
                routes: { routes: [ROUTE] },
                ...working,
                [`${RUN}/event/getAll`]: async () => {
                    throw new Error('getAll must not be asked')
                },
                [`${RUN}/event/sync`]: { events: [], clients: [] },
            },
        })
        await waitFor(() =>
            expect(screen.getByRole('button', { name: 'Test connection' })).toBeEnabled()
        )
        fireEvent.click(screen.getByRole('button', { name: 'Test connection' }))
        expect(await screen.findByText('The connection works')).toBeInTheDocument()
    })
})

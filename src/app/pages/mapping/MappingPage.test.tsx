import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import { webcrypto } from 'crypto'
import React from 'react'
import { bdMappings } from '../../../core/templates/bdMappings'
import { defaultSettings } from '../../../core/config/defaults'
import { bdMetadataStubs } from '../../testing/bdMetadataStubs'
import { configDataStore, locationsStub } from '../../testing/fixtures'
import { pending, renderWithDhis2 } from '../../testing/renderWithDhis2'
import { admin } from '../../testing/users'
import { MappingPage } from './MappingPage'

if (typeof globalThis.crypto?.getRandomValues !== 'function') {
    Object.defineProperty(globalThis, 'crypto', { value: webcrypto, configurable: true })
}

const SETTINGS = defaultSettings({ uidSalt: 'salt-of-this-installation' })
const metadata = bdMetadataStubs()

function renderMapping(
    store: ReturnType<typeof configDataStore>,
    extra: Record<string, unknown> = {}
) {
    return renderWithDhis2(<MappingPage />, {
        data: { dataStore: store.handler, ...metadata, ...extra },
        user: admin,
    })
}

const openTab = async (name: string) => fireEvent.click(await screen.findByText(name))

describe('Mapping page', () => {
    it('shows a loader while the configuration is read', () => {
        renderWithDhis2(<MappingPage />, { data: { dataStore: pending }, user: admin })
        expect(screen.getByRole('progressbar')).toBeInTheDocument()
    })

    it('starts a new installation from the Bangladesh template, with a fresh UID salt', async () => {
        const store = configDataStore({})
        renderMapping(store, { 'routes/opensrp/run/rest/location/getAll': locationsStub([]) })
        expect(await screen.findByText('No mappings yet')).toBeInTheDocument()
        fireEvent.click(screen.getByRole('button', { name: 'Start from the Bangladesh template' }))
        await screen.findByText('Tracker programs')
        expect(store.writes.map((w) => w.key)).toEqual(['settings', 'mappings'])
        expect(store.values.settings).toMatchObject({
            version: 1,
            opensrp: { mode: 'route', routeCode: 'opensrp' },
            uidSalt: expect.stringMatching(/^[0-9a-f]{32}$/),
        })
        expect(store.values.mappings).toEqual(bdMappings())
    })

    it('asks before replacing mappings, and keeps the settings and their salt', async () => {
        const store = configDataStore({ settings: SETTINGS, mappings: bdMappings() })
        renderMapping(store, { 'routes/opensrp/run/rest/location/getAll': locationsStub([]) })
        fireEvent.click(
            await screen.findByRole('button', { name: 'Start from the Bangladesh template' })
        )
        expect(await screen.findByText('Replace the mappings?')).toBeInTheDocument()
        fireEvent.click(screen.getByRole('button', { name: 'Replace the mappings' }))
        await waitFor(() => expect(store.writes.map((w) => w.key)).toEqual(['mappings']))
        expect(store.values.settings).toEqual(SETTINGS)
    })

    it('names what is wrong with a stored configuration', async () => {
        const store = configDataStore({ settings: SETTINGS, mappings: { version: 1, orgUnits: 3 } })
        renderMapping(store)
        expect(await screen.findByText('The saved configuration is not valid')).toBeInTheDocument()
        expect(screen.getAllByText(/mappings\.orgUnits/).length).toBeGreaterThan(0)
    })

    it('matches OpenSRP locations to org units, says how, and saves a choice made by hand', async () => {
        const store = configDataStore({ settings: SETTINGS, mappings: bdMappings() })
        renderMapping(store, {
            'routes/opensrp/run/rest/location/getAll': locationsStub([
                { id: 'yI54G6cBAtY', name: 'Ward 1 (OpenSRP)' },
                { id: 'loc-w2', name: 'Mouchak Ward 2 EPI Centre' },
                { id: 'loc-x', name: 'Kaliakair health post' },
            ]),
        })
        expect(await screen.findByTestId('match-count')).toHaveTextContent(
            '2 of 3 OpenSRP locations have a DHIS2 org unit.'
        )
        const rows = screen.getAllByTestId('location-row')
        const row = (name: string) =>
            rows.find((r) => within(r).queryAllByText(name).length > 0) ?? document.body
        expect(row('Ward 1 (OpenSRP)')).toHaveTextContent('Same UID')
        expect(row('Mouchak Ward 2 EPI Centre')).toHaveTextContent('By name')
        expect(row('Kaliakair health post')).toHaveTextContent('Not matched')

        fireEvent.click(
            within(row('Kaliakair health post')).getByTestId('dhis2-uicore-select-input')
        )
        fireEvent.click(await screen.findByText('Mouchak Ward 5 EPI Centre (EPI_MOUCHAK_W5)'))
        fireEvent.click(screen.getByRole('button', { name: 'Save the chosen org units' }))
        await waitFor(() => expect(store.writes).toHaveLength(1))
        expect(store.values.mappings).toMatchObject({
            orgUnits: { explicit: { 'loc-x': 'xSZ5meOiZ6S' } },
        })
    })

    it('shows the monthly data set as data elements × category option combos with their indicators', async () => {
        const store = configDataStore({ settings: SETTINGS, mappings: bdMappings() })
        renderMapping(store, { 'routes/opensrp/run/rest/location/getAll': locationsStub([]) })
        await openTab('Data sets')
        const grids = await screen.findAllByTestId('data-set-grid')
        const bcg = within(grids[0] as HTMLElement)
            .getAllByRole('row')
            .find((r) => /BCG/.test(r.textContent ?? ''))
        expect(bcg).toBeDefined()
        expect(bcg).toHaveTextContent('BCG, every dose')
    })

    it('shows the tracker programs with their attributes and value maps', async () => {
        const store = configDataStore({ settings: SETTINGS, mappings: bdMappings() })
        renderMapping(store, { 'routes/opensrp/run/rest/location/getAll': locationsStub([]) })
        await openTab('Tracker programs')
        expect(await screen.findByText('Child Immunisation (OpenSRP)')).toBeInTheDocument()
        expect(screen.getByText('Maternal TT (OpenSRP)')).toBeInTheDocument()
        expect(screen.getAllByTestId('program-mapping')).toHaveLength(2)
    })

    it('validates the template against DHIS2 and finds it fits', async () => {
        const store = configDataStore({ settings: SETTINGS, mappings: bdMappings() })
        renderMapping(store, { 'routes/opensrp/run/rest/location/getAll': locationsStub([]) })
        await openTab('Validate')
        fireEvent.click(screen.getByRole('button', { name: 'Validate against DHIS2' }))
        expect(await screen.findByText('The mappings fit this DHIS2')).toBeInTheDocument()
    })

    it('names the problems of a mapping that does not fit DHIS2', async () => {
        const broken = bdMappings()
        broken.orgUnits.explicit = { 'loc-x': 'Zz000000000' }
        const store = configDataStore({ settings: SETTINGS, mappings: broken })
        renderMapping(store, { 'routes/opensrp/run/rest/location/getAll': locationsStub([]) })
        await openTab('Validate')
        fireEvent.click(screen.getByRole('button', { name: 'Validate against DHIS2' }))
        const problems = await screen.findByTestId('mapping-problems')
        expect(problems).toHaveTextContent('mappings.orgUnits.explicit')
    })

    it('checks an imported file before saving it', async () => {
        const store = configDataStore({ settings: SETTINGS, mappings: bdMappings() })
        renderMapping(store, { 'routes/opensrp/run/rest/location/getAll': locationsStub([]) })
        await openTab('Export and import')
        const input = await screen.findByLabelText(/Import mappings from a JSON file/, {
            selector: 'input',
        })
        const file = (text: string) =>
            new File([text], 'mappings.json', { type: 'application/json' })

        fireEvent.change(input, { target: { files: [file('{ not json')] } })
        expect(await screen.findByText('This file is not JSON')).toBeInTheDocument()

        fireEvent.change(input, {
            target: { files: [file(JSON.stringify({ ...bdMappings(), outOfAreaKeep: 'both' }))] },
        })
        expect(await screen.findByText('These mappings cannot be used')).toBeInTheDocument()
        expect(store.writes).toEqual([])

        const edited = { ...bdMappings(), outOfAreaKeep: 'home' }
        fireEvent.change(input, { target: { files: [file(JSON.stringify(edited))] } })
        fireEvent.click(
            await screen.findByRole(
                'button',
                { name: 'Save the imported mappings' },
                // Reading and validating a whole mappings file takes a moment on a busy machine.
                { timeout: 4000 }
            )
        )
        await waitFor(() => expect(store.writes).toHaveLength(1))
        expect(store.values.mappings).toMatchObject({ outOfAreaKeep: 'home' })
    })
})

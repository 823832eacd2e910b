import { act, fireEvent, screen, waitFor } from '@testing-library/react'
import React from 'react'
import { SUCCEEDED, fakeRunner } from '../testing/fakeRunner'
import { orgUnitsStub } from '../testing/fixtures'
import { pending, renderWithDhis2 } from '../testing/renderWithDhis2'
import { operator } from '../testing/users'
import { accessOf } from '../user/access'
import { RunnerContext, type Runner } from './runner'
import { RunPage } from './RunPage'

const navigate = jest.fn()
const configured = {
    'dataStore/opensrp-connector': ['settings', 'mappings'],
    organisationUnits: orgUnitsStub,
}

function renderRunPage(runner: Runner | undefined, data: Record<string, unknown> = configured) {
    const page = <RunPage access={accessOf(operator)} navigate={navigate} />
    return renderWithDhis2(
        runner ? <RunnerContext.Provider value={runner}>{page}</RunnerContext.Provider> : page,
        { data, user: operator }
    )
}

const button = (name: string) => screen.getByRole('button', { name })

describe('Run page', () => {
    beforeEach(() => {
        navigate.mockReset()
        // A finished dry run is remembered for the browser tab; every test starts without one.
        window.sessionStorage.clear()
    })

    it('shows a loader while it checks the configuration', () => {
        renderRunPage(fakeRunner().runner, { 'dataStore/opensrp-connector': pending })
        expect(screen.getByRole('progressbar')).toBeInTheDocument()
    })

    it('asks for the set-up first when nothing is configured', async () => {
        renderRunPage(fakeRunner().runner, {
            'dataStore/opensrp-connector': [],
            organisationUnits: orgUnitsStub,
        })
        expect(await screen.findByText('The connector is not set up yet')).toBeInTheDocument()
        expect(button('Dry run')).toBeDisabled()
        expect(button('Run the import')).toBeDisabled()
    })

    it('says so when runs cannot start from this browser', async () => {
        renderRunPage({ ...fakeRunner().runner, unavailable: 'Use the command-line runner.' })
        expect(await screen.findByText('Imports cannot start here')).toBeInTheDocument()
        expect(button('Dry run')).toBeDisabled()
    })

    it('runs a dry run with live phase and counts, and cancels it', async () => {
        const fake = fakeRunner()
        renderRunPage(fake.runner)
        fireEvent.click(await screen.findByRole('button', { name: 'Dry run' }))
        await waitFor(() => expect(fake.calls).toHaveLength(1))
        expect(fake.calls[0]?.request).toEqual({ scope: { streams: 'both' }, dryRun: true })
        act(() => fake.emit({ phase: 'syncing-events', add: { pulled: 500, written: 480 } }))
        expect(screen.getByTestId('run-phase')).toHaveTextContent(
            'Dry run, Importing vaccinations and other events'
        )
        expect(screen.getByText('Would be written to DHIS2').nextSibling).toHaveTextContent('480')
        expect(button('Dry run')).toBeDisabled()
        fireEvent.click(button('Cancel'))
        expect(fake.calls[0]?.options.signal.aborted).toBe(true)
        expect(await screen.findByText('Cancelled')).toBeInTheDocument()
    })

    it('opens the summary of the run when it ends', async () => {
        const fake = fakeRunner()
        renderRunPage(fake.runner)
        fireEvent.click(await screen.findByRole('button', { name: 'Dry run' }))
        await waitFor(() => expect(fake.calls).toHaveLength(1))
        act(() => fake.finish({ runId: 'run42' }))
        await waitFor(() =>
            expect(navigate).toHaveBeenCalledWith({ page: 'history', runId: 'run42' })
        )
    })

    it('says why the import could not run (another run holds the lock)', async () => {
        const fake = fakeRunner()
        renderRunPage(fake.runner)
        fireEvent.click(await screen.findByRole('button', { name: 'Dry run' }))
        await waitFor(() => expect(fake.calls).toHaveLength(1))
        act(() => fake.fail('A manual run by admin has held this scope since 10:02.'))
        expect(await screen.findByText('The import could not run')).toBeInTheDocument()
        expect(screen.getByText(/held this scope since 10:02/)).toBeInTheDocument()
    })

    it('asks before an import that no dry run has checked, then imports', async () => {
        const fake = fakeRunner()
        renderRunPage(fake.runner)
        fireEvent.click(await screen.findByRole('button', { name: 'Run the import' }))
        expect(await screen.findByText('Import without a dry run?')).toBeInTheDocument()
        fireEvent.click(button('Import now'))
        await waitFor(() => expect(fake.calls).toHaveLength(1))
        expect(fake.calls[0]?.request.dryRun).toBe(false)
    })

    it('imports at once after a dry run of the same choice', async () => {
        const fake = fakeRunner()
        renderRunPage(fake.runner)
        fireEvent.change(await screen.findByLabelText(/Periods/), {
            target: { value: '202405' },
        })
        fireEvent.click(button('Dry run'))
        await waitFor(() => expect(fake.calls).toHaveLength(1))
        act(() => fake.finish({ summary: { ...SUCCEEDED, dryRun: true } }))
        await screen.findByTestId('run-summary')
        fireEvent.click(button('Run the import'))
        await waitFor(() => expect(fake.calls).toHaveLength(2))
        expect(fake.calls[1]?.request).toEqual({
            scope: { streams: 'both', periods: ['202405'] },
            dryRun: false,
        })
        expect(screen.queryByText('Import without a dry run?')).not.toBeInTheDocument()
    })

    it('names periods DHIS2 would not understand and does not start', async () => {
        renderRunPage(fakeRunner().runner)
        fireEvent.change(await screen.findByLabelText(/Periods/), {
            target: { value: '2024-05' },
        })
        expect(screen.getByText('Not a DHIS2 period 2024-05')).toBeInTheDocument()
        expect(button('Dry run')).toBeDisabled()
    })

    it("limits the run to the org units chosen in the user's tree, by path", async () => {
        const fake = fakeRunner()
        renderRunPage(fake.runner)
        fireEvent.click(await screen.findByText('Bangladesh'))
        fireEvent.click(button('Dry run'))
        await waitFor(() => expect(fake.calls).toHaveLength(1))
        expect(fake.calls[0]?.request.scope).toEqual({
            streams: 'both',
            orgUnits: ['/NWRRJHHp571'],
        })
    })
})

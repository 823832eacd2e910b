import { FetchError } from '@dhis2/app-runtime'
import { screen } from '@testing-library/react'
import React from 'react'
import { indexEntry, orgUnitsById, PATHS, runIndex } from '../../testing/fixtures'
import { pending, renderWithDhis2 } from '../../testing/renderWithDhis2'
import { admin, nurse } from '../../testing/users'
import { accessOf } from '../../user/access'
import { OverviewPage } from './OverviewPage'

const run = (id: string, startedAt: string, extra: Record<string, unknown> = {}) =>
    indexEntry(id, startedAt, { status: 'succeeded', orgUnits: [], ...extra })

const navigate = jest.fn()

describe('Overview', () => {
    it('shows a loader while the settings are read', () => {
        renderWithDhis2(<OverviewPage access={accessOf(admin)} navigate={navigate} />, {
            data: { 'dataStore/opensrp-connector': pending },
        })
        expect(screen.getAllByRole('progressbar').length).toBeGreaterThan(0)
    })

    it('shows an admin the newest run with its counts', async () => {
        renderWithDhis2(<OverviewPage access={accessOf(admin)} navigate={navigate} />, {
            data: {
                'dataStore/opensrp-connector': ['settings', 'mappings', 'runs.index'],
                'dataStore/opensrp-connector/runs.index': runIndex(
                    run('newer', '2024-06-03T08:00:00.000Z', {
                        status: 'completed-with-errors',
                    }),
                    run('older', '2024-06-01T08:00:00.000Z', { status: 'failed' })
                ),
            },
        })
        expect(await screen.findByText('Completed with errors')).toBeInTheDocument()
        expect(screen.getByText(/Started .*2024.* by admin/)).toBeInTheDocument()
        expect(screen.getByText('Written to DHIS2').nextSibling).toHaveTextContent('100')
        expect(screen.getByText(/Mappings are saved/)).toBeInTheDocument()
    })

    it("shows a nurse the newest run that covered her facility, not her neighbour's", async () => {
        renderWithDhis2(<OverviewPage access={accessOf(nurse)} navigate={navigate} />, {
            data: {
                'dataStore/opensrp-connector': ['settings', 'runs.index'],
                'dataStore/opensrp-connector/runs.index': runIndex(
                    run('ward2', '2024-06-03T08:00:00.000Z', {
                        status: 'failed',
                        scope: { streams: 'both', orgUnits: [PATHS.YA71Hl4qHqf] },
                        orgUnits: ['YA71Hl4qHqf'],
                    }),
                    run('national', '2024-06-01T08:00:00.000Z', { status: 'succeeded' })
                ),
                organisationUnits: orgUnitsById,
            },
        })
        expect(await screen.findByTestId('run-status')).toHaveTextContent('Succeeded')
        expect(screen.queryByRole('button', { name: 'Run an import' })).not.toBeInTheDocument()
        expect(
            screen.queryByRole('button', { name: 'Set up the connection' })
        ).not.toBeInTheDocument()
    })

    it('says so when the history cannot be read', async () => {
        renderWithDhis2(<OverviewPage access={accessOf(admin)} navigate={navigate} />, {
            data: {
                'dataStore/opensrp-connector': ['settings', 'runs.index'],
                'dataStore/opensrp-connector/runs.index': async () => {
                    throw new FetchError({
                        type: 'unknown',
                        message: 'An unknown error occurred - Internal Server Error (500)',
                        details: {},
                    })
                },
            },
        })
        expect(await screen.findByText('Could not read the import history')).toBeInTheDocument()
    })
})

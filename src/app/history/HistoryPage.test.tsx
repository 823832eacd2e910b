import { FetchError } from '@dhis2/app-runtime'
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react'
import React from 'react'
import {
    dataStoreStub,
    indexEntry,
    orgUnitsById,
    PATHS,
    reportKeyOf,
    runIndex,
    runReport,
} from '../testing/fixtures'
import { RunnerContext } from '../run/runner'
import { fakeRunner } from '../testing/fakeRunner'
import { pending, renderWithDhis2 } from '../testing/renderWithDhis2'
import { admin, nurse } from '../testing/users'
import { accessOf } from '../user/access'
import { HistoryPage } from './HistoryPage'

const navigate = jest.fn()
const W1_RUN = '2024-06-03T08:00:00.000Z'
const W2_RUN = '2024-06-02T08:00:00.000Z'

const history = () => ({
    'dataStore/opensrp-connector': dataStoreStub({
        settings: {},
        'runs.index': {},
        [reportKeyOf('w1', W1_RUN)]: {},
        [reportKeyOf('w2', W2_RUN)]: {},
    }),
    'dataStore/opensrp-connector/runs.index': runIndex(
        indexEntry('w1', W1_RUN, {
            user: 'operator',
            scope: { streams: 'tracker', orgUnits: [PATHS.yI54G6cBAtY] },
            orgUnits: ['yI54G6cBAtY'],
        }),
        indexEntry('w2', W2_RUN, {
            status: 'failed',
            trigger: 'scheduled',
            scope: { streams: 'aggregate', orgUnits: [PATHS.YA71Hl4qHqf], periods: ['202405'] },
            orgUnits: ['YA71Hl4qHqf'],
        })
    ),
    organisationUnits: orgUnitsById,
})

describe('Import history', () => {
    beforeEach(() => navigate.mockReset())

    it('shows a loader while the history is read', () => {
        renderWithDhis2(<HistoryPage access={accessOf(admin)} navigate={navigate} />, {
            data: { 'dataStore/opensrp-connector': pending },
        })
        expect(screen.getByRole('progressbar')).toBeInTheDocument()
    })

    it('says no import has run before the first one', async () => {
        renderWithDhis2(<HistoryPage access={accessOf(admin)} navigate={navigate} />, {
            data: { 'dataStore/opensrp-connector': ['settings'] },
        })
        expect(await screen.findByText('No import has run yet.')).toBeInTheDocument()
    })

    it('says why the history could not be read', async () => {
        renderWithDhis2(<HistoryPage access={accessOf(admin)} navigate={navigate} />, {
            data: {
                'dataStore/opensrp-connector': async () => {
                    throw new FetchError({
                        type: 'unknown',
                        message: 'An unknown error occurred - Bad Gateway (502)',
                        details: {},
                    })
                },
            },
        })
        expect(await screen.findByText('Could not read the import history')).toBeInTheDocument()
    })

    it('lists every run for an admin: who, when, how, what, the result and the counts', async () => {
        renderWithDhis2(<HistoryPage access={accessOf(admin)} navigate={navigate} />, {
            data: history(),
        })
        await screen.findByText('Tracker · Mouchak Ward 1 EPI Centre')
        const rows = screen.getAllByTestId('run-row')
        expect(rows).toHaveLength(2)
        expect(rows[0]).toHaveTextContent('operator')
        expect(rows[0]).toHaveTextContent('Started by hand')
        expect(rows[0]).toHaveTextContent('Tracker · Mouchak Ward 1 EPI Centre')
        expect(rows[0]).toHaveTextContent('Completed with errors')
        expect(rows[1]).toHaveTextContent('Scheduled')
        expect(rows[1]).toHaveTextContent('Aggregate · Mouchak Ward 2 EPI Centre · periods 202405')
        expect(rows[1]).toHaveTextContent('Failed')
        fireEvent.click(within(rows[1] as HTMLElement).getByRole('button', { name: 'Open' }))
        expect(navigate).toHaveBeenCalledWith({ page: 'history', runId: 'w2' })
    })

    it('shows a nurse only the runs of her facility', async () => {
        renderWithDhis2(<HistoryPage access={accessOf(nurse)} navigate={navigate} />, {
            data: history(),
        })
        await screen.findByText('Tracker · Mouchak Ward 1 EPI Centre')
        expect(screen.getAllByTestId('run-row')).toHaveLength(1)
        expect(screen.queryByText('Errors')).not.toBeInTheDocument()
    })

    it('tells a nurse when no run touched her facility', async () => {
        const data = history()
        data['dataStore/opensrp-connector/runs.index'] = runIndex(
            indexEntry('w2', W2_RUN, {
                scope: { streams: 'aggregate', orgUnits: [PATHS.YA71Hl4qHqf] },
                orgUnits: ['YA71Hl4qHqf'],
            })
        )
        renderWithDhis2(<HistoryPage access={accessOf(nurse)} navigate={navigate} />, { data })
        expect(
            await screen.findByText('No import has run for your org units yet.')
        ).toBeInTheDocument()
    })
})

describe('A run summary', () => {
    const REPORT_KEY = reportKeyOf('w1', W1_RUN)
    const summaryData = (report: unknown = runReport('w1', W1_RUN)) => ({
        'dataStore/opensrp-connector': dataStoreStub({ 'runs.index': {}, [REPORT_KEY]: report }),
        organisationUnits: orgUnitsById,
    })

    it('groups the problems by code with what happened and what to do', async () => {
        renderWithDhis2(<HistoryPage access={accessOf(admin)} navigate={navigate} runId="w1" />, {
            data: summaryData(),
        })
        const groups = await screen.findAllByTestId('conflict-group')
        expect(groups).toHaveLength(2)
        expect(groups[0]).toHaveTextContent('E1064')
        expect(groups[0]).toHaveTextContent('2')
        expect(groups[1]).toHaveTextContent('OSRP_NO_ORG_UNIT')
        expect(groups[1]).toHaveTextContent('not linked to a DHIS2 facility')
        expect(screen.getByTestId('run-totals')).toHaveTextContent('Created in tracker60')
    })

    it('says of a dry run what it would write, not what it wrote', async () => {
        const report = runReport('w1', W1_RUN)
        const dry = { ...report, dryRun: true, summary: { ...report.summary, dryRun: true } }
        renderWithDhis2(<HistoryPage access={accessOf(admin)} navigate={navigate} runId="w1" />, {
            data: summaryData(dry),
        })
        const totals = await screen.findByTestId('run-totals')
        expect(totals).toHaveTextContent('Would be created in tracker60')
        expect(totals).toHaveTextContent('Would be written to DHIS2')
        expect(totals).not.toHaveTextContent('Written to DHIS2')
    })

    it('lists each failed record with its OpenSRP id and org unit name, as plain text', async () => {
        renderWithDhis2(<HistoryPage access={accessOf(admin)} navigate={navigate} runId="w1" />, {
            data: summaryData(),
        })
        const table = await screen.findByTestId('record-errors')
        expect(within(table).getByText('client-w1-0001')).toBeInTheDocument()
        expect(within(table).getByText('Mouchak Ward 1 EPI Centre')).toBeInTheDocument()
        expect(within(table).getByText('=HYPERLINK("http://evil.example")')).toBeInTheDocument()
        expect(table.querySelector('a')).toBeNull()
    })

    it('shows only the records of her facility to a nurse, and no retry', async () => {
        renderWithDhis2(<HistoryPage access={accessOf(nurse)} navigate={navigate} runId="w1" />, {
            data: summaryData(),
        })
        const table = await screen.findByTestId('record-errors')
        expect(within(table).getByText('client-w1-0001')).toBeInTheDocument()
        expect(within(table).queryByText('client-w2-0002')).not.toBeInTheDocument()
        expect(within(table).queryByText('event-x-0003')).not.toBeInTheDocument()
        expect(screen.queryByRole('button', { name: /Retry/ })).not.toBeInTheDocument()
        expect(screen.queryByRole('checkbox')).not.toBeInTheDocument()
        expect(
            screen.getByText(
                'The totals are for the whole import. The problems below are those of your org units.'
            )
        ).toBeInTheDocument()
    })

    it('tells a nurse that a run of another facility is not hers', async () => {
        const report = runReport('w1', W1_RUN, {
            scope: { streams: 'both', orgUnits: [PATHS.YA71Hl4qHqf] },
            orgUnits: ['YA71Hl4qHqf'],
        })
        renderWithDhis2(<HistoryPage access={accessOf(nurse)} navigate={navigate} runId="w1" />, {
            data: summaryData(report),
        })
        expect(
            await screen.findByText('This import did not include your org units')
        ).toBeInTheDocument()
    })

    it('says when a summary no longer exists', async () => {
        renderWithDhis2(<HistoryPage access={accessOf(admin)} navigate={navigate} runId="gone" />, {
            data: summaryData(),
        })
        expect(await screen.findByText('This import summary no longer exists')).toBeInTheDocument()
    })

    it('says when a summary cannot be read', async () => {
        renderWithDhis2(<HistoryPage access={accessOf(admin)} navigate={navigate} runId="w1" />, {
            data: summaryData({ version: 99 }),
        })
        expect(await screen.findByText('This import summary cannot be read')).toBeInTheDocument()
    })

    it('downloads the errors as CSV that a spreadsheet cannot run', async () => {
        const blobs: Blob[] = []
        const original = { create: URL.createObjectURL, revoke: URL.revokeObjectURL }
        URL.createObjectURL = (blob: Blob) => {
            blobs.push(blob)
            return 'blob:report'
        }
        URL.revokeObjectURL = () => undefined
        const click = jest
            .spyOn(HTMLAnchorElement.prototype, 'click')
            .mockImplementation(() => undefined)
        try {
            renderWithDhis2(
                <HistoryPage access={accessOf(admin)} navigate={navigate} runId="w1" />,
                { data: summaryData() }
            )
            fireEvent.click(await screen.findByRole('button', { name: 'Download errors as CSV' }))
            await waitFor(() => expect(blobs).toHaveLength(1))
            const csv = await new Promise<string>((resolve) => {
                const reader = new FileReader()
                reader.onload = () => resolve(String(reader.result))
                reader.readAsText(blobs[0] as Blob)
            })
            expect(csv).toContain(
                'client-w1-0001,trackedEntity,rejected,E1064,yI54G6cBAtY,Mouchak Ward 1 EPI Centre'
            )
            expect(csv).toContain(`"'=HYPERLINK(""http://evil.example"")"`)
            expect(click).toHaveBeenCalled()
        } finally {
            URL.createObjectURL = original.create
            URL.revokeObjectURL = original.revoke
            click.mockRestore()
        }
    })
})

describe('Retrying failed records', () => {
    const REPORT_KEY = reportKeyOf('w1', W1_RUN)

    it('sends the chosen records to the runner and opens the new run', async () => {
        const fake = fakeRunner()
        renderWithDhis2(
            <RunnerContext.Provider value={fake.runner}>
                <HistoryPage access={accessOf(admin)} navigate={navigate} runId="w1" />
            </RunnerContext.Provider>,
            {
                data: {
                    'dataStore/opensrp-connector': dataStoreStub({
                        [REPORT_KEY]: runReport('w1', W1_RUN),
                    }),
                    organisationUnits: orgUnitsById,
                },
            }
        )
        const retry = await screen.findByRole('button', { name: 'Retry 0 chosen records' })
        expect(retry).toBeDisabled()
        fireEvent.click(screen.getByLabelText('Retry client-w1-0001'))
        fireEvent.click(screen.getByLabelText('Retry event-x-0003'))
        fireEvent.click(screen.getByRole('button', { name: 'Retry 2 chosen records' }))
        await waitFor(() => expect(fake.calls).toHaveLength(1))
        expect(fake.calls[0]?.request).toEqual({
            scope: { streams: 'both' },
            dryRun: false,
            retry: ['client-w1-0001', 'event-x-0003'],
        })
        act(() => fake.emit({ phase: 'retrying-failed', add: { pulled: 2 } }))
        expect(await screen.findByText('Import, Trying failed records again')).toBeInTheDocument()
        act(() => fake.finish({ runId: 'retry1' }))
        await waitFor(() =>
            expect(navigate).toHaveBeenCalledWith({ page: 'history', runId: 'retry1' })
        )
    })
})

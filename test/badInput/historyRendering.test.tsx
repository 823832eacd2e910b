import { fireEvent, screen, within } from '@testing-library/react'
import React from 'react'
import { HistoryPage } from '../../src/app/history/HistoryPage'
import {
    dataStoreStub,
    indexEntry,
    orgUnitsById,
    reportKeyOf,
    runIndex,
} from '../../src/app/testing/fixtures'
import { renderWithDhis2 } from '../../src/app/testing/renderWithDhis2'
import { admin } from '../../src/app/testing/users'
import { accessOf } from '../../src/app/user/access'
import { prepareRunReport } from '../../src/core/runs/prepareReport'
import type { RunSummary } from '../../src/core/summary/types'

/**
 * Issue 12: nothing that came from OpenSRP or DHIS2 is ever rendered as HTML in the app. A run
 * report carrying the corpus's markup and script (as OpenSRP ids, as a quarantine reason quoting a
 * dose date, as DHIS2's message and code, as the user and the failure) is stored the way a run
 * stores it, and the history screens show every one of them as text: no element is made of them.
 */

const SCRIPT = '<script>alert(1)</script>'
const IMG = '"><img src=x onerror=alert(1)>'
const STARTED = '2024-06-03T08:00:00.000Z'

const summary: RunSummary = {
    status: 'failed',
    dryRun: false,
    tracker: {
        created: 4,
        updated: 0,
        deleted: 0,
        unchanged: 0,
        failed: 3,
        skipped: 0,
        waiting: 0,
    },
    aggregate: {
        written: 3,
        unchanged: 0,
        failed: 0,
        counted: 5,
        heldBack: [
            {
                dataSet: 'Qnf0P01U3T1',
                period: '202406',
                reason: 'open-in-opensrp',
                message: `Held back: ${SCRIPT}`,
            },
        ],
    },
    errors: [
        {
            sourceId: 'bad-script-date-1',
            recordKind: 'event',
            kind: 'quarantined',
            code: 'OSRP_QUARANTINED',
            // As the pipeline writes it for the corpus's dose date (test/badInput/pipeline.test.ts).
            message: `vaccination date '${SCRIPT}' is not an ASCII yyyy-MM-dd date (at obs[0].values[0])`,
            orgUnit: 'yI54G6cBAtY',
        },
        {
            sourceId: IMG,
            recordKind: 'client',
            kind: 'rejected',
            code: 'E1007',
            message: `Error validating attribute value type: ${IMG}`,
            orgUnit: 'yI54G6cBAtY',
            period: SCRIPT,
        },
        {
            sourceId: SCRIPT,
            recordKind: 'event',
            kind: 'rejected',
            code: IMG,
            message: SCRIPT,
            orgUnit: 'yI54G6cBAtY',
        },
    ],
    errorsOmitted: 0,
    failure: { code: 'OPENSRP_UNREACHABLE', message: `OpenSRP said ${SCRIPT}${IMG}` },
}

/** The report exactly as saveRunReport stores it, read back from JSON as the app reads it. */
const stored = JSON.parse(
    JSON.stringify(
        prepareRunReport(
            {
                id: 'xss',
                user: IMG,
                trigger: 'manual',
                host: SCRIPT,
                startedAt: STARTED,
                finishedAt: STARTED,
                scope: { streams: 'both' },
                dryRun: false,
                fingerprint: 'abc',
                summary,
                counts: {
                    pulled: 8,
                    mapped: 0,
                    written: 4,
                    unchanged: 0,
                    skipped: 0,
                    failed: 3,
                    batches: 2,
                },
            },
            { maxErrorsPerReport: 100 }
        )
    )
) as unknown

const KEY = reportKeyOf('xss', STARTED)
const data = () => ({
    'dataStore/opensrp-connector': dataStoreStub({ 'runs.index': {}, [KEY]: stored }),
    'dataStore/opensrp-connector/runs.index': runIndex(
        indexEntry('xss', STARTED, { user: IMG, status: 'failed', orgUnits: ['yI54G6cBAtY'] })
    ),
    organisationUnits: orgUnitsById,
})

function expectNothingMadeOfMarkup(root: HTMLElement) {
    expect(root.querySelector('script')).toBeNull()
    expect(root.querySelector('img[onerror]')).toBeNull()
    expect(root.querySelectorAll('[onerror]')).toHaveLength(0)
    expect(root.querySelectorAll('img')).toHaveLength(0)
}

describe('markup and script from OpenSRP and DHIS2 in the import history', () => {
    let alert: jest.SpyInstance
    beforeEach(() => {
        alert = jest.spyOn(window, 'alert').mockImplementation(() => undefined)
    })
    afterEach(() => alert.mockRestore())

    it('shows them as text in a run summary, its groups and its failed records', async () => {
        const navigate = jest.fn()
        const { container } = renderWithDhis2(
            <HistoryPage access={accessOf(admin)} navigate={navigate} runId="xss" />,
            { data: data() }
        )
        const table = await screen.findByTestId('record-errors')
        // Every group's records, not just the first page.
        for (const button of screen.queryAllByRole('button', { name: /Show more errors/ }))
            fireEvent.click(button)
        expect(within(table).getAllByText(SCRIPT).length).toBeGreaterThanOrEqual(2)
        expect(within(table).getAllByText(IMG).length).toBeGreaterThanOrEqual(2)
        expect(
            within(table).getByText(
                `vaccination date '${SCRIPT}' is not an ASCII yyyy-MM-dd date (at obs[0].values[0])`
            )
        ).toBeInTheDocument()
        expect(container).toHaveTextContent(`OpenSRP said ${SCRIPT}${IMG}`)
        expect(container).toHaveTextContent(IMG)
        expectNothingMadeOfMarkup(document.body)
        // The text is there as text: serialised, it is escaped.
        expect(container.innerHTML).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
        expect(container.innerHTML).not.toContain(SCRIPT)
        expect(alert).not.toHaveBeenCalled()
    })

    it('shows them as text in the list of runs', async () => {
        const navigate = jest.fn()
        const { container } = renderWithDhis2(
            <HistoryPage access={accessOf(admin)} navigate={navigate} />,
            { data: data() }
        )
        const [row] = await screen.findAllByTestId('run-row')
        expect(row).toHaveTextContent(IMG)
        expectNothingMadeOfMarkup(document.body)
        expect(container.innerHTML).toContain('&lt;img src=x onerror=alert(1)&gt;')
        expect(alert).not.toHaveBeenCalled()
    })
})

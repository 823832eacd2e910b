import { check, field, listOf, numberIn, stringOf, textsOf } from '../support/check'
import { downloadFrom, openPage, type Journey, type JourneyRuns } from './context'
import { orgUnitNames, storedReport } from './oracle'
import { conflictCounts, sameTally, showTally, tableRows, tally } from './summaryTables'

export const NURSE_FACILITY = 'yI54G6cBAtY'

/**
 * History: the admin sees both runs (the import first, then the dry run), opens the import's
 * summary, finds its problems grouped by code with the report's counts, the failed records of
 * several facilities by name, and downloads the report as JSON and its errors as CSV.
 */
export async function reviewHistory(journey: Journey, runs: JourneyRuns): Promise<void> {
    const dhis2 = journey.dhis2.url
    const report = await storedReport(dhis2, runs.runId)
    const names = await orgUnitNames(dhis2)
    const facilities = new Set(report.errors.flatMap((e) => (e.orgUnit ? [e.orgUnit] : [])))
    check(
        facilities.has(NURSE_FACILITY) && facilities.size >= 2,
        `the sample data must fail records in the nurse's facility and another one to show her filtering; failed in: ${[...facilities].join(', ')}`
    )

    const app = await openPage(journey, 'history')
    await app.locator('[data-test="run-row"]').first().waitFor()
    const list = await tableRows(app, 'run-list')
    check(list.length === 2, `the history lists ${list.length} runs, not 2`)
    const [latest, first] = list
    check(
        latest?.By === 'admin' &&
            latest.How === 'Started by hand' &&
            latest.What === 'Tracker and aggregate · all org units' &&
            latest.Result === 'Completed with errors' &&
            numberIn(latest.Errors ?? '') === report.errors.length,
        `the import's row reads ${JSON.stringify(latest)}`
    )
    check(
        first?.Result?.includes('Dry run') === true,
        `the dry run's row reads ${JSON.stringify(first)}`
    )
    await journey.shots.take('history-runs', app)

    await app.locator('[data-test="run-row"]').first().getByRole('button', { name: 'Open' }).click()
    await app.locator('[data-test="conflict-groups"]').waitFor()
    const groups = await conflictCounts(app)
    const expected = tally(report.errors.map((e) => e.code))
    check(
        sameTally(groups, expected),
        `conflict groups ${showTally(groups)}; the report holds ${showTally(expected)}`
    )
    const records = await tableRows(app, 'record-errors')
    const shownPlaces = tally(records.map((r) => r['Org unit']))
    const storedPlaces = tally(report.errors.map((e) => (e.orgUnit ? names.get(e.orgUnit) : '')))
    check(
        sameTally(shownPlaces, storedPlaces),
        `failed records by org unit: ${showTally(shownPlaces)}; the report: ${showTally(storedPlaces)}`
    )
    await journey.shots.take('history-summary-problems', app, app.locator('#problems-title'))

    const json = await downloadFrom(journey, 'Download as JSON')
    check(json.name.endsWith(`${runs.runId}.json`), `the JSON download is named ${json.name}`)
    const parsed: unknown = JSON.parse(json.text)
    check(
        stringOf(field(parsed, 'id')) === runs.runId &&
            listOf(field(field(parsed, 'summary'), 'errors')).length === report.errors.length,
        'the JSON download is not the run report'
    )
    const csv = await downloadFrom(journey, 'Download errors as CSV')
    check(csv.name.endsWith(`${runs.runId}.csv`), `the CSV download is named ${csv.name}`)
    const lines = csv.text.trim().split(/\r?\n/)
    check(
        (lines[0] ?? '').startsWith('sourceId,recordKind,kind,code,orgUnit,orgUnitName'),
        `the CSV starts with ${lines[0]}`
    )
    check(
        report.errors.every((e) => csv.text.includes(e.sourceId)),
        'the CSV misses failed records'
    )
    const headings = await textsOf(app.locator('[data-test="run-summary"] h2'))
    check(headings.includes('Records that failed'), `summary sections: ${headings.join(', ')}`)
}

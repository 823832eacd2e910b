import type { Frame } from 'playwright-core'
import { check, numberIn, textsOf } from '../support/check'
import { holdNthRequest } from '../support/hold'
import { openPage, type Journey, type JourneyRuns } from './context'
import { dhis2Counts, storedReport } from './oracle'

/** OpenSRP event pages, read through the DHIS2 route. */
const EVENT_PAGE = /\/routes\/opensrp\/run\/rest\/event\//

/** The run whose summary the app opened by itself (`#/history/<runId>`), other than `previous`. */
async function openedSummary(app: Frame, previous?: string): Promise<string> {
    const handle = await app.waitForFunction(
        (before) => {
            const match = /^#\/history\/(.+)$/.exec(window.location.hash)
            const id = match?.[1] ? decodeURIComponent(match[1]) : undefined
            return id !== undefined && id !== before ? id : undefined
        },
        previous,
        { timeout: 120_000 }
    )
    const runId = await handle.jsonValue()
    check(typeof runId === 'string', 'the app did not open the run summary')
    await app.locator('[data-test="run-summary"]').waitFor()
    return runId
}

/** A count of the summary's or the progress panel's counts line, by its label. */
async function countOf(app: Frame, label: string): Promise<number | undefined> {
    const lines = await textsOf(app.locator('[data-test="run-counts"] > div'))
    const line = lines.find((text) => text.startsWith(label))
    return line === undefined ? undefined : numberIn(line.slice(label.length))
}

/** A fact of the summary's tracker or aggregate totals (`<dt>label</dt><dd>n</dd>`). */
async function totalOf(app: Frame, label: string): Promise<number | undefined> {
    const dd = app
        .locator('[data-test="run-totals"] dt', { hasText: label })
        .locator('xpath=following-sibling::dd[1]')
    return numberIn((await textsOf(dd)).join(' '))
}

/**
 * Run page: a dry run (progress caught mid-way with live counts; its summary says nothing was
 * written, and DHIS2 indeed holds nothing), then the import (its summary opens by itself, its
 * totals are the stored report's, and DHIS2 now holds tracked entities, events and values).
 */
export async function dryRunThenImport(journey: Journey): Promise<JourneyRuns> {
    const dhis2 = journey.dhis2.url
    const empty = await dhis2Counts(dhis2)
    check(
        Object.values(empty).every((n) => n === 0),
        `DHIS2 holds data before any run: ${JSON.stringify(empty)}`
    )
    let app = await openPage(journey, 'run')
    await app.getByRole('heading', { name: 'Run an import' }).waitFor()
    check(
        await app.getByRole('radio', { name: 'Tracker and aggregate' }).isChecked(),
        'the run does not default to tracker and aggregate'
    )
    await journey.shots.take('run-scope', app)

    const hold = await holdNthRequest(journey.page, EVENT_PAGE, 2)
    await app.getByRole('button', { name: 'Dry run', exact: true }).click()
    await hold.held
    const phase = app.locator('[data-test="run-phase"]')
    await app.waitForFunction(() =>
        /Dry run, Importing vaccinations/.test(
            document.querySelector('[data-test="run-phase"]')?.textContent ?? ''
        )
    )
    const pulled = await countOf(app, 'Read from OpenSRP')
    check(pulled !== undefined && pulled > 0, `the progress shows no records read (${pulled})`)
    check(
        await app.getByRole('button', { name: 'Cancel' }).isEnabled(),
        'the running dry run offers no Cancel'
    )
    await journey.shots.take('run-dry-run-progress', app, phase)
    await hold.release()

    const dryRunId = await openedSummary(app)
    const dryReport = await storedReport(dhis2, dryRunId)
    check(dryReport.dryRun, `run ${dryRunId} opened after the dry run is not a dry run`)
    const summary = app.locator('[data-test="run-summary"]')
    check(
        (await summary.innerText()).includes('Dry run, nothing was written'),
        'the dry run summary does not say that nothing was written'
    )
    const dryWritten = await totalOf(app, 'Count values written')
    if (dryWritten !== undefined && dryWritten > 0)
        journey.problems.push(
            `app: the dry run's summary says "Dry run, nothing was written" and "Count values written ${dryWritten}" (DHIS2 holds none)`
        )
    const afterDryRun = await dhis2Counts(dhis2)
    check(
        Object.values(afterDryRun).every((n) => n === 0),
        `the dry run wrote to DHIS2: ${JSON.stringify(afterDryRun)}`
    )
    await journey.shots.take('run-dry-run-summary', app)

    app = await openPage(journey, 'run')
    await app.getByRole('button', { name: 'Run the import' }).click()
    const confirm = app.getByRole('button', { name: 'Import now' })
    await confirm.or(app.locator('[data-test="run-phase"]')).first().waitFor()
    if (await confirm.isVisible()) {
        journey.problems.push(
            'app: after a dry run of the same scope, "Run the import" still asks "Import without a dry run?" (the Run page forgets the dry run once it opened its summary)'
        )
        await journey.shots.take('run-import-without-dry-run', app)
        await confirm.click()
    }
    const runId = await openedSummary(app, dryRunId)
    const report = await storedReport(dhis2, runId)
    check(!report.dryRun, `run ${runId} is a dry run`)
    check(report.status === 'completed-with-errors', `the run ended ${report.status}`)
    const imported = app.locator('[data-test="run-summary"]')
    const status = (await textsOf(imported.locator('[data-test="run-status"]'))).join(' ')
    check(status === 'Completed with errors', `the summary's status reads "${status}"`)
    check(
        !(await imported.innerText()).includes('Dry run'),
        'the import summary is marked as a dry run'
    )
    const created = await totalOf(app, 'Created in tracker')
    check(
        created === report.trackerCreated,
        `the summary shows ${created} created in tracker, the report ${report.trackerCreated}`
    )
    const written = await totalOf(app, 'Count values written')
    check(
        written === report.aggregateWritten,
        `the summary shows ${written} count values written, the report ${report.aggregateWritten}`
    )
    const after = await dhis2Counts(dhis2)
    check(
        after.trackedEntities > 0 && after.events > 0 && after.dataValues > 0,
        `DHIS2 did not receive the import: ${JSON.stringify(after)}`
    )
    await journey.shots.take('run-import-summary', app)
    return { dryRunId, runId }
}

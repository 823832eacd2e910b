import type { ServerVersion } from '../../../sandbox/dhis2'
import { check, field, listOf, stringOf, textsOf } from '../support/check'
import { logInToApp, logOut, NURSE_LOGIN, setUiLocale } from '../support/dhis2'
import { downloadFrom, openPage, type Journey, type JourneyRuns } from './context'
import { NURSE_FACILITY } from './history'
import { orgUnitNames, storedReport } from './oracle'
import { conflictCounts, sameTally, showTally, tableRows, tally } from './summaryTables'

const NOT_FOR_NURSES = ['Run an import', 'Set up the connection', 'Edit the mappings']

/**
 * The facility nurse (Mouchak Ward 1 EPI Centre only, no run or configure authority) logs in:
 * she is offered neither the run nor the configuration pages, sees the runs that covered her
 * facility, and in the import's summary only her facility's failed records, without retry; a
 * link to the Run page tells her she has no access. Then the same in Bangla.
 */
export async function nurseSeesHerFacility(
    journey: Journey,
    runs: JourneyRuns,
    version: ServerVersion
): Promise<void> {
    const dhis2 = journey.dhis2.url
    const report = await storedReport(dhis2, runs.runId)
    const facility = (await orgUnitNames(dhis2)).get(NURSE_FACILITY) ?? NURSE_FACILITY
    const hers = report.errors.filter((e) => e.orgUnit === NURSE_FACILITY)

    await logOut(journey.page, dhis2)
    let app = await logInToApp(journey.page, dhis2, version, NURSE_LOGIN)
    const menu = await textsOf(app.locator('[data-test="connector-navigation"] li'))
    check(
        menu.join('|') === 'Overview|Import history',
        `the nurse's menu offers ${menu.join(', ')}`
    )
    await app.locator('[data-test="connector-last-run"]').waitFor()
    for (const action of NOT_FOR_NURSES) {
        check(
            (await app.getByRole('button', { name: action }).count()) === 0,
            `the nurse is offered "${action}"`
        )
    }
    await journey.shots.take('nurse-overview', app)

    app = await openPage(journey, 'history')
    await app.locator('[data-test="run-row"]').first().waitFor()
    const list = await tableRows(app, 'run-list')
    check(
        list.length === 2,
        `the nurse sees ${list.length} runs, not the 2 that covered her facility`
    )
    check(
        list.every((row) => !('Errors' in row)),
        "the nurse sees the run-wide error counts of other facilities' records"
    )
    await journey.shots.take('nurse-history', app)

    await app.locator('[data-test="run-row"]').first().getByRole('button', { name: 'Open' }).click()
    await app.locator('[data-test="record-errors"]').waitFor()
    const summary = await app.locator('[data-test="run-summary"]').innerText()
    check(
        summary.includes('The problems below are those of your org units.'),
        'the nurse is not told that the problems are only those of her org units'
    )
    const records = await tableRows(app, 'record-errors')
    const places = tally(records.map((r) => r['Org unit']))
    check(
        records.length === hers.length && places.size === 1 && places.has(facility),
        `the nurse sees failed records of ${showTally(places)}; her facility has ${hers.length}`
    )
    const groups = await conflictCounts(app)
    const expected = tally(hers.map((e) => e.code))
    check(
        sameTally(groups, expected),
        `the nurse's conflict groups ${showTally(groups)}; her records' ${showTally(expected)}`
    )
    check(
        (await app.getByRole('checkbox').count()) === 0 &&
            (await app.getByRole('button', { name: /^Retry/ }).count()) === 0,
        'the nurse is offered to retry records'
    )
    await journey.shots.take('nurse-summary', app, app.locator('#problems-title'))

    const json: unknown = JSON.parse((await downloadFrom(journey, 'Download as JSON')).text)
    const inJson = listOf(field(field(json, 'summary'), 'errors'))
    check(
        inJson.length === hers.length &&
            inJson.every((e) => stringOf(field(e, 'orgUnit')) === NURSE_FACILITY),
        `the nurse's JSON download holds ${inJson.length} errors, not only her facility's ${hers.length}`
    )
    const csv = (await downloadFrom(journey, 'Download errors as CSV')).text
    const others = report.errors.filter((e) => e.orgUnit !== NURSE_FACILITY)
    check(
        hers.every((e) => csv.includes(e.sourceId)) &&
            others.every((e) => !csv.includes(e.sourceId)),
        "the nurse's CSV download does not hold exactly her facility's failed records"
    )

    await app.evaluate(() => (window.location.hash = '#/run'))
    await app.getByText('You do not have access to this page').waitFor()

    await setUiLocale(dhis2, NURSE_LOGIN, 'bn')
    await journey.page.reload()
    app = await journey.app()
    await app.getByRole('heading', { level: 1, name: 'OpenSRP কানেক্টর' }).waitFor()
    app = await openPage(journey, 'history')
    await app.locator('[data-test="run-row"]').first().waitFor()
    await journey.shots.take('nurse-history-bn', app)
    await app.locator('[data-test="run-row"]').first().getByRole('button').click()
    await app.locator('[data-test="record-errors"]').waitFor()
    const headings = await textsOf(app.locator('[data-test="run-summary"] h2'))
    check(
        headings.every((heading) => !/[A-Za-z]{3,}/.test(heading.replace(/OpenSRP|DHIS2/g, ''))),
        `summary headings left in English: ${headings.join(' | ')}`
    )
    await journey.shots.take('nurse-summary-bn', app, app.locator('#problems-title'))
}

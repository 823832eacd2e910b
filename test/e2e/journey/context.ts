import type { Frame, Page } from 'playwright-core'
import type { Dhis2Sandbox } from '../../../sandbox/dhis2'
import type { OpenSrpSandbox } from '../../../sandbox/opensrp'
import { readFileSync } from 'fs'
import { SHELL_FAILURES, type ExpectedFailure } from '../support/browser'
import type { Shots } from '../support/shots'

/** What every step of the journey works with. */
export interface Journey {
    page: Page
    dhis2: Dhis2Sandbox
    opensrp: OpenSrpSandbox
    shots: Shots
    /** Requests that may fail as the journey goes (and do on a real server too). */
    expected: ExpectedFailure[]
    /** The app's frame as it is now (the shell's iframe is replaced when the page reloads). */
    app(): Promise<Frame>
    /** What happened in the browser that the user did not see: console errors, HTTP errors. */
    problems: string[]
}

/** Until the admin applies the template, the app reads a namespace and keys that do not exist. */
export const NOT_CONFIGURED: ExpectedFailure = {
    status: 404,
    path: /\/api\/(\d+\/)?dataStore\/opensrp-connector(\/(settings|mappings))?$/,
    why: 'the connector is not configured yet',
}

/** A run reads its cursors, ledger and run index before it first writes them. */
export const FIRST_RUN_KEYS: ExpectedFailure = {
    status: 404,
    path: /\/api\/(\d+\/)?dataStore\/opensrp-connector\/(runs\.index|cursor\.[\w.]+|ledger\.[\w.]+)$/,
    why: 'DHIS2 answers 404 for a dataStore key not written yet',
}

/** 2.38–2.40 answer 404 to a PUT of a new key; the connector then creates it with a POST. */
const PUT_OF_NEW_KEY: ExpectedFailure = {
    status: 404,
    path: /\/api\/(\d+\/)?dataStore\/opensrp-connector\/(lock|run)\.[\w.-]+$/,
    why: 'a run lock or report written for the first time before 2.41',
}

export const journeyFailures = (minor: number): ExpectedFailure[] => [
    ...SHELL_FAILURES,
    NOT_CONFIGURED,
    FIRST_RUN_KEYS,
    ...(minor < 41 ? [PUT_OF_NEW_KEY] : []),
]

/** From now on `failure` is a problem again. */
export function noLongerExpected(journey: Journey, failure: ExpectedFailure): void {
    const index = journey.expected.indexOf(failure)
    if (index >= 0) journey.expected.splice(index, 1)
}

/** Clicks a download button and reads the file the browser saved. */
export async function downloadFrom(
    journey: Journey,
    button: string
): Promise<{ name: string; text: string }> {
    const app = await journey.app()
    const [file] = await Promise.all([
        journey.page.waitForEvent('download'),
        app.getByRole('button', { name: button }).click(),
    ])
    return { name: file.suggestedFilename(), text: readFileSync(await file.path(), 'utf8') }
}

/** The runs the admin started, as the steps after them need them. */
export interface JourneyRuns {
    dryRunId: string
    runId: string
}

/**
 * Opens a page of the app by its menu entry (`data-test="nav-…"`), as the user does, and resolves
 * with the app's frame. Inside the 2.42+ global shell the page must open in the app's frame; when
 * the click takes the whole window out of the shell instead, that is reported and the journey
 * goes back into the shell to carry on.
 */
export async function openPage(journey: Journey, page: string): Promise<Frame> {
    const hash = `#/${page}`
    const app = await journey.app()
    const label = await app.locator(`[data-test="nav-${page}"]`).innerText()
    await app.locator(`[data-test="nav-${page}"]`).click()
    const opened = await app
        .waitForFunction((wanted) => window.location.hash.startsWith(wanted), hash)
        .then(
            () => true,
            () => false // the frame went away with the shell page
        )
    if (opened) return app
    const escape = 'app: a menu entry takes the browser out of the DHIS2 global shell'
    if (!journey.problems.some((problem) => problem.startsWith(escape)))
        journey.problems.push(
            `${escape}: "${label}" opens ${journey.page.url()} as the whole page (the App Platform's <base target="_top"> sends every link without a target to the top window)`
        )
    await journey.page.goBack()
    const again = await journey.app()
    await again.locator(`[data-test="nav-${page}"]`).waitFor()
    await again.evaluate((wanted) => (window.location.hash = wanted), hash)
    await again.waitForFunction((wanted) => window.location.hash.startsWith(wanted), hash)
    return again
}

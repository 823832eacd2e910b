import { mkdirSync, readdirSync, rmSync } from 'fs'
import path from 'path'
import { startDhis2Sandbox } from '../../sandbox/dhis2'
import type { ServerVersion } from '../../sandbox/dhis2'
import { startOpenSrpSandbox } from '../../sandbox/opensrp'
import { createRouteAndTestIt } from './journey/connection'
import { journeyFailures, type Journey } from './journey/context'
import { reviewHistory } from './journey/history'
import { applyTemplateAndValidate } from './journey/mapping'
import { nurseSeesHerFacility } from './journey/nurse'
import { dryRunThenImport } from './journey/runs'
import { launchChromium, watchPage } from './support/browser'
import { ADMIN_LOGIN, appFrame, installApp, logInToApp } from './support/dhis2'
import { Shots } from './support/shots'

/**
 * OpenSRP sample data for the journey: small enough for a quick run, and with records failing in
 * the nurse's facility and in another one (children without a recorded sex), so her view shows
 * the filtering. The journey checks this from the stored report rather than trusting it.
 */
const SAMPLE = { children: 100, seed: 11 }

export interface JourneyResult {
    problems: string[]
    screenshots: string[]
}

/**
 * The whole journey on one DHIS2 version, in one browser: install the zip, log in as admin,
 * create and test the route, apply the BD template and review it, dry run and import, read the
 * history and download the report; then log in as the facility nurse and see only her facility.
 */
export async function runJourney(
    version: ServerVersion,
    zip: string,
    shotsDir: string
): Promise<JourneyResult> {
    const dhis2 = await startDhis2Sandbox({ minor: version.minor, patch: version.patch })
    const opensrp = await startOpenSrpSandbox({ ...SAMPLE, corsOrigins: [dhis2.url] })
    const browser = await launchChromium()
    const problems: string[] = []
    let seen: string[] = []
    mkdirSync(shotsDir, { recursive: true })
    for (const old of readdirSync(shotsDir, { withFileTypes: true }).filter((f) =>
        f.name.endsWith('.png')
    ))
        rmSync(path.join(shotsDir, old.name))
    let shots: Shots | undefined
    const started = Date.now()
    const step = async <T>(name: string, work: () => Promise<T>): Promise<T> => {
        const result = await work()
        console.log(`     ${name} (${Math.round((Date.now() - started) / 1000)} s)`)
        return result
    }
    try {
        await installApp(dhis2.url, zip)
        const page = await browser.newPage({ viewport: { width: 1280, height: 800 } })
        page.setDefaultTimeout(30_000)
        const expected = journeyFailures(version.minor)
        seen = watchPage(page, expected)
        shots = new Shots(shotsDir, page)
        const journey: Journey = {
            page,
            dhis2,
            opensrp,
            shots,
            expected,
            problems: seen,
            app: () => appFrame(page, version),
        }
        await step('admin logged in', () => logInToApp(page, dhis2.url, version, ADMIN_LOGIN))
        await step('route created and tested', () => createRouteAndTestIt(journey))
        await step('BD template applied, org units reviewed, validated', () =>
            applyTemplateAndValidate(journey)
        )
        const runs = await step('dry run, then import', () => dryRunThenImport(journey))
        await step('history, summary and downloads', () => reviewHistory(journey, runs))
        await step('nurse sees her facility only', () =>
            nurseSeesHerFacility(journey, runs, version)
        )
    } catch (error) {
        problems.push(error instanceof Error ? error.message : String(error))
        for (const open of browser.contexts().flatMap((context) => context.pages())) {
            const failed = path.join(shotsDir, 'failed.png')
            await open.screenshot({ path: failed }).catch(() => undefined)
            problems.push(`screenshot of the failure: ${failed}`)
        }
    } finally {
        await browser.close()
        await opensrp.close()
        await dhis2.close()
    }
    return { problems: [...seen, ...problems], screenshots: shots?.taken ?? [] }
}

import { mkdirSync } from 'fs'
import path from 'path'
import { startDhis2Sandbox } from '../../sandbox/dhis2'
import type { ServerVersion } from '../../sandbox/dhis2'
import { startOpenSrpSandbox } from '../../sandbox/opensrp'
import { launchChromium, SHELL_FAILURES, watchPage, type ExpectedFailure } from './support/browser'
import {
    ADMIN,
    installApp,
    logInToApp,
    OPERATOR_LOGIN,
    setUiLocale,
    appFrame,
} from './support/dhis2'

const SMOKE_FAILURES: ExpectedFailure[] = [
    ...SHELL_FAILURES,
    {
        status: 404,
        path: /\/api\/(\d+\/)?dataStore\/opensrp-connector$/,
        why: 'app not configured yet',
    },
]

/** The route `npm start` creates, so the operator's first screen is what a set-up server shows. */
async function createRoute(dhis2: string, opensrp: string): Promise<void> {
    const route = await fetch(`${dhis2}/api/routes`, {
        method: 'POST',
        headers: { Authorization: ADMIN, 'Content-Type': 'application/json' },
        body: JSON.stringify({
            name: 'OpenSRP',
            code: 'opensrp',
            url: `${opensrp}/**`,
            auth: { type: 'http-basic', username: 'opensrp-admin', password: 'Admin123' },
            authorities: ['OPENSRP_CONNECTOR_RUN_IMPORT'],
        }),
    })
    if (route.status !== 201)
        throw new Error(`POST /api/routes: ${route.status} ${await route.text()}`)
}

/**
 * The installed app's first screen for an import operator on one DHIS2 version: one header bar
 * (the app's own below 2.42, the global shell's from 2.42), the status card in English, then in
 * Bangla once the user switches DHIS2's language. Screenshots: `screenshot` and its `-bn` twin.
 */
export async function runSmoke(
    version: ServerVersion,
    zip: string,
    screenshot: string
): Promise<string[]> {
    const problems: string[] = []
    let seen: string[] = []
    const full = `2.${version.minor}.${version.patch}`
    const dhis2 = await startDhis2Sandbox({ minor: version.minor, patch: version.patch })
    const opensrp = await startOpenSrpSandbox({ corsOrigins: [dhis2.url] })
    const browser = await launchChromium()
    try {
        await installApp(dhis2.url, zip)
        if (version.minor >= 40) await createRoute(dhis2.url, opensrp.url) // Route API from 2.40
        const page = await browser.newPage({ viewport: { width: 1280, height: 800 } })
        page.setDefaultTimeout(30_000)
        seen = watchPage(page, SMOKE_FAILURES)

        const frame = await logInToApp(page, dhis2.url, version, OPERATOR_LOGIN)
        await frame.getByText(`Connected to DHIS2 ${full}`).waitFor()
        // One header bar: the app's own below 2.42; on 2.42+ the shell's, which hides the app's.
        const appHeader = frame.locator('div.app-shell-adapter header').first()
        await appHeader.waitFor({ state: 'attached' })
        if ((await appHeader.isVisible()) !== version.minor < 42) {
            problems.push(
                version.minor < 42
                    ? "the app's header bar is not visible"
                    : "the app's header bar shows inside the global shell (two header bars)"
            )
        }
        if (version.minor >= 42) {
            await page.locator('[data-test="global-shell-header"]').waitFor()
        }
        await frame.locator('[data-test="connector-status"]').waitFor()
        await frame.getByText('No OpenSRP connection yet').waitFor()
        // Let the header bar's own requests finish before judging.
        await page.waitForLoadState('networkidle')
        mkdirSync(path.dirname(screenshot), { recursive: true })
        await page.screenshot({ path: screenshot, fullPage: true })

        // The same user switches DHIS2 to Bangla: the app follows the user's UI locale.
        await setUiLocale(dhis2.url, OPERATOR_LOGIN, 'bn')
        await page.reload()
        const bangla = await appFrame(page, version)
        await bangla
            .getByText('OpenSRP কানেক্টর', { exact: true })
            .first()
            .waitFor({ timeout: 60_000 })
        await bangla.getByText('এখনও OpenSRP সংযোগ নেই').waitFor()
        await page.waitForLoadState('networkidle')
        await page.screenshot({ path: screenshot.replace(/\.png$/, '-bn.png'), fullPage: true })
    } catch (error) {
        problems.push(`${error instanceof Error ? error.message : String(error)}`)
        const failed = screenshot.replace(/\.png$/, '-failed.png')
        mkdirSync(path.dirname(failed), { recursive: true })
        for (const open of browser.contexts().flatMap((context) => context.pages())) {
            await open.screenshot({ path: failed, fullPage: true }).catch(() => undefined)
            problems.push(`screenshot of the failure: ${failed}`)
        }
    } finally {
        await browser.close()
        await opensrp.close()
        await dhis2.close()
    }
    return [...seen, ...problems]
}

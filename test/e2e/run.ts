/**
 * End-to-end: the built app in headless Chromium against both sandboxes, per DHIS2 version.
 * Run: `npx tsx test/e2e/run.ts [--versions 2.42,2.40] (default: every version, 2.42 first)` (exit 1 on any failure).
 * Screenshots: test-results/app.png (first version), test-results/app-2.XX.png and, with the
 * user's UI locale switched to Bangla, test-results/app-2.XX-bn.png.
 */
import { spawnSync } from 'child_process'
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'fs'
import path from 'path'
import { chromium } from 'playwright-core'
import type { Frame, Page } from 'playwright-core'
import { parseVersion, startDhis2Sandbox } from '../../sandbox/dhis2'
import type { ServerVersion } from '../../sandbox/dhis2'
import { startOpenSrpSandbox } from '../../sandbox/opensrp'

const root = path.resolve(__dirname, '../..')
const resultsDir = path.join(root, 'test-results')
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const ADMIN = `Basic ${Buffer.from('admin:district').toString('base64')}`
const OPERATOR = `Basic ${Buffer.from('operator:Operator123').toString('base64')}`

/** Requests that fail on a real server too, and that the app shell handles (reference §4.2). */
const EXPECTED_FAILURES: Array<{ status: number; path: RegExp; why: string }> = [
    {
        status: 404,
        path: /\/api\/(\d+\/)?staticContent\/logo_banner$/,
        why: 'no custom logo → default',
    },
    {
        status: 404,
        path: /\/api\/(\d+\/)?dataStore\/opensrp-connector$/,
        why: 'app not configured yet',
    },
    {
        status: 404,
        path: /\/api\/(\d+\/)?dataStore\/custom-translations\/controller$/,
        why: '2.43 locale',
    },
]

function newestSource(dir: string): number {
    let newest = 0
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
        if (entry.name === 'locales') continue // written by the build itself
        const full = path.join(dir, entry.name)
        newest = Math.max(newest, entry.isDirectory() ? newestSource(full) : statSync(full).mtimeMs)
    }
    return newest
}

function zipPath(): string {
    const pkg: unknown = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'))
    const version =
        typeof pkg === 'object' &&
        pkg !== null &&
        'version' in pkg &&
        typeof pkg.version === 'string'
            ? pkg.version
            : '0.0.0'
    const zip = path.join(root, 'build', 'bundle', `opensrp-connector-${version}.zip`)
    if (!existsSync(zip) || statSync(zip).mtimeMs < newestSource(path.join(root, 'src'))) {
        console.log('The app zip is missing or older than src/: npm run build')
        const build = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' })
        if (build.status !== 0 || !existsSync(zip))
            throw new Error(`npm run build did not produce ${zip}`)
    }
    return zip
}

async function install(dhis2: string, opensrp: string, zip: string, minor: number): Promise<void> {
    const form = new FormData()
    form.append('file', new Blob([new Uint8Array(readFileSync(zip))]), path.basename(zip))
    const upload = await fetch(`${dhis2}/api/apps`, {
        method: 'POST',
        body: form,
        headers: { Authorization: ADMIN },
    })
    if (!upload.ok) throw new Error(`POST /api/apps: ${upload.status} ${await upload.text()}`)
    if (minor < 40) return // no Route API before 2.40
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

/** The frame the app runs in: the page itself, or the global shell's iframe on 2.42+. */
async function appFrame(page: Page, version: ServerVersion): Promise<Frame> {
    if (version.minor < 42) return page.mainFrame()
    const handle = await page.waitForSelector('iframe[data-test="global-shell-app"]', {
        timeout: 30_000,
    })
    const frame = await handle.contentFrame()
    if (!frame) throw new Error('The global shell has no app frame')
    return frame
}

async function runVersion(
    version: ServerVersion,
    zip: string,
    screenshot: string
): Promise<string[]> {
    const problems: string[] = []
    const full = `2.${version.minor}.${version.patch}`
    const dhis2 = await startDhis2Sandbox({ minor: version.minor, patch: version.patch })
    const opensrp = await startOpenSrpSandbox({ corsOrigins: [dhis2.url] })
    const browser = await chromium.launch({
        executablePath: CHROMIUM,
        args: [
            '--headless',
            '--no-sandbox',
            '--disable-gpu',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
            '--no-first-run',
            '--disable-quic',
        ],
    })
    try {
        await install(dhis2.url, opensrp.url, zip, version.minor)
        const page = await browser.newPage({ viewport: { width: 1280, height: 800 } })
        const expected = (status: number, url: string): boolean =>
            EXPECTED_FAILURES.some((f) => f.status === status && f.path.test(new URL(url).pathname))
        page.on('console', (message) => {
            if (message.type() !== 'error') return
            const where = message.location().url
            // "Failed to load resource" for a request the shell expects to fail is not an error.
            if (
                /Failed to load resource/.test(message.text()) &&
                where &&
                EXPECTED_FAILURES.some((f) => f.path.test(new URL(where).pathname))
            )
                return
            problems.push(`console error: ${message.text()} (${where || 'no location'})`)
        })
        page.on('pageerror', (error) => problems.push(`page error: ${error.message}`))
        page.on('requestfailed', (request) => {
            problems.push(
                `request failed: ${request.method()} ${request.url()} ${request.failure()?.errorText ?? ''}`
            )
        })
        page.on('response', (response) => {
            const status = response.status()
            if (status >= 400 && !expected(status, response.url())) {
                problems.push(`HTTP ${status}: ${response.request().method()} ${response.url()}`)
            }
        })

        // Not logged in: the sandbox sends the browser to its login page, then back to the app.
        await page.goto(`${dhis2.url}/api/apps/opensrp-connector/`)
        await page.fill('#j_username', 'operator')
        await page.fill('#j_password', 'Operator123')
        await Promise.all([page.waitForLoadState('load'), page.click('#submit')])
        await page.waitForURL(
            version.minor >= 42 ? /\/apps\/opensrp-connector$/ : /\/api\/apps\/opensrp-connector\//,
            {
                timeout: 30_000,
            }
        )
        const frame = await appFrame(page, version)
        await frame
            .getByText('OpenSRP Connector', { exact: true })
            .first()
            .waitFor({ timeout: 60_000 })
        await frame.getByText(`Connected to DHIS2 ${full}`).waitFor({ timeout: 30_000 })
        // One header bar: the app's own below 2.42; on 2.42+ the shell's, which hides the app's.
        const appHeader = frame.locator('div.app-shell-adapter header').first()
        await appHeader.waitFor({ state: 'attached', timeout: 30_000 })
        if ((await appHeader.isVisible()) !== version.minor < 42) {
            problems.push(
                version.minor < 42
                    ? "the app's header bar is not visible"
                    : "the app's header bar shows inside the global shell (two header bars)"
            )
        }
        if (version.minor >= 42) {
            await page.locator('[data-test="global-shell-header"]').waitFor({ timeout: 30_000 })
        }
        await frame.locator('[data-test="connector-status"]').waitFor({ timeout: 30_000 })
        await frame.getByText('No OpenSRP connection yet').waitFor({ timeout: 30_000 })
        // Let the header bar's own requests finish before judging.
        await page.waitForLoadState('networkidle')
        mkdirSync(path.dirname(screenshot), { recursive: true })
        await page.screenshot({ path: screenshot, fullPage: true })

        // The same user switches DHIS2 to Bangla: the app follows the user's UI locale.
        const saved = await fetch(`${dhis2.url}/api/userSettings/keyUiLocale?value=bn`, {
            method: 'POST',
            headers: { Authorization: OPERATOR },
        })
        if (!saved.ok) throw new Error(`POST /api/userSettings/keyUiLocale: ${saved.status}`)
        await page.reload()
        const bangla = await appFrame(page, version)
        await bangla
            .getByText('OpenSRP কানেক্টর', { exact: true })
            .first()
            .waitFor({ timeout: 60_000 })
        await bangla.getByText('এখনও OpenSRP সংযোগ নেই').waitFor({ timeout: 30_000 })
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
    return problems
}

async function main(): Promise<void> {
    const arg = process.argv.indexOf('--versions')
    const list = (arg >= 0 ? process.argv[arg + 1] : undefined) ?? '2.42,2.38,2.39,2.40,2.41,2.43'
    const versions = list.split(',').map((text) => {
        const version = parseVersion(text)
        if (!version) throw new Error(`Unknown DHIS2 version ${text}`)
        return version
    })
    if (!existsSync(CHROMIUM)) {
        throw new Error(
            `${CHROMIUM} not found: apt-get update && apt-get install -y chromium (or set CHROMIUM_PATH)`
        )
    }
    const zip = zipPath()
    let failed = false
    for (const [index, version] of versions.entries()) {
        const screenshot = path.join(resultsDir, `app-2.${version.minor}.png`)
        const problems = await runVersion(version, zip, screenshot)
        if (index === 0 && existsSync(screenshot))
            copyFileSync(screenshot, path.join(resultsDir, 'app.png'))
        const name = `DHIS2 2.${version.minor}.${version.patch}`
        if (problems.length === 0)
            console.log(`ok   ${name}: app rendered, no unexpected errors (${screenshot})`)
        else {
            failed = true
            console.log(`FAIL ${name}:\n${problems.map((p) => `  - ${p}`).join('\n')}`)
        }
    }
    process.exit(failed ? 1 : 0)
}

main().catch((error: unknown) => {
    console.error(error)
    process.exit(1)
})

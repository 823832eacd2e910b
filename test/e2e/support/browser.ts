import { existsSync } from 'fs'
import { chromium } from 'playwright-core'
import type { Browser, Page } from 'playwright-core'

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

/** Debian's chromium, headless (PITFALLS 6: playwright cannot download its own browsers here). */
export async function launchChromium(): Promise<Browser> {
    if (!existsSync(CHROMIUM)) {
        throw new Error(
            `${CHROMIUM} not found: apt-get update && apt-get install -y chromium (or set CHROMIUM_PATH)`
        )
    }
    return chromium.launch({
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
}

/** A request that fails on a real server too, and that the app or the shell handles. */
export interface ExpectedFailure {
    status: number
    path: RegExp
    why: string
}

/** Failures every page load of the app shell sees (reference §4.2). */
export const SHELL_FAILURES: ExpectedFailure[] = [
    {
        status: 404,
        path: /\/api\/(\d+\/)?staticContent\/logo_banner$/,
        why: 'no custom logo → default',
    },
    {
        status: 404,
        path: /\/api\/(\d+\/)?dataStore\/custom-translations\/controller$/,
        why: '2.43 locale',
    },
]

/**
 * Collects what goes wrong in a page as the user would never see it: console errors, uncaught
 * exceptions, failed requests and HTTP errors other than the expected ones. `expected` may grow
 * while the page lives (a step that provokes a failure on purpose adds it first).
 */
export function watchPage(page: Page, expected: ExpectedFailure[]): string[] {
    const problems: string[] = []
    const isExpected = (status: number | undefined, url: string) => {
        const { pathname } = new URL(url)
        return expected.some(
            (f) => (status === undefined || f.status === status) && f.path.test(pathname)
        )
    }
    page.on('console', (message) => {
        if (message.type() !== 'error') return
        const where = message.location().url
        // "Failed to load resource" for a request that is expected to fail is not an error.
        if (/Failed to load resource/.test(message.text()) && where && isExpected(undefined, where))
            return
        problems.push(`console error: ${message.text()} (${where || 'no location'})`)
    })
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`))
    page.on('requestfailed', (request) => {
        const reason = request.failure()?.errorText ?? ''
        // Given up by the page itself (a navigation, an unmounted query, a cancelled run).
        if (reason === 'net::ERR_ABORTED') return
        problems.push(`request failed: ${request.method()} ${request.url()} ${reason}`)
    })
    page.on('response', (response) => {
        const status = response.status()
        if (status >= 400 && !isExpected(status, response.url())) {
            problems.push(`HTTP ${status}: ${response.request().method()} ${response.url()}`)
        }
    })
    return problems
}

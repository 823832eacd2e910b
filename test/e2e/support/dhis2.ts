import { readFileSync } from 'fs'
import path from 'path'
import type { Frame, Page } from 'playwright-core'
import type { ServerVersion } from '../../../sandbox/dhis2'

export const basic = (user: string, password: string) =>
    `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`
export const ADMIN = basic('admin', 'district')

export interface Login {
    username: string
    password: string
}

export const ADMIN_LOGIN: Login = { username: 'admin', password: 'district' }
export const OPERATOR_LOGIN: Login = { username: 'operator', password: 'Operator123' }
export const NURSE_LOGIN: Login = { username: 'nurse', password: 'Nurse123' }

/** Uploads the zip as App Management's manual install does (`POST /api/apps`). */
export async function installApp(dhis2: string, zip: string): Promise<void> {
    const form = new FormData()
    form.append('file', new Blob([new Uint8Array(readFileSync(zip))]), path.basename(zip))
    const upload = await fetch(`${dhis2}/api/apps`, {
        method: 'POST',
        body: form,
        headers: { Authorization: ADMIN },
    })
    if (!upload.ok) throw new Error(`POST /api/apps: ${upload.status} ${await upload.text()}`)
}

/** Where DHIS2 opens the app: the global shell from 2.42, the app's own page before. */
export const appUrl = (dhis2: string, version: ServerVersion): string =>
    version.minor >= 42 ? `${dhis2}/apps/opensrp-connector` : `${dhis2}/api/apps/opensrp-connector/`

/** The frame the app runs in: the page itself, or the global shell's iframe on 2.42+. */
export async function appFrame(page: Page, version: ServerVersion): Promise<Frame> {
    if (version.minor < 42) return page.mainFrame()
    const handle = await page.waitForSelector('iframe[data-test="global-shell-app"]')
    const frame = await handle.contentFrame()
    if (!frame) throw new Error('The global shell has no app frame')
    return frame
}

/**
 * Opens the app while logged out: DHIS2 sends the browser to its login page, and back to the app
 * once the user has signed in. Resolves with the app's frame once its title shows.
 */
export async function logInToApp(
    page: Page,
    dhis2: string,
    version: ServerVersion,
    login: Login,
    title = 'OpenSRP Connector'
): Promise<Frame> {
    await page.goto(appUrl(dhis2, version))
    await page.fill('#j_username', login.username)
    await page.fill('#j_password', login.password)
    await Promise.all([page.waitForLoadState('load'), page.click('#submit')])
    await page.waitForURL(
        version.minor >= 42 ? /\/apps\/opensrp-connector$/ : /\/api\/apps\/opensrp-connector\//
    )
    const frame = await appFrame(page, version)
    await frame.getByRole('heading', { level: 1, name: title }).waitFor({ timeout: 60_000 })
    return frame
}

/** Logs out as the DHIS2 menu does; the browser lands on the login page. */
export async function logOut(page: Page, dhis2: string): Promise<void> {
    await page.goto(`${dhis2}/dhis-web-commons-security/logout.action`)
    await page.locator('#j_username').waitFor()
}

/** The user's own UI language (Profile → Settings), as DHIS2 stores it. */
export async function setUiLocale(dhis2: string, login: Login, locale: string): Promise<void> {
    const saved = await fetch(`${dhis2}/api/userSettings/keyUiLocale?value=${locale}`, {
        method: 'POST',
        headers: { Authorization: basic(login.username, login.password) },
    })
    if (!saved.ok) throw new Error(`POST /api/userSettings/keyUiLocale: ${saved.status}`)
}

/** GET as admin, JSON; for checks that read DHIS2 without the app's code. */
export async function adminGet(dhis2: string, resource: string): Promise<unknown> {
    const response = await fetch(`${dhis2}/api/${resource}`, { headers: { Authorization: ADMIN } })
    if (!response.ok) throw new Error(`GET /api/${resource}: ${response.status}`)
    return response.json()
}

/**
 * @jest-environment node
 */
import meFixture from '../../test/fixtures/dhis2/responses/me.json'
import systemInfoFixture from '../../test/fixtures/dhis2/responses/system-info-2.41.json'
import type { Dhis2Minor } from './contract'
import type { Dhis2Sandbox } from './server'
import { startDhis2Sandbox } from './server'
import { ADMIN, fetch, NURSE, OPERATOR, readJson, sessionCookie } from './testUtils'

const servers: Dhis2Sandbox[] = []
async function start(minor: Dhis2Minor, extra: Parameters<typeof startDhis2Sandbox>[0] = {}) {
    const server = await startDhis2Sandbox({ minor, loadBdMetadata: false, ...extra })
    servers.push(server)
    return server
}
afterEach(async () => {
    await Promise.all(servers.splice(0).map((s) => s.close()))
})

const get = (url: string, headers: Record<string, string> = {}) => fetch(url, { headers })
const engineHeaders = {
    'X-Requested-With': 'XMLHttpRequest',
    Accept: 'application/json',
    Authorization: '',
}

describe('authentication', () => {
    it('answers unauthenticated XHR with a 401 JSON WebMessage, never a redirect', async () => {
        const { url } = await start(42)
        const response = await fetch(`${url}/api/me`, {
            headers: engineHeaders,
            redirect: 'manual',
        })
        expect(response.status).toBe(401)
        expect(await readJson(response)).toEqual({
            httpStatus: 'Unauthorized',
            httpStatusCode: 401,
            status: 'ERROR',
            message: 'Unauthorized',
        })
    })

    it('redirects an unauthenticated browser navigation to the login page', async () => {
        const { url } = await start(40)
        const response = await fetch(`${url}/api/apps/x/`, {
            headers: { Accept: 'text/html' },
            redirect: 'manual',
        })
        expect(response.status).toBe(302)
        expect(response.headers.get('location')).toBe(
            `${url}/dhis-web-commons/security/login.action`
        )
        const page = await get(`${url}/dhis-web-commons/security/login.action`)
        expect(page.status).toBe(200)
        expect(await page.text()).toContain('j_username')
    })

    it('accepts Basic, rejects a wrong password with 401, treats an empty Authorization as absent', async () => {
        const { url } = await start(42)
        expect((await get(`${url}/api/me`, { Authorization: ADMIN })).status).toBe(200)
        const wrong = await get(`${url}/api/me`, { Authorization: 'Basic YWRtaW46bm9wZQ==' })
        expect(wrong.status).toBe(401)
        expect((await get(`${url}/api/me`, { Authorization: '' })).status).toBe(401)
    })

    it('accepts the operator personal access token', async () => {
        const server = await start(41)
        expect(server.operatorToken).toMatch(/^d2pat_/)
        const me = await get(`${server.url}/api/me?fields=username`, {
            Authorization: `ApiToken ${server.operatorToken}`,
        })
        expect(await readJson(me)).toEqual({ username: 'operator' })
        expect(
            (await get(`${server.url}/api/me`, { Authorization: 'ApiToken d2pat_wrong' })).status
        ).toBe(401)
    })

    it('2.41+: loginConfig is public, /api/auth/login sets JSESSIONID, wrong password is 401 "Bad credentials"', async () => {
        const { url } = await start(41)
        const config = await get(`${url}/api/loginConfig`)
        expect(config.status).toBe(200)
        expect(await readJson(config)).toMatchObject({
            apiVersion: '2.41.9',
            uiLocale: 'en',
            oidcProviders: [],
        })
        const post = (body: unknown) =>
            fetch(`${url}/api/auth/login`, {
                method: 'POST',
                headers: { 'Content-Type': 'application/json' },
                body: JSON.stringify(body),
            })
        const bad = await post({ username: 'admin', password: 'wrong' })
        expect(bad.status).toBe(401)
        expect(await readJson(bad)).toEqual({
            httpStatus: 'Unauthorized',
            httpStatusCode: 401,
            status: 'ERROR',
            message: 'Bad credentials',
        })
        const ok = await post({ username: 'nurse', password: 'Nurse123' })
        expect(ok.status).toBe(200)
        expect(await readJson(ok)).toEqual({
            loginStatus: 'SUCCESS',
            redirectUrl: '/dhis-web-dashboard/',
        })
        const me = await get(`${url}/api/me?fields=username`, {
            ...engineHeaders,
            Cookie: sessionCookie(ok),
        })
        expect(await readJson(me)).toEqual({ username: 'nurse' })
        // The old form login is gone from 2.41.
        const form = await fetch(`${url}/dhis-web-commons-security/login.action`, {
            method: 'POST',
            headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
            body: 'j_username=admin&j_password=district',
            redirect: 'manual',
        })
        expect(form.status).not.toBe(302)
    })

    it('before 2.41: loginConfig is 404 and the form login redirects with a session', async () => {
        const { url } = await start(40)
        expect((await get(`${url}/api/loginConfig`)).status).toBe(404)
        expect((await fetch(`${url}/api/auth/login`, { method: 'POST', body: '{}' })).status).toBe(
            401
        )
        const form = (password: string) =>
            fetch(`${url}/dhis-web-commons-security/login.action`, {
                method: 'POST',
                headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
                body: `j_username=operator&j_password=${password}`,
                redirect: 'manual',
            })
        const bad = await form('nope')
        expect(bad.status).toBe(302)
        expect(bad.headers.get('location')).toContain('failed=true')
        const ok = await form('Operator123')
        expect(ok.status).toBe(302)
        expect(ok.headers.get('location')).toBe(`${url}/dhis-web-dashboard/`)
        const me = await get(`${url}/api/40/me?fields=id`, {
            ...engineHeaders,
            Cookie: sessionCookie(ok),
        })
        expect(await readJson(me)).toEqual({ id: 'L46jEA1kmsI' })
        const logout = await fetch(`${url}/dhis-web-commons-security/logout.action`, {
            headers: { Cookie: sessionCookie(ok) },
            redirect: 'manual',
        })
        expect(logout.status).toBe(302)
        expect(
            (await get(`${url}/api/me`, { ...engineHeaders, Cookie: sessionCookie(ok) })).status
        ).toBe(401)
    })
})

describe('startup endpoints (reference §4.2)', () => {
    it.each([38, 40, 41, 42, 43] as Dhis2Minor[])(
        'system/info on 2.%i has the fixture shape',
        async (minor) => {
            const { url } = await start(minor)
            const info = await readJson(
                await get(`${url}/api/system/info`, { Authorization: OPERATOR })
            )
            expect(Object.keys(info as object)).toEqual(
                expect.arrayContaining(Object.keys(systemInfoFixture))
            )
            expect(info).toMatchObject({
                version: expect.stringMatching(new RegExp(`^2\\.${minor}\\.\\d+$`)),
            })
            expect(info).not.toHaveProperty('javaVersion')
            if (minor >= 43) expect(info).toMatchObject({ sessionTimeout: 3600, capability: {} })
            else expect(info).not.toHaveProperty('sessionTimeout')
        }
    )

    it('system/info shows runtime fields to superusers only', async () => {
        const { url } = await start(42)
        const info = await readJson(await get(`${url}/api/system/info`, { Authorization: ADMIN }))
        expect(info).toMatchObject({ version: '2.42.4', javaVersion: expect.any(String) })
    })

    it('me without fields has every key of the fixture; fields filter top level and settings', async () => {
        const { url } = await start(41)
        const me = (await readJson(
            await get(`${url}/api/me`, { Authorization: OPERATOR })
        )) as Record<string, unknown>
        expect(Object.keys(me).sort()).toEqual(Object.keys(meFixture).sort())
        expect(me).toMatchObject({
            id: 'L46jEA1kmsI',
            authorities: expect.arrayContaining([
                'M_opensrpconnector',
                'OPENSRP_CONNECTOR_RUN_IMPORT',
            ]),
            organisationUnits: [{ id: 'NWRRJHHp571' }],
        })
        const header = await readJson(
            await get(
                `${url}/api/41/me?fields=authorities,avatar,email,name,settings[keyUiLocale]`,
                {
                    Authorization: NURSE,
                }
            )
        )
        expect(header).toEqual({
            authorities: ['M_opensrpconnector'],
            email: 'nurse@example.org',
            name: 'Farida Begum',
            settings: { keyUiLocale: 'en' },
        })
        const nurse = await readJson(
            await get(`${url}/api/me?fields=organisationUnits`, { Authorization: NURSE })
        )
        expect(nurse).toEqual({ organisationUnits: [{ id: 'yI54G6cBAtY' }] })
    })

    it('2.43 me drops externalAccess and adds canImpersonate', async () => {
        const { url } = await start(43)
        const me = await readJson(await get(`${url}/api/me`, { Authorization: ADMIN }))
        expect(me).not.toHaveProperty('externalAccess')
        expect(me).toMatchObject({ canImpersonate: true })
    })

    it('answers the header bar and locale requests', async () => {
        const { url } = await start(42)
        const auth = { Authorization: OPERATOR }
        expect(await readJson(await get(`${url}/api/42/userSettings`, auth))).toMatchObject({
            keyUiLocale: 'en',
        })
        expect(
            await readJson(await get(`${url}/api/42/systemSettings/applicationTitle`, auth))
        ).toEqual({
            applicationTitle: 'DHIS2 Bangladesh EPI (sandbox)',
        })
        expect(
            await readJson(await get(`${url}/api/42/systemSettings/helpPageLink`, auth))
        ).toEqual({
            helpPageLink: expect.any(String),
        })
        expect(
            await readJson(
                await get(`${url}/api/42/systemSettings/keyCustomTranslationsEnabled`, auth)
            )
        ).toEqual({
            keyCustomTranslationsEnabled: false,
        })
        expect(
            (await get(`${url}/api/42/dataStore/custom-translations/controller`, auth)).status
        ).toBe(404)
        expect(await readJson(await get(`${url}/api/42/me/dashboard`, auth))).toEqual({
            unreadInterpretations: 0,
            unreadMessageConversations: 0,
        })
        const logo = await get(`${url}/api/42/staticContent/logo_banner`, auth)
        expect(logo.status).toBe(404)
        expect(await readJson(logo)).toMatchObject({ message: 'No custom file found.' })
        expect(
            await readJson(await get(`${url}/dhis-web-commons/menu/getModules.action`, auth))
        ).toEqual({
            modules: [],
        })
        expect(await readJson(await get(`${url}/api/apps/menu`, auth))).toEqual({ modules: [] })
        const ping = await get(`${url}/api/ping`)
        expect(ping.status).toBe(200)
        expect(await ping.text()).toBe('')
    })

    it('serves system/id when the model does not', async () => {
        const { url } = await start(42)
        const ids = (await readJson(
            await get(`${url}/api/system/id?limit=3`, { Authorization: OPERATOR })
        )) as {
            codes: string[]
        }
        expect(ids.codes).toHaveLength(3)
        for (const code of ids.codes) expect(code).toMatch(/^[A-Za-z][A-Za-z0-9]{10}$/)
        const uid = await readJson(
            await get(`${url}/api/system/uid.json`, { Authorization: OPERATOR })
        )
        expect(uid).toEqual({ codes: [expect.any(String)] })
    })
})

describe('version prefixes', () => {
    it('serves /api/{28..minor}/x like /api/x and 404s other numbers', async () => {
        const { url } = await start(40)
        const auth = { Authorization: ADMIN }
        expect((await get(`${url}/api/28/system/info`, auth)).status).toBe(200)
        expect((await get(`${url}/api/40/system/info.json`, auth)).status).toBe(200)
        expect((await get(`${url}/api/41/system/info`, auth)).status).toBe(404)
        expect((await get(`${url}/api/27/system/info`, auth)).status).toBe(404)
    })

    it('2.43 answers /api/43/x and 404s /api/44/x', async () => {
        const { url } = await start(43)
        const auth = { Authorization: ADMIN }
        expect((await get(`${url}/api/43/me`, auth)).status).toBe(200)
        expect((await get(`${url}/api/44/me`, auth)).status).toBe(404)
    })

    it('unknown endpoints are 404', async () => {
        const { url } = await start(42)
        expect((await get(`${url}/api/nothingHere`, { Authorization: ADMIN })).status).toBe(404)
    })
})

describe('CORS (reference §5)', () => {
    it('answers an allowed preflight with 204 without auth, and adds headers to responses', async () => {
        const { url } = await start(42, { corsAllowlist: ['http://localhost:3000'] })
        const preflight = await fetch(`${url}/api/me`, {
            method: 'OPTIONS',
            headers: {
                Origin: 'http://localhost:3000',
                'Access-Control-Request-Method': 'GET',
                'Access-Control-Request-Headers': 'authorization,x-requested-with',
            },
        })
        expect(preflight.status).toBe(204)
        expect(preflight.headers.get('access-control-allow-origin')).toBe('http://localhost:3000')
        expect(preflight.headers.get('access-control-allow-credentials')).toBe('true')
        expect(preflight.headers.get('access-control-allow-methods')).toBe('GET')
        expect(preflight.headers.get('access-control-allow-headers')).toBe(
            'authorization,x-requested-with'
        )
        expect(preflight.headers.get('access-control-max-age')).toBe('3600')
        const response = await get(`${url}/api/me`, {
            Origin: 'http://localhost:3000',
            Authorization: ADMIN,
        })
        expect(response.headers.get('access-control-allow-origin')).toBe('http://localhost:3000')
        expect(response.headers.get('access-control-expose-headers')).toBe('ETag, Location')
        expect(response.headers.get('vary')).toBe('Origin')
    })

    it('gives other origins no CORS headers at all (the request still runs)', async () => {
        const { url } = await start(42, { corsAllowlist: ['http://localhost:3000'] })
        const response = await get(`${url}/api/me`, {
            Origin: 'http://evil.example',
            Authorization: ADMIN,
        })
        expect(response.status).toBe(200)
        expect(response.headers.get('access-control-allow-origin')).toBeNull()
        const preflight = await fetch(`${url}/api/me`, {
            method: 'OPTIONS',
            headers: { Origin: 'http://evil.example', 'Access-Control-Request-Method': 'GET' },
        })
        expect(preflight.status).not.toBe(204)
        expect(preflight.headers.get('access-control-allow-origin')).toBeNull()
    })
})

describe('latency and faults', () => {
    it('injects 5xx at the configured rate, reproducibly', async () => {
        const { url } = await start(42, { faults: { errorRate: 0.5, seed: 7 } })
        const statuses: number[] = []
        for (let i = 0; i < 40; i++)
            statuses.push((await get(`${url}/api/me`, { Authorization: ADMIN })).status)
        const failures = statuses.filter((s) => s >= 500).length
        expect(failures).toBeGreaterThan(8)
        expect(failures).toBeLessThan(32)
        expect(statuses.every((s) => s === 200 || s >= 500)).toBe(true)
    })

    it('delays responses by latencyMs', async () => {
        const { url } = await start(42, { latencyMs: 150 })
        const began = Date.now()
        await get(`${url}/api/ping`)
        expect(Date.now() - began).toBeGreaterThanOrEqual(140)
    })
})

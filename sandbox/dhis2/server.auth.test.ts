/**
 * @jest-environment node
 */
import { engineHeaders, get, start, stopAll } from './server.support'
import { ADMIN, fetch, readJson, sessionCookie } from './testUtils'

/** Who may call: Basic, personal access tokens, sessions from the login API or the old form. */

afterEach(stopAll)

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

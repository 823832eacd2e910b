import { randomBytes } from 'crypto'
import type { ApiResponse, SandboxUser } from '../contract'
import { html, isRecord, parseCookies, redirect, webMessage } from '../http'
import type { Dhis2State, Session } from '../state'
import { hasLoginApi } from '../versions'
import { checkPassword, findUser } from './basic'
import { loginPage, loginPagePath } from './loginPages'

export const SESSION_COOKIE = 'JSESSIONID'
const DEFAULT_LANDING = '/dhis-web-dashboard/'

const newSessionId = (): string => randomBytes(16).toString('hex').toUpperCase()

const sessionCookie = (id: string): string =>
    `${SESSION_COOKIE}=${id}; Path=/; HttpOnly; SameSite=Lax`

export function sessionOf(
    state: Dhis2State,
    cookieHeader: string | undefined
): Session | undefined {
    const id = parseCookies(cookieHeader).get(SESSION_COOKIE)
    return id === undefined ? undefined : state.sessions.get(id)
}

export function sessionUser(
    state: Dhis2State,
    cookieHeader: string | undefined
): SandboxUser | undefined {
    const username = sessionOf(state, cookieHeader)?.username
    return username === undefined ? undefined : findUser(state, username)
}

/** A new authenticated session (a fresh id, as Spring does on login against session fixation). */
function startSession(state: Dhis2State, user: SandboxUser, previous?: Session): Session {
    if (previous) state.sessions.delete(previous.id)
    const session = { id: newSessionId(), username: user.username }
    state.sessions.set(session.id, session)
    return session
}

/** Unauthenticated browser navigation: remember where it wanted to go, send it to the login page. */
export function redirectToLogin(
    state: Dhis2State,
    cookieHeader: string | undefined,
    requestedUrl: string
): ApiResponse {
    const session = sessionOf(state, cookieHeader) ?? { id: newSessionId() }
    session.savedRequest = requestedUrl
    state.sessions.set(session.id, session)
    return redirect(`${state.baseUrl}${loginPagePath(state.version)}`, {
        'Set-Cookie': sessionCookie(session.id),
    })
}

const landing = (session: Session | undefined): string => session?.savedRequest ?? DEFAULT_LANDING

/** `POST /api/auth/login` (2.41+, reference §4.3). */
export function apiLogin(
    state: Dhis2State,
    body: unknown,
    cookieHeader: string | undefined
): ApiResponse {
    const username = isRecord(body) && typeof body.username === 'string' ? body.username : ''
    const password = isRecord(body) && typeof body.password === 'string' ? body.password : ''
    const user = checkPassword(state, username, password)
    if (!user) return webMessage(401, 'Bad credentials')
    const previous = sessionOf(state, cookieHeader)
    const session = startSession(state, user, previous)
    return {
        status: 200,
        body: { loginStatus: 'SUCCESS', redirectUrl: landing(previous) },
        headers: { 'Set-Cookie': sessionCookie(session.id) },
    }
}

/** Struts/Spring form login before 2.41: `j_username`/`j_password`, always a redirect. */
export function formLogin(
    state: Dhis2State,
    rawBody: Buffer,
    cookieHeader: string | undefined
): ApiResponse {
    const form = new URLSearchParams(rawBody.toString('utf8'))
    const user = checkPassword(state, form.get('j_username') ?? '', form.get('j_password') ?? '')
    if (!user) return redirect(`${state.baseUrl}${loginPagePath(state.version)}?failed=true`)
    const previous = sessionOf(state, cookieHeader)
    const session = startSession(state, user, previous)
    const target = landing(previous)
    return redirect(target.startsWith('http') ? target : `${state.baseUrl}${target}`, {
        'Set-Cookie': sessionCookie(session.id),
    })
}

export function logout(state: Dhis2State, cookieHeader: string | undefined): ApiResponse {
    const session = sessionOf(state, cookieHeader)
    if (session) state.sessions.delete(session.id)
    return redirect(`${state.baseUrl}${loginPagePath(state.version)}`, {
        'Set-Cookie': `${SESSION_COOKIE}=; Path=/; Max-Age=0`,
    })
}

/** `GET /api/loginConfig`, public, 2.41+ (reference §4.3). */
export const loginConfig = (state: Dhis2State): ApiResponse => ({
    status: 200,
    body: {
        apiVersion: `2.${state.version.minor}.${state.version.patch}`,
        applicationTitle: 'DHIS2 Bangladesh EPI (sandbox)',
        applicationDescription: 'Local stand-in for DHIS2; not a real server.',
        applicationNotification: '',
        applicationLeftSideFooter: '',
        applicationRightSideFooter: '',
        uiLocale: 'en',
        loginPageLayout: 'DEFAULT',
        emailConfigured: false,
        selfRegistrationEnabled: false,
        selfRegistrationNoRecaptcha: false,
        allowAccountRecovery: false,
        useCustomLogoFront: false,
        useCustomLogoBanner: false,
        minPasswordLength: '8',
        maxPasswordLength: '72',
        oidcProviders: [],
    },
})

/** Public (pre-authentication) pages and endpoints; undefined when the request needs a user. */
export function publicEndpoint(
    state: Dhis2State,
    method: string,
    pathname: string,
    body: unknown,
    rawBody: Buffer,
    cookieHeader: string | undefined
): ApiResponse | undefined {
    const loginApi = hasLoginApi(state.version)
    if (method === 'GET' && pathname === loginPagePath(state.version)) {
        return html(200, loginPage(state.version))
    }
    if (loginApi && method === 'POST' && pathname === '/api/auth/login') {
        return apiLogin(state, body, cookieHeader)
    }
    if (!loginApi && method === 'POST' && pathname === '/dhis-web-commons-security/login.action') {
        return formLogin(state, rawBody, cookieHeader)
    }
    if (pathname === '/dhis-web-commons-security/logout.action') return logout(state, cookieHeader)
    if (loginApi && method === 'POST' && pathname === '/api/auth/logout') {
        logout(state, cookieHeader)
        return { status: 200, headers: { 'Set-Cookie': `${SESSION_COOKIE}=; Path=/; Max-Age=0` } }
    }
    return undefined
}

import type { IncomingMessage } from 'http'
import { appManagement } from './apps/upload'
import { appMenu, serveApp } from './apps/serve'
import { globalShellPage } from './apps/globalShell'
import { fromAuthorizationHeader } from './auth/basic'
import { loginConfig, publicEndpoint, redirectToLogin, sessionUser } from './auth/session'
import type { ApiRequest, ApiResponse, SandboxUser } from './contract'
import { dataStoreEndpoints } from './dataStore'
import { escapeHtml, html, parseJson, redirect, webMessage } from './http'
import { routeRun } from './routes/run'
import { routeCrud } from './routes/store'
import type { Dhis2State, ShellHandler, ShellRequest } from './state'
import { startupEndpoints } from './startup'
import { userSettingsEndpoints } from './userSettings'
import { hasGlobalShell, hasLoginApi, hasPing } from './versions'

const METHODS: readonly ApiRequest['method'][] = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE']
const isMethod = (value: string): value is ApiRequest['method'] =>
    (METHODS as readonly string[]).includes(value)

export interface ApiPath {
    /** After `/api/` and the version segment, `.json` stripped. */
    path: string
    /** Same, `.json` kept. */
    rawPath: string
    pathVersion?: number
}

/**
 * `/api/x` and `/api/{28..minor}/x` are the same endpoint (reference: server-wide facts); other
 * numbers are not an API version (2.43: `/api/44/x` → 404). `null` = not found.
 */
export function parseApiPath(pathname: string, minor: number): ApiPath | null | undefined {
    if (pathname !== '/api' && !pathname.startsWith('/api/')) return undefined
    let rest = pathname.slice(5)
    let pathVersion: number | undefined
    const versioned = /^(\d+)(?:\/(.*))?$/.exec(rest)
    if (versioned) {
        const version = Number(versioned[1])
        if (version < 28 || version > minor) return null
        pathVersion = version
        rest = versioned[2] ?? ''
    }
    const path = rest.replace(/\/+$/, '').replace(/\.json$/, '')
    return { path, rawPath: rest, ...(pathVersion === undefined ? {} : { pathVersion }) }
}

const isNavigation = (req: IncomingMessage): boolean =>
    req.headers['x-requested-with'] !== 'XMLHttpRequest' &&
    /text\/html/.test(req.headers.accept ?? '')

function authenticate(
    state: Dhis2State,
    req: IncomingMessage
): SandboxUser | ApiResponse | undefined {
    const credentials = fromAuthorizationHeader(state, req.headers.authorization)
    if (credentials.kind === 'invalid') return webMessage(401, credentials.message)
    if (credentials.kind === 'user') return credentials.user
    return sessionUser(state, req.headers.cookie)
}

function homePage(state: Dhis2State, user: SandboxUser): ApiResponse {
    const links = [...state.apps.values()]
        .map(
            (app) =>
                `<li><a href="${state.baseUrl}/api/apps/${app.key}/">${escapeHtml(app.manifest.name)}</a></li>`
        )
        .join('')
    return html(
        200,
        `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>DHIS2 sandbox</title></head>
<body><h1>DHIS2 sandbox</h1><p>Logged in as ${escapeHtml(user.username)}.</p>
<ul>${links || '<li>No apps installed.</li>'}</ul>
<p><a href="${state.baseUrl}/dhis-web-commons-security/logout.action">Log out</a></p></body></html>`
    )
}

function pageEndpoint(
    state: Dhis2State,
    method: string,
    pathname: string,
    user: SandboxUser
): ApiResponse | undefined {
    if (method !== 'GET') return undefined
    if (pathname === '/') return redirect(`${state.baseUrl}/dhis-web-dashboard/`)
    if (pathname === '/dhis-web-dashboard' || pathname === '/dhis-web-dashboard/')
        return homePage(state, user)
    if (pathname === '/dhis-web-commons/menu/getModules.action') return appMenu(state, user)
    const shell = /^\/apps\/([^/]+)\/?$/.exec(pathname)?.[1]
    if (shell !== undefined && hasGlobalShell(state.version)) {
        return globalShellPage(state, decodeURIComponent(shell), user)
    }
    return undefined
}

// DHIS2 serves its favicon without login; browsers ask for it on every page.
const FAVICON_PNG =
    'iVBORw0KGgoAAAANSUhEUgAAABAAAAAQCAYAAAAf8/9hAAAAGklEQVR42mNkYPhfz0AEYBxVSF+FAAB7wA/9mDrQ3gAAAABJRU5ErkJggg=='
const favicon = (): ApiResponse => ({
    status: 200,
    body: Buffer.from(FAVICON_PNG, 'base64'),
    contentType: 'image/png',
})

/** Shell handlers first, then the data model. */
function handlers(state: Dhis2State): ShellHandler[] {
    return [
        startupEndpoints,
        userSettingsEndpoints,
        appManagement,
        serveApp,
        dataStoreEndpoints,
        routeRun,
        routeCrud,
        (_state, request) => state.model.handle(request),
    ]
}

export async function dispatch(
    state: Dhis2State,
    req: IncomingMessage,
    rawBody: Buffer
): Promise<ApiResponse> {
    const url = new URL(req.url ?? '/', state.baseUrl)
    const method = (req.method ?? 'GET').toUpperCase()
    const contentType = req.headers['content-type']
    const body = parseJson(rawBody, contentType)
    const api = parseApiPath(url.pathname, state.version.minor)
    if (api === null) return webMessage(404, 'Not Found')

    if (url.pathname === '/favicon.ico') return favicon()
    const open = publicEndpoint(state, method, url.pathname, body, rawBody, req.headers.cookie)
    if (open) return open
    if (api && method === 'GET' && api.path === 'loginConfig') {
        // Public from 2.41; before, the endpoint does not exist (the login modal then falls back).
        return hasLoginApi(state.version) ? loginConfig(state) : webMessage(404, 'Not Found')
    }
    if (api && method === 'GET' && api.path === 'ping' && hasPing(state.version)) {
        return { status: 200 }
    }

    const user = authenticate(state, req)
    if (user && 'status' in user) return user
    if (!user) {
        // Browsers navigating get the login page; XHR (the data engine) a 401 JSON (reference §4.5).
        if (isNavigation(req))
            return redirectToLogin(state, req.headers.cookie, url.pathname + url.search)
        return webMessage(401, 'Unauthorized')
    }
    if (!api) return pageEndpoint(state, method, url.pathname, user) ?? webMessage(404, 'Not Found')
    if (!isMethod(method)) return webMessage(405, `Request method '${method}' is not supported`)

    const request: ShellRequest = {
        method,
        path: api.path,
        rawPath: api.rawPath,
        ...(api.pathVersion === undefined ? {} : { pathVersion: api.pathVersion }),
        query: url.searchParams,
        body,
        rawBody,
        ...(contentType ? { contentType } : {}),
        ...(req.headers.accept ? { accept: req.headers.accept } : {}),
        user,
        minor: state.version.minor,
        baseUrl: state.baseUrl,
        headers: req.headers,
    }
    for (const handler of handlers(state)) {
        const response = await handler(state, request)
        if (response) return response
    }
    return webMessage(404, `No endpoint for ${method} /api/${api.path}`)
}

import path from 'path'
import type { ApiResponse } from '../contract'
import { redirect, webMessage } from '../http'
import type { Dhis2State, ShellHandler } from '../state'
import { hasAnyAuthority } from '../users'
import type { SandboxUser } from '../contract'
import { hasGlobalShell, injectsBaseUrl } from '../versions'
import type { InstalledApp } from './registry'
import { appAuthority } from './registry'

const CONTENT_TYPES: Record<string, string> = {
    '.html': 'text/html;charset=UTF-8',
    '.js': 'application/javascript;charset=UTF-8',
    '.mjs': 'application/javascript;charset=UTF-8',
    '.css': 'text/css;charset=UTF-8',
    '.json': 'application/json;charset=UTF-8',
    '.webapp': 'application/json;charset=UTF-8',
    '.png': 'image/png',
    '.ico': 'image/x-icon',
    '.svg': 'image/svg+xml',
    '.xml': 'application/xml',
    '.woff': 'font/woff',
    '.woff2': 'font/woff2',
    '.map': 'application/json',
    '.txt': 'text/plain;charset=UTF-8',
}

export const canOpenApp = (user: SandboxUser, app: InstalledApp): boolean =>
    hasAnyAuthority(user, [appAuthority(app.manifest.shortName), 'M_dhis-web-app-management'])

const isNavigation = (headers: Record<string, string | string[] | undefined>): boolean =>
    headers['x-requested-with'] !== 'XMLHttpRequest'

/** `GET /api/apps/{key}/…` (reference §4.1). */
export const serveApp: ShellHandler = (state, request) => {
    if (request.method !== 'GET') return undefined
    const match = /^apps\/([^/]+)(\/.*)?$/.exec(request.rawPath)
    const key = match?.[1]
    if (key === undefined || key === 'menu') return undefined
    const app = state.apps.get(decodeURIComponent(key))
    if (!app) return webMessage(404, `App '${key}' not found.`)
    if (!canOpenApp(request.user, app)) {
        return webMessage(403, `You don't have access to application ${app.key}.`)
    }
    const rest = match?.[2]
    if (rest === undefined) return redirect(`${state.baseUrl}/api/apps/${app.key}/`)
    let file = decodeURIComponent(rest.slice(1))
    if (file.split('/').includes('..') || file.includes(';')) {
        return state.version.minor >= 43
            ? webMessage(400, 'Invalid resource path')
            : webMessage(404, 'Not Found')
    }
    if (file === '' || file.endsWith('/')) file += 'index.html'
    const isIndex = file === app.manifest.launchPath || file === 'index.html'
    // 2.42 global shell: an index navigation goes to /apps/{key}, which frames ?redirect=false.
    if (
        isIndex &&
        hasGlobalShell(state.version) &&
        request.query.get('redirect') !== 'false' &&
        isNavigation(request.headers)
    ) {
        return redirect(`${state.baseUrl}/apps/${app.key}`)
    }
    const content = app.files.get(file)
    if (!content) return webMessage(404, 'Not Found')
    const contentType =
        CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream'
    const body =
        isIndex && injectsBaseUrl(state.version)
            ? Buffer.from(content.toString('utf8').replace(/__DHIS2_BASE_URL__/g, state.baseUrl))
            : content
    const response: ApiResponse = { status: 200, body, contentType }
    return response
}

/** `/api/apps/menu` and `getModules.action` (2.40+ forwards it there): `{modules:[…]}` (reference §4.4). */
export function appMenu(state: Dhis2State, user: SandboxUser): ApiResponse {
    const modules = [...state.apps.values()]
        .filter((app) => canOpenApp(user, app))
        .map((app) => {
            const baseUrl = `${state.baseUrl}/api/apps/${app.key}`
            return {
                name: app.manifest.shortName,
                namespace: app.manifest.shortName,
                defaultAction: `${baseUrl}/${app.manifest.launchPath}`,
                displayName: app.manifest.name,
                ...(app.manifest.icon48 ? { icon: `${baseUrl}/${app.manifest.icon48}` } : {}),
                description: app.manifest.description,
            }
        })
    return { status: 200, body: { modules } }
}

import { DEFAULT_ROUTE_CODE } from '../../core/config/defaults'
import { RUN_IMPORT_AUTHORITY } from '../user/access'

export type RouteAuthType = 'http-basic' | 'api-token' | 'oauth2-client-credentials'

/** What the admin types in; secrets live only in this form until they are sent to DHIS2. */
export interface RouteForm {
    url: string
    authType: RouteAuthType
    username: string
    password: string
    token: string
    clientId: string
    clientSecret: string
    tokenUri: string
    scopes: string
}

export const EMPTY_ROUTE_FORM: RouteForm = {
    url: '',
    authType: 'http-basic',
    username: '',
    password: '',
    token: '',
    clientId: '',
    clientSecret: '',
    tokenUri: '',
    scopes: '',
}

/** The route as GET /api/routes shows it: never a secret. */
export interface ExistingRoute {
    id: string
    code: string
    name: string
    url: string
    authType?: string
    authorities: string[]
    publicAccess?: string
}

export const ROUTE_LIST_QUERY = {
    routes: {
        resource: 'routes',
        params: {
            filter: `code:eq:${DEFAULT_ROUTE_CODE}`,
            fields: 'id,code,name,url,auth[type],authorities,sharing',
            paging: false,
        },
    },
} as const

const str = (o: object, key: string): string | undefined => {
    const value: unknown = Reflect.get(o, key)
    return typeof value === 'string' ? value : undefined
}

/** The connector's route from a /api/routes answer (filtered by code; checked again here). */
export function readExistingRoute(answer: unknown): ExistingRoute | undefined {
    if (typeof answer !== 'object' || answer === null) return undefined
    const routes: unknown = Reflect.get(answer, 'routes')
    if (!Array.isArray(routes)) return undefined
    for (const route of routes) {
        if (typeof route !== 'object' || route === null) continue
        const id = str(route, 'id')
        const code = str(route, 'code')
        if (!id || code !== DEFAULT_ROUTE_CODE) continue
        const auth: unknown = Reflect.get(route, 'auth')
        const sharing: unknown = Reflect.get(route, 'sharing')
        const authorities: unknown = Reflect.get(route, 'authorities')
        const authType = typeof auth === 'object' && auth !== null ? str(auth, 'type') : undefined
        const publicAccess =
            typeof sharing === 'object' && sharing !== null ? str(sharing, 'public') : undefined
        return {
            id,
            code,
            name: str(route, 'name') ?? code,
            url: str(route, 'url') ?? '',
            ...(authType ? { authType } : {}),
            authorities: Array.isArray(authorities)
                ? authorities.filter((a): a is string => typeof a === 'string')
                : [],
            ...(publicAccess ? { publicAccess } : {}),
        }
    }
    return undefined
}

/** `https://host/opensrp/` → `https://host/opensrp/**`: every OpenSRP path runs through it. */
export function routeUrlOf(baseUrl: string): string {
    return `${baseUrl
        .trim()
        .replace(/\/\*\*$/, '')
        .replace(/\/+$/, '')}/**`
}

/** The base address shown for a stored route URL. */
export const baseUrlOf = (routeUrl: string): string => routeUrl.replace(/\/?\*\*$/, '')

export type RouteFormProblem =
    | 'url-missing'
    | 'url-not-http'
    | 'username-missing'
    | 'password-missing'
    | 'token-missing'
    | 'client-id-missing'
    | 'client-secret-missing'
    | 'token-uri-not-http'

const isHttpUrl = (value: string) => /^https?:\/\/[^\s/]+/.test(value.trim())

/** What is wrong with the form, field by field; empty when it can be sent. */
export function checkRouteForm(
    form: RouteForm
): Partial<Record<keyof RouteForm, RouteFormProblem>> {
    const problems: Partial<Record<keyof RouteForm, RouteFormProblem>> = {}
    if (form.url.trim() === '') problems.url = 'url-missing'
    else if (!isHttpUrl(form.url)) problems.url = 'url-not-http'
    if (form.authType === 'http-basic') {
        if (form.username.trim() === '') problems.username = 'username-missing'
        if (form.password === '') problems.password = 'password-missing'
    }
    if (form.authType === 'api-token' && form.token === '') problems.token = 'token-missing'
    if (form.authType === 'oauth2-client-credentials') {
        if (form.clientId.trim() === '') problems.clientId = 'client-id-missing'
        if (form.clientSecret === '') problems.clientSecret = 'client-secret-missing'
        if (!isHttpUrl(form.tokenUri)) problems.tokenUri = 'token-uri-not-http'
    }
    return problems
}

function authOf(form: RouteForm): Record<string, string> {
    switch (form.authType) {
        case 'http-basic':
            return { type: form.authType, username: form.username.trim(), password: form.password }
        case 'api-token':
            return { type: form.authType, token: form.token }
        case 'oauth2-client-credentials':
            return {
                type: form.authType,
                clientId: form.clientId.trim(),
                clientSecret: form.clientSecret,
                tokenUri: form.tokenUri.trim(),
                ...(form.scopes.trim() ? { scopes: form.scopes.trim() } : {}),
            }
    }
}

/**
 * The body of POST/PUT /api/routes, as scripts/start.mjs creates it: private (before
 * 2.40.12/2.41.9/2.42.5 new routes are public, and anyone could read OpenSRP through it), run by
 * import operators through the authority. A PUT replaces the whole route, so the secrets are
 * always sent again.
 */
export function routeBody(form: RouteForm): Record<string, unknown> {
    return {
        name: 'OpenSRP',
        code: DEFAULT_ROUTE_CODE,
        url: routeUrlOf(form.url),
        auth: authOf(form),
        authorities: [RUN_IMPORT_AUTHORITY],
        sharing: { public: '--------' },
    }
}

/** Auth types this server's Route API takes (reference §3.6): OAuth2 client credentials from 2.42. */
export const authTypesFor = (minor: number): RouteAuthType[] =>
    minor >= 42
        ? ['http-basic', 'api-token', 'oauth2-client-credentials']
        : ['http-basic', 'api-token']

/** POST /api/routes. (engine.mutate calls, not hooks: built per call with the body.) */
export const createRoute = (body: Record<string, unknown>) =>
    ({ type: 'create', resource: 'routes', data: body }) as const

/** PUT /api/routes/{id}: replaces the route, secrets included. */
export const updateRoute = (id: string, body: Record<string, unknown>) =>
    ({ type: 'update', resource: 'routes', id, data: body }) as const

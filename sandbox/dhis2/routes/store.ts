import type { ApiResponse, SandboxUser } from '../contract'
import { isRecord, webMessage } from '../http'
import type { Dhis2State, ShellHandler } from '../state'
import { isoNoZone } from '../state'
import { generateUid } from '../model/uid'
import { hasAnyAuthority, isSuperuser } from '../users'
import { routeFeatures } from '../versions'

/** Route API storage and CRUD (`/api/routes`, 2.40+, reference §3.6). */

export type RouteAuth =
    | { type: 'http-basic'; username: string; password: string }
    | { type: 'api-token'; token: string }
    | { type: 'api-headers'; headers: Record<string, string> }
    | { type: 'api-query-params'; queryParams: Record<string, string> }
    | {
          type: 'oauth2-client-credentials'
          clientId: string
          clientSecret: string
          tokenUri: string
          scopes?: string
      }

export interface StoredRoute {
    id: string
    code?: string
    name: string
    description?: string
    url: string
    headers: Record<string, string>
    auth?: RouteAuth
    authorities: string[]
    responseTimeoutSeconds?: number
    disabled: boolean
    /** DHIS2 sharing string: `rw------` public, `--------` private. */
    publicAccess: string
    owner: string
    created: string
    lastUpdated: string
}

/** `route.remote_servers_allowed`: DHIS2's default `https://*`, plus loopback http for the sandboxes. */
const REMOTE_SERVERS_ALLOWED = [/^https:\/\//, /^http:\/\/(127\.0\.0\.1|localhost)(:\d+)?\//]

const stringRecord = (value: unknown): Record<string, string> | undefined => {
    if (!isRecord(value)) return undefined
    const out: Record<string, string> = {}
    for (const [k, v] of Object.entries(value)) {
        if (typeof v !== 'string') return undefined
        out[k] = v
    }
    return out
}

const str = (record: Record<string, unknown>, key: string): string | undefined => {
    const value = record[key]
    return typeof value === 'string' && value !== '' ? value : undefined
}

function parseAuth(state: Dhis2State, value: unknown): RouteAuth | string | undefined {
    if (value === undefined || value === null) return undefined
    if (!isRecord(value)) return 'auth must be an object'
    const features = routeFeatures(state.version)
    const type = value.type
    if (type === 'http-basic') {
        const username = str(value, 'username')
        const password = str(value, 'password')
        return username && password
            ? { type, username, password }
            : 'http-basic needs username and password'
    }
    if (type === 'api-token') {
        const token = str(value, 'token')
        return token ? { type, token } : 'api-token needs token'
    }
    if (type === 'api-headers' && features.headerAndQueryAuth) {
        const headers = stringRecord(value.headers)
        return headers ? { type, headers } : 'api-headers needs headers'
    }
    if (type === 'api-query-params' && features.headerAndQueryAuth) {
        const queryParams = stringRecord(value.queryParams)
        return queryParams ? { type, queryParams } : 'api-query-params needs queryParams'
    }
    if (type === 'oauth2-client-credentials' && features.oauth2) {
        const clientId = str(value, 'clientId')
        const clientSecret = str(value, 'clientSecret')
        const tokenUri = str(value, 'tokenUri')
        const scopes = str(value, 'scopes')
        return clientId && clientSecret && tokenUri
            ? { type, clientId, clientSecret, tokenUri, ...(scopes ? { scopes } : {}) }
            : 'oauth2-client-credentials needs clientId, clientSecret and tokenUri'
    }
    return `Could not resolve type id '${String(type)}' as a subtype of Authentication scheme`
}

function parseRoute(
    state: Dhis2State,
    body: unknown,
    user: SandboxUser,
    previous?: StoredRoute
): StoredRoute | string {
    if (!isRecord(body)) return 'Request body must be a JSON object'
    const name = str(body, 'name')
    const url = str(body, 'url')
    if (!name) return 'Missing required property `name`'
    if (!url) return 'Missing required property `url`'
    if (!REMOTE_SERVERS_ALLOWED.some((pattern) => pattern.test(url.replace(/\/?\*\*$/, '/')))) {
        return `Route URL is not allowed by route.remote_servers_allowed: ${url}`
    }
    const auth = parseAuth(state, body.auth)
    if (typeof auth === 'string') return auth
    const headers = body.headers === undefined ? {} : stringRecord(body.headers)
    if (!headers) return 'headers must be an object of strings'
    const authorities = Array.isArray(body.authorities)
        ? body.authorities.filter((a): a is string => typeof a === 'string')
        : []
    const timeout = body.responseTimeoutSeconds
    if (timeout !== undefined && (typeof timeout !== 'number' || timeout < 1 || timeout > 60)) {
        return 'responseTimeoutSeconds must be between 1 and 60'
    }
    const sharing = isRecord(body.sharing) ? body.sharing : {}
    const requestedPublic = str(sharing, 'public') ?? str(body, 'publicAccess')
    const defaultPublic = routeFeatures(state.version).privateByDefault ? '--------' : 'rw------'
    const now = isoNoZone(state.now())
    const code = str(body, 'code')
    const description = str(body, 'description')
    return {
        id: previous?.id ?? str(body, 'id') ?? generateUid(),
        ...(code ? { code } : {}),
        name,
        ...(description ? { description } : {}),
        url,
        headers,
        ...(auth ? { auth } : {}),
        authorities,
        ...(typeof timeout === 'number' ? { responseTimeoutSeconds: timeout } : {}),
        disabled: body.disabled === true,
        publicAccess: requestedPublic ?? previous?.publicAccess ?? defaultPublic,
        owner: previous?.owner ?? user.id,
        created: previous?.created ?? now,
        lastUpdated: now,
    }
}

/** Secrets are write-only: never in a GET (reference §3.6). */
export function publicRoute(route: StoredRoute): Record<string, unknown> {
    const { auth, publicAccess, owner, ...rest } = route
    let shownAuth: Record<string, unknown> | undefined
    if (auth?.type === 'http-basic') shownAuth = { type: auth.type, username: auth.username }
    else if (auth?.type === 'oauth2-client-credentials') {
        shownAuth = { type: auth.type, clientId: auth.clientId, tokenUri: auth.tokenUri }
    } else if (auth) shownAuth = { type: auth.type }
    return {
        ...rest,
        ...(shownAuth ? { auth: shownAuth } : {}),
        sharing: { owner, external: false, public: publicAccess, users: {}, userGroups: {} },
    }
}

export const canReadRoute = (user: SandboxUser, route: StoredRoute): boolean =>
    isSuperuser(user) || route.owner === user.id || route.publicAccess.startsWith('r')

/** Run access: read sharing or any of the route's authorities. */
export const canRunRoute = (user: SandboxUser, route: StoredRoute): boolean =>
    canReadRoute(user, route) ||
    (route.authorities.length > 0 && hasAnyAuthority(user, route.authorities))

export const findRoute = (state: Dhis2State, idOrCode: string): StoredRoute | undefined =>
    state.routes.get(idOrCode) ?? [...state.routes.values()].find((r) => r.code === idOrCode)

const objectReport = (status: number, uid: string): ApiResponse =>
    webMessage(status, undefined, {
        response: {
            responseType: 'ObjectReport',
            uid,
            klass: 'org.hisp.dhis.route.Route',
            errorReports: [],
        },
    })

const notFound = (id: string): ApiResponse =>
    webMessage(404, `Route with id ${id} could not be found.`)

export const routeCrud: ShellHandler = (state, request) => {
    if (!routeFeatures(state.version).available) return undefined
    const { method, user } = request
    const match = /^routes(?:\/([^/]+))?$/.exec(request.path)
    if (!match) return undefined
    const id = match[1]
    const canAdd = hasAnyAuthority(user, ['F_ROUTE_PUBLIC_ADD', 'F_ROUTE_PRIVATE_ADD'])
    if (id === undefined) {
        if (method === 'GET') {
            const routes = [...state.routes.values()]
                .filter((r) => canReadRoute(user, r))
                .map(publicRoute)
            return {
                status: 200,
                body: {
                    pager: { page: 1, total: routes.length, pageSize: 50, pageCount: 1 },
                    routes,
                },
            }
        }
        if (method !== 'POST') return undefined
        if (!canAdd)
            return webMessage(403, "You don't have the proper permissions to create this object.")
        const route = parseRoute(state, request.body, user)
        if (typeof route === 'string') return webMessage(409, route)
        if (state.routes.has(route.id))
            return webMessage(409, `Route with id ${route.id} already exists`)
        if (route.code && findRoute(state, route.code)) {
            return webMessage(
                409,
                `Property \`code\` with value \`${route.code}\` on object ${route.name} already exists`
            )
        }
        state.routes.set(route.id, route)
        return objectReport(201, route.id)
    }
    const existing = state.routes.get(id)
    if (!existing || !canReadRoute(user, existing)) return notFound(id)
    if (method === 'GET') return { status: 200, body: publicRoute(existing) }
    const canWrite =
        isSuperuser(user) || existing.owner === user.id || existing.publicAccess.startsWith('rw')
    if (method === 'PUT') {
        if (!canWrite || !canAdd)
            return webMessage(403, "You don't have the proper permissions to update this object.")
        const route = parseRoute(state, request.body, user, existing)
        if (typeof route === 'string') return webMessage(409, route)
        state.routes.set(route.id, route)
        return objectReport(200, route.id)
    }
    if (method === 'DELETE') {
        if (!canWrite)
            return webMessage(403, "You don't have the proper permissions to delete this object.")
        state.routes.delete(id)
        return objectReport(200, id)
    }
    return undefined
}

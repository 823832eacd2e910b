import { CLIENT_ID, CLIENT_SECRET, findUser, REALM } from '../auth'
import type { ServerContext } from '../context'
import { jsonReply, methodNotAllowed, type Reply, type SandboxRequest } from '../http'

/** The sandbox's own Keycloak realm: discovery document and token endpoint (reference §1). */

export const REALM_PATH = `/auth/realms/${REALM}`
export const TOKEN_PATH = `${REALM_PATH}/protocol/openid-connect/token`

export function discovery(context: ServerContext): Reply {
    const issuer = `${context.baseUrl()}${REALM_PATH}`
    const oidc = `${issuer}/protocol/openid-connect`
    return jsonReply(200, {
        issuer,
        authorization_endpoint: `${oidc}/auth`,
        token_endpoint: `${oidc}/token`,
        introspection_endpoint: `${oidc}/token/introspect`,
        userinfo_endpoint: `${oidc}/userinfo`,
        end_session_endpoint: `${oidc}/logout`,
        jwks_uri: `${oidc}/certs`,
        grant_types_supported: [
            'authorization_code',
            'implicit',
            'refresh_token',
            'password',
            'client_credentials',
        ],
        response_types_supported: [
            'code',
            'none',
            'id_token',
            'token',
            'id_token token',
            'code id_token',
        ],
        subject_types_supported: ['public', 'pairwise'],
        id_token_signing_alg_values_supported: ['RS256'],
        token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post'],
        scopes_supported: ['openid', 'profile', 'email'],
    })
}

const oauthError = (status: number, error: string, description: string): Reply =>
    jsonReply(
        status,
        { error, error_description: description },
        { 'Cache-Control': 'no-store', Pragma: 'no-cache' }
    )

function formOf(request: SandboxRequest): URLSearchParams {
    const type = String(request.headers['content-type'] ?? '').toLowerCase()
    return type.startsWith('application/x-www-form-urlencoded')
        ? new URLSearchParams(request.body.toString('utf8'))
        : new URLSearchParams()
}

function clientCredentials(
    request: SandboxRequest,
    form: URLSearchParams
): { id?: string; secret?: string } {
    const header = request.headers.authorization ?? ''
    if (/^basic /i.test(header)) {
        const decoded = Buffer.from(header.slice(6).trim(), 'base64').toString('utf8')
        const colon = decoded.indexOf(':')
        if (colon >= 0) {
            return {
                id: decodeURIComponent(decoded.slice(0, colon)),
                secret: decodeURIComponent(decoded.slice(colon + 1)),
            }
        }
    }
    const id = form.get('client_id') ?? undefined
    const secret = form.get('client_secret') ?? undefined
    return { ...(id !== undefined ? { id } : {}), ...(secret !== undefined ? { secret } : {}) }
}

export function token(request: SandboxRequest, context: ServerContext): Reply {
    if (request.method !== 'POST') return methodNotAllowed(request.method, ['POST'])
    const form = formOf(request)
    const grantType = form.get('grant_type')
    if (!grantType) return oauthError(400, 'invalid_request', 'Missing form parameter: grant_type')
    const client = clientCredentials(request, form)
    if (client.id !== CLIENT_ID || client.secret !== CLIENT_SECRET)
        return oauthError(401, 'invalid_client', 'Invalid client or Invalid client credentials')
    const ok = (body: object): Reply =>
        jsonReply(200, body, { 'Cache-Control': 'no-store', Pragma: 'no-cache' })
    switch (grantType) {
        case 'password': {
            const user = findUser(form.get('username') ?? '', form.get('password') ?? '')
            if (!user) return oauthError(401, 'invalid_grant', 'Invalid user credentials')
            return ok(context.tokens.issue(user))
        }
        case 'refresh_token': {
            const refresh = form.get('refresh_token')
            if (!refresh)
                return oauthError(400, 'invalid_request', 'Missing parameter: refresh_token')
            const user = context.tokens.refreshGrant(refresh)
            if (user === 'unknown') return oauthError(400, 'invalid_grant', 'Invalid refresh token')
            if (user === 'expired') return oauthError(400, 'invalid_grant', 'Token is not active')
            return ok(context.tokens.issue(user))
        }
        case 'client_credentials':
            return oauthError(
                400,
                'unauthorized_client',
                'Client not enabled to retrieve service account'
            )
        default:
            return oauthError(400, 'unsupported_grant_type', 'Unsupported grant_type')
    }
}

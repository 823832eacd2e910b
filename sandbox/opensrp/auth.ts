import { randomBytes } from 'crypto'
import { containerError, type Reply, type SandboxRequest, type SandboxUser } from './http'

/**
 * Users, Keycloak-style tokens and Spring Security's path rules (reference §1). Tokens expire
 * on the wall clock: `tokenTtlSeconds` for access, 1800 s for refresh, or at once via
 * `expireAll()` (a test hook).
 */

export const USERS: readonly SandboxUser[] = [
    {
        username: 'opensrp-admin',
        password: 'Admin123',
        roles: ['OPENMRS', 'ALL_EVENTS'],
        preferredName: 'OpenSRP Admin',
    },
    {
        username: 'chw',
        password: 'Chw12345',
        roles: ['OPENMRS'],
        preferredName: 'Community Health Worker',
    },
]

export const CLIENT_ID = 'opensrp-server-web'
export const CLIENT_SECRET = 'sandbox-secret'
export const REALM = 'opensrp'
export const REFRESH_TTL_SECONDS = 1800

interface Grant {
    user: SandboxUser
    expiresAt: number
}

export interface TokenResponse {
    access_token: string
    expires_in: number
    refresh_expires_in: number
    refresh_token: string
    token_type: 'Bearer'
    'not-before-policy': number
    session_state: string
    scope: string
}

const b64url = (value: string | Buffer): string => Buffer.from(value).toString('base64url')

export class TokenService {
    private readonly access = new Map<string, Grant>()
    private readonly refresh = new Map<string, Grant>()

    constructor(
        private readonly ttlSeconds: number,
        private readonly issuer: () => string
    ) {}

    issue(user: SandboxUser): TokenResponse {
        this.prune()
        const now = Date.now()
        const session = randomBytes(16).toString('hex')
        const access = this.jwt(user, 'Bearer', now, this.ttlSeconds, session)
        const refresh = this.jwt(user, 'Refresh', now, REFRESH_TTL_SECONDS, session)
        this.access.set(access, { user, expiresAt: now + this.ttlSeconds * 1000 })
        this.refresh.set(refresh, { user, expiresAt: now + REFRESH_TTL_SECONDS * 1000 })
        return {
            access_token: access,
            expires_in: this.ttlSeconds,
            refresh_expires_in: REFRESH_TTL_SECONDS,
            refresh_token: refresh,
            token_type: 'Bearer',
            'not-before-policy': 0,
            session_state: session,
            scope: 'profile email',
        }
    }

    /** 'unknown' = never issued here (Keycloak: invalid), 'expired' = "Token is not active". */
    refreshGrant(token: string): SandboxUser | 'unknown' | 'expired' {
        const grant = this.refresh.get(token)
        if (!grant) return 'unknown'
        return grant.expiresAt <= Date.now() ? 'expired' : grant.user
    }

    verify(token: string): SandboxUser | undefined {
        const grant = this.access.get(token)
        return grant && grant.expiresAt > Date.now() ? grant.user : undefined
    }

    expireAll(): void {
        const past = Date.now() - 1
        for (const grant of this.access.values()) grant.expiresAt = past
        for (const grant of this.refresh.values()) grant.expiresAt = past
    }

    private prune(): void {
        // Expired grants stay a while so an expired refresh still answers "Token is not active".
        const horizon = Date.now() - REFRESH_TTL_SECONDS * 1000
        for (const map of [this.access, this.refresh]) {
            for (const [token, grant] of map) if (grant.expiresAt < horizon) map.delete(token)
        }
    }

    private jwt(user: SandboxUser, typ: string, now: number, ttl: number, session: string): string {
        const header = b64url(JSON.stringify({ alg: 'RS256', typ: 'JWT', kid: 'sandbox' }))
        const payload = b64url(
            JSON.stringify({
                exp: Math.floor(now / 1000) + ttl,
                iat: Math.floor(now / 1000),
                jti: randomBytes(16).toString('hex'),
                iss: this.issuer(),
                typ,
                azp: CLIENT_ID,
                session_state: session,
                preferred_username: user.username,
                realm_access: { roles: user.roles },
            })
        )
        return `${header}.${payload}.${b64url(randomBytes(64))}`
    }
}

export function findUser(username: string, password: string): SandboxUser | undefined {
    return USERS.find((u) => u.username === username && u.password === password)
}

const BASIC_CHALLENGE = 'Basic realm="OpenSRP"'
const bearerChallenge = (error?: string): string =>
    error
        ? `Bearer realm="${REALM}", error="invalid_token", error_description="${error}"`
        : `Bearer realm="${REALM}"`

/** The user behind the request's Authorization header, or the 401 Spring answers (§2.6). */
export function authenticate(request: SandboxRequest, tokens: TokenService): SandboxUser | Reply {
    const header = request.headers.authorization ?? ''
    const [scheme = '', credentials = ''] = header.trim().split(/\s+/, 2)
    if (scheme.toLowerCase() === 'basic') {
        const decoded = Buffer.from(credentials, 'base64').toString('utf8')
        const colon = decoded.indexOf(':')
        const user =
            colon < 0 ? undefined : findUser(decoded.slice(0, colon), decoded.slice(colon + 1))
        return (
            user ?? containerError(401, 'Bad credentials', { 'WWW-Authenticate': BASIC_CHALLENGE })
        )
    }
    if (scheme.toLowerCase() === 'bearer') {
        return (
            tokens.verify(credentials) ??
            containerError(401, 'Unauthorized', {
                'WWW-Authenticate': bearerChallenge('Token is not active'),
            })
        )
    }
    return containerError(401, 'Unauthorized', {
        'WWW-Authenticate': [bearerChallenge(), BASIC_CHALLENGE],
    })
}

export type Access = 'public' | 'authenticated' | 'OPENMRS' | 'ALL_EVENTS'

/** Spring Security's matchers, first match wins (§1 "Roles"). */
export function accessFor(path: string): Access {
    if (path === '/rest/config/keycloak' || path.startsWith('/rest/viewconfiguration/'))
        return 'public'
    if (/^\/rest\/[^/]+\/getAll\/?$/.test(path)) return 'ALL_EVENTS'
    if (path === '/rest' || path.startsWith('/rest/')) return 'OPENMRS'
    return 'authenticated'
}

export function authorize(user: SandboxUser, access: Access): Reply | undefined {
    if (access === 'public' || access === 'authenticated') return undefined
    return user.roles.includes(access) ? undefined : containerError(403, 'Forbidden')
}

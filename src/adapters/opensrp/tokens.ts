import type { AxiosInstance } from 'axios'
import { z } from 'zod'
import { OpenSrpError } from './errors'

const tokenResponse = z.object({
    access_token: z.string().min(1),
    expires_in: z.number().positive().optional(),
    refresh_token: z.string().optional(),
    refresh_expires_in: z.number().optional(),
})

const keycloakError = z.object({ error: z.string(), error_description: z.string().optional() })

interface Token {
    accessToken: string
    /** When to stop using it: some time before it expires (renewalMargin). */
    renewAt: number
    refreshToken?: string
}

export interface TokenSettings {
    tokenUrl: string
    clientId: string
    clientSecret: string
    username: string
    password: string
}

/** Renew this long before expiry, so a token does not expire between the check and the request. */
const EXPIRY_SKEW_MS = 15_000
/** Short-lived tokens keep most of their life: the margin is at most this share of it. */
const EXPIRY_SKEW_SHARE = 0.25

/** min(15 s, a quarter of the lifetime): a 10 s token is used for 7.5 s, not renewed each call. */
export const renewalMargin = (lifetimeMs: number): number =>
    Math.min(EXPIRY_SKEW_MS, lifetimeMs * EXPIRY_SKEW_SHARE)

/**
 * Keycloak password grant with refresh (reference/opensrp-api.md §1). A refresh that fails with
 * `invalid_grant` (expired session) falls back to a fresh password grant once.
 */
export class TokenManager {
    private token: Token | undefined
    private pending: Promise<Token> | undefined

    constructor(
        private readonly http: AxiosInstance,
        private readonly settings: TokenSettings,
        private readonly now: () => number = Date.now
    ) {}

    async accessToken(signal?: AbortSignal): Promise<string> {
        if (this.token && this.token.renewAt > this.now()) return this.token.accessToken
        return (await this.renew(signal)).accessToken
    }

    /** Called after a 401: the token was revoked or expired early. */
    invalidate(): void {
        if (this.token) this.token = { ...this.token, renewAt: 0 }
    }

    private renew(signal?: AbortSignal): Promise<Token> {
        this.pending ??= this.obtain(signal).finally(() => {
            this.pending = undefined
        })
        return this.pending
    }

    private async obtain(signal?: AbortSignal): Promise<Token> {
        const refreshToken = this.token?.refreshToken
        if (refreshToken) {
            try {
                this.token = await this.grant(
                    { grant_type: 'refresh_token', refresh_token: refreshToken },
                    signal
                )
                return this.token
            } catch (error) {
                if (!(error instanceof OpenSrpError) || error.code !== 'credentials-rejected')
                    throw error
            }
        }
        this.token = await this.grant(
            {
                grant_type: 'password',
                username: this.settings.username,
                password: this.settings.password,
            },
            signal
        )
        return this.token
    }

    private async grant(fields: Record<string, string>, signal?: AbortSignal): Promise<Token> {
        const body = new URLSearchParams({
            ...fields,
            client_id: this.settings.clientId,
            client_secret: this.settings.clientSecret,
        })
        const response = await this.http.post<string>(this.settings.tokenUrl, body.toString(), {
            headers: {
                'Content-Type': 'application/x-www-form-urlencoded',
                Accept: 'application/json',
            },
            responseType: 'text',
            transformResponse: (data: unknown) => data,
            validateStatus: () => true,
            signal,
        })
        const json = safeJson(response.data)
        if (response.status >= 200 && response.status < 300) {
            const parsed = tokenResponse.safeParse(json)
            if (!parsed.success) {
                throw new OpenSrpError(
                    'not-json',
                    'The OpenSRP token endpoint answered without an access token.',
                    response.status,
                    this.settings.tokenUrl
                )
            }
            const lifetimeMs = (parsed.data.expires_in ?? 300) * 1000
            return {
                accessToken: parsed.data.access_token,
                renewAt: this.now() + lifetimeMs - renewalMargin(lifetimeMs),
                ...(parsed.data.refresh_token ? { refreshToken: parsed.data.refresh_token } : {}),
            }
        }
        const problem = keycloakError.safeParse(json)
        const code = problem.success ? problem.data.error : ''
        if (response.status >= 500) {
            throw new OpenSrpError(
                'server-error',
                `The OpenSRP token endpoint failed (${response.status}).`,
                response.status,
                this.settings.tokenUrl
            )
        }
        if (code === 'invalid_client' || code === 'unauthorized_client') {
            throw new OpenSrpError(
                'credentials-rejected',
                `OpenSRP's Keycloak rejected the client '${this.settings.clientId}' (${code}): check the client id, the secret and that direct access grants are enabled.`,
                response.status,
                this.settings.tokenUrl
            )
        }
        throw new OpenSrpError(
            'credentials-rejected',
            fields.grant_type === 'refresh_token'
                ? 'The OpenSRP session expired.'
                : 'OpenSRP rejected the credentials. Check the username and password.',
            response.status,
            this.settings.tokenUrl
        )
    }
}

function safeJson(text: unknown): unknown {
    if (typeof text !== 'string') return text
    try {
        return JSON.parse(text)
    } catch {
        return undefined
    }
}

/** How the connector reaches OpenSRP (DESIGN §3.5). */
export type OpenSrpAuth =
    | { type: 'basic'; username: string; password: string }
    | {
          type: 'oauth2-password'
          tokenUrl: string
          clientId: string
          clientSecret: string
          username: string
          password: string
      }

export type OpenSrpConnection =
    /** Straight to OpenSRP (the CLI, or older DHIS2 servers; OpenSRP must allow the origin). */
    | { mode: 'direct'; baseUrl: string; auth: OpenSrpAuth }
    /**
     * Through a DHIS2 route that holds the OpenSRP credentials: the browser sends only its DHIS2
     * session cookie; the CLI sends a personal access token.
     */
    | {
          mode: 'route'
          dhis2BaseUrl: string
          routeCode: string
          dhis2ApiToken?: string
          /** The CLI with a DHIS2 username and password instead of a token. */
          dhis2Basic?: { username: string; password: string }
      }

export interface RetryPolicy {
    maxAttempts: number
    baseDelayMs: number
    maxDelayMs: number
}

export const DEFAULT_RETRY: RetryPolicy = { maxAttempts: 5, baseDelayMs: 500, maxDelayMs: 15_000 }

export function describeConnection(connection: OpenSrpConnection): string {
    return connection.mode === 'direct'
        ? `${connection.baseUrl} (${connection.auth.type === 'basic' ? 'Basic' : 'OAuth2'})`
        : `DHIS2 route '${connection.routeCode}' on ${connection.dhis2BaseUrl}`
}

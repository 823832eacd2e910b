import { TokenService } from './auth'
import type { ServerContext } from './context'
import { FaultInjector, type FaultOptions } from './faults'
import { buildGeography } from './geography'
import { GeneratedDataset } from './generator/dataset'
import { send } from './httpClient'
import type { JsonObject } from './json'
import { buildLocations } from './locations'
import { SandboxServer } from './server'
import { RecordStore } from './store'

/**
 * OpenSRP server sandbox (opensrp-server-web 2.x/3.x behaviour, reference/opensrp-api.md).
 * Generated data is lazy (generator/plan.ts); records uploaded with POST /rest/event/add — for
 * instance through `loadRecords` — are the only data kept in memory.
 */

export interface OpenSrpSandboxOptions {
    /** 0 = random free port (default 0). */
    port?: number
    /** Default '127.0.0.1'. */
    host?: string
    /** Default 1. */
    seed?: number
    /** Default 2000; 0 = an empty server (locations only). */
    children?: number
    /** EPI centres in the shared hierarchy (default 5, see buildHierarchy). */
    facilities?: number
    /** Location ids = DHIS2 org unit uids (servers that imported DHIS2 org units, §2.4). */
    locationIdsAsOrgUnitUids?: boolean
    latencyMs?: number
    faults?: FaultOptions
    /** Server-side cap on `limit`. */
    pageSizeCap?: number
    /**
     * Simulate server-web #980: ~8% of the generated records within 1000 serverVersions of the
     * head commit late, after higher ones were served (heldRows.ts).
     */
    nonMonotonic?: boolean
    /** Access token lifetime, default 300 s; refresh tokens last 1800 s. */
    tokenTtlSeconds?: number
    /** Allowed CORS origins. */
    corsOrigins?: string[]
}

export interface OpenSrpSandbox {
    /** http://127.0.0.1:PORT — the web app root: paths are url + '/rest/...'. */
    url: string
    port: number
    close(): Promise<void>
    setFaults(f: OpenSrpSandboxOptions['faults']): void
    expireAllTokens(): void
    stats(): { requests: number; byPath: Record<string, number> }
}

export { CLIENT_ID, CLIENT_SECRET, USERS } from './auth'
export { TOKEN_PATH } from './routes/keycloak'
export type { FaultOptions } from './faults'

export async function startOpenSrpSandbox(
    options: OpenSrpSandboxOptions = {}
): Promise<OpenSrpSandbox> {
    const seed = options.seed ?? 1
    const host = options.host ?? '127.0.0.1'
    const geography = buildGeography(
        options.facilities ?? 5,
        options.locationIdsAsOrgUnitUids ?? false
    )
    const dataset = new GeneratedDataset({
        seed,
        children: Math.max(0, Math.floor(options.children ?? 2000)),
        facilities: geography.facilities.length,
        facilityList: geography.facilities,
    })
    let url = ''
    const context: ServerContext = {
        store: new RecordStore(dataset, options.nonMonotonic ?? false),
        geography,
        locations: buildLocations(geography),
        tokens: new TokenService(
            options.tokenTtlSeconds ?? 300,
            () => `${url}/auth/realms/opensrp`
        ),
        baseUrl: () => url,
        ...(options.pageSizeCap !== undefined ? { pageSizeCap: options.pageSizeCap } : {}),
    }
    const faults = new FaultInjector(options.faults, seed)
    const server = new SandboxServer(context, {
        latencyMs: options.latencyMs ?? 0,
        corsOrigins: options.corsOrigins ?? [],
        faults,
    })
    const port = await server.listen(options.port ?? 0, host)
    url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`
    return {
        url,
        port,
        close: () => server.close(),
        setFaults: (f) => faults.set(f, seed),
        expireAllTokens: () => context.tokens.expireAll(),
        stats: () => ({ requests: server.stats.requests, byPath: { ...server.stats.byPath } }),
    }
}

/** Basic credentials of the sandbox's admin user (OPENMRS + ALL_EVENTS). */
export const ADMIN_BASIC = `Basic ${Buffer.from('opensrp-admin:Admin123').toString('base64')}`

/**
 * Loads records the way a device uploads them: POST /rest/event/add as the admin user. Events go
 * through the server's replace-by-formSubmissionId and out-of-area processing. Resolves with the
 * reply body (empty on plain success; `failed_events`/`failed_clients` otherwise).
 */
export async function loadRecords(
    sandbox: Pick<OpenSrpSandbox, 'url'>,
    records: { clients?: JsonObject[]; events?: JsonObject[] }
): Promise<{ status: number; body: string }> {
    const response = await send(`${sandbox.url}/rest/event/add`, {
        method: 'POST',
        headers: { Authorization: ADMIN_BASIC, 'Content-Type': 'application/json' },
        body: JSON.stringify(records),
    })
    if (response.status !== 201)
        throw new Error(`event/add answered ${response.status}: ${response.text}`)
    return { status: response.status, body: response.text }
}

/**
 * The one seam between the benchmark and the engine: a full sync (clients, vaccinations,
 * aggregate counts) from the OpenSRP server at `opensrpUrl` into the DHIS2 server at `dhis2Url`.
 * compare.ts and memory.ts call it with the counting proxies' URLs, so every request the engine
 * sends is counted there; the fields it returns are reported next to the counts.
 */

export interface EngineRunOptions {
    dhis2Url: string
    opensrpUrl: string
    /** The sandbox `operator`'s personal access token (what a headless runner uses). */
    dhis2Token: string
    /** DHIS2 Basic credentials, for a runner configured with a user instead of a token. */
    dhis2Credentials: { username: string; password: string }
    opensrpCredentials: { username: string; password: string }
    /** A fresh, empty directory for the engine's local store (SQLite). */
    workDir: string
}

export interface EngineRunResult {
    /** Requests the engine itself counted, if it counts them (the proxies count regardless). */
    requests?: number
    clientsRead?: number
    eventsRead?: number
    /** Records DHIS2 confirmed, and records that ended as per-record failures. */
    synced?: number
    failed?: number
    /** Anything else worth keeping in the results file (the run summary, say). */
    details?: Record<string, unknown>
}

export const ENGINE_NOT_WIRED = 'not wired yet'

export async function runEngineSync(_options: EngineRunOptions): Promise<EngineRunResult> {
    throw new Error(
        `${ENGINE_NOT_WIRED}: bench/engineRun.ts waits for the sync runner (src/adapters/runner)`
    )
}

import { randomUUID } from 'crypto'
import http from 'http'
import { createPersonalAccessToken } from './auth/basic'
import type { Dhis2Minor, SandboxClock, SandboxUser } from './contract'
import { corsHeaders, preflight } from './cors'
import type { FaultOptions } from './faults'
import { createFaultInjector, delay } from './faults'
import { readBody, send, webMessage } from './http'
import { loadSampleMetadata } from './metadata'
import type { DataModel } from './model'
import { createDataModel } from './model'
import { loadState, saveState } from './persistence'
import { dispatch } from './router'
import type { Dhis2State } from './state'
import { createUsers } from './users'
import { DEFAULT_PATCH, versionString } from './versions'

export interface Dhis2SandboxOptions {
    /** 0 (default) = a random free port. */
    port?: number
    host?: string
    /** Default 42. */
    minor?: Dhis2Minor
    /** Patch release (see versions.ts DEFAULT_PATCH); decides Route API details. */
    patch?: number
    latencyMs?: number
    faults?: FaultOptions
    /** Persist model, dataStore, apps and routes here (written on close, read on start). */
    dataDir?: string
    /** Extra CORS origins (System Settings → Access → CORS allow-list). */
    corsAllowlist?: string[]
    /** EPI centres; more than the package's 5 are generated (sandbox/shared/hierarchy.ts). */
    facilities?: number
    /** Import the BD EPI metadata package at start (default true). */
    loadBdMetadata?: boolean
    clock?: SandboxClock
    asyncJobDelayMs?: number
    /**
     * dataValueSets checks that DHIS2 2.38–2.42 leave to system settings (data element in the data
     * set, COC/AOC, org unit assignment, period type). On by default: a payload that passes them
     * passes every configuration, and the connector must be right where ministries switch them on.
     */
    strictDataImport?: boolean
    lockedPeriods?: Array<{ dataSet: string; period: string }>
}

export interface Dhis2Sandbox {
    url: string
    port: number
    /** `2.42.4` */
    version: string
    model: DataModel
    users: SandboxUser[]
    /** A personal access token of `operator` (`Authorization: ApiToken …`). */
    operatorToken: string
    /** Simulates a server restart: in-memory job state (tracker reports, task notifications) is lost. */
    restart(): void
    close(): Promise<void>
}

export async function startDhis2Sandbox(options: Dhis2SandboxOptions = {}): Promise<Dhis2Sandbox> {
    const minor = options.minor ?? 42
    const host = options.host ?? '127.0.0.1'
    const clock = options.clock ?? { now: () => new Date() }
    const patch = options.patch ?? DEFAULT_PATCH[minor]
    const model = createDataModel({
        minor,
        patch,
        clock,
        strictDataImport: options.strictDataImport ?? true,
        ...(options.lockedPeriods ? { lockedPeriods: options.lockedPeriods } : {}),
        ...(options.asyncJobDelayMs === undefined
            ? {}
            : { asyncJobDelayMs: options.asyncJobDelayMs }),
    })
    const state: Dhis2State = {
        version: { minor, patch },
        baseUrl: '',
        users: createUsers(),
        sessions: new Map(),
        tokens: new Map(),
        apps: new Map(),
        dataStore: new Map(),
        userDataStore: new Map(),
        routes: new Map(),
        systemId: randomUUID(),
        corsAllowlist: options.corsAllowlist ?? [],
        customAuthorities: new Set(),
        model,
        now: () => clock.now(),
    }
    const restored = options.dataDir ? loadState(state, options.dataDir) : false
    if (!restored && options.loadBdMetadata !== false)
        loadSampleMetadata(model, options.facilities ?? 5)
    const operatorToken =
        [...state.tokens].find(([, user]) => user === 'operator')?.[0] ??
        createPersonalAccessToken(state, 'operator')

    const injectFault = createFaultInjector(options.faults)
    const latencyMs = options.latencyMs ?? 0
    const server = http.createServer((req, res) => {
        void (async () => {
            try {
                const rawBody = await readBody(req)
                await delay(latencyMs)
                const cors = corsHeaders(state, req)
                const pathname = (req.url ?? '/').split('?')[0] ?? '/'
                // Faults hit the Web API, not the app's static files, so a page can still load.
                const fault =
                    pathname.startsWith('/api/') && !/^\/api\/(\d+\/)?apps\//.test(pathname)
                        ? injectFault()
                        : undefined
                const response =
                    preflight(state, req) ?? fault ?? (await dispatch(state, req, rawBody))
                send(res, { ...response, headers: { ...cors, ...response.headers } })
            } catch (error) {
                const message = error instanceof Error ? error.message : String(error)
                if (!res.headersSent) send(res, webMessage(500, message))
                else res.destroy()
            }
        })()
    })
    await new Promise<void>((resolve, reject) => {
        server.once('error', reject)
        server.listen(options.port ?? 0, host, () => resolve())
    })
    const address = server.address()
    if (address === null || typeof address === 'string') throw new Error('Server has no TCP port')
    const port = address.port
    state.baseUrl = `http://${host}:${port}`

    return {
        url: state.baseUrl,
        port,
        version: versionString(state.version),
        model,
        users: state.users,
        operatorToken,
        restart: () => model.loseJobState(),
        close: async () => {
            if (options.dataDir) saveState(state, options.dataDir)
            server.closeAllConnections()
            await new Promise<void>((resolve, reject) =>
                server.close((error) => (error ? reject(error) : resolve()))
            )
        },
    }
}

import { readBody } from '../shared/readBody'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'http'
import type { AddressInfo } from 'net'
import { accessFor, authenticate, authorize } from './auth'
import type { Route, ServerContext } from './context'
import { corsHeaders, isPreflight, preflight, rejectedOrigin } from './cors'
import { HANG_MS, type FaultInjector } from './faults'
import { containerError, proxyError, type Reply, type SandboxRequest } from './http'
import { clientRoutes } from './routes/clients'
import { eventRoutes } from './routes/events'
import { discovery, REALM_PATH, token, TOKEN_PATH } from './routes/keycloak'
import { locationRoutes } from './routes/locations'
import { securityRoutes } from './routes/security'

/**
 * The HTTP shell: stats, CORS preflight, latency, injected faults, authentication and roles,
 * then the resources. Order matters: Spring's CORS filter answers preflights before security,
 * and security runs before dispatch, so an unknown path answers 401 before it answers 404.
 */

const ROUTES: Route[] = [eventRoutes, clientRoutes, locationRoutes, securityRoutes]
const MAX_BODY_BYTES = 64 * 1024 * 1024

export interface ShellOptions {
    latencyMs: number
    corsOrigins: string[]
    faults: FaultInjector
    /** Waits out `latencyMs`; tests inject one to see the delay applied without timing it. */
    sleep?: (ms: number) => Promise<void>
}

export interface Stats {
    requests: number
    byPath: Record<string, number>
}

export class SandboxServer {
    readonly stats: Stats = { requests: 0, byPath: {} }
    private readonly server: Server
    private readonly hanging = new Set<ServerResponse>()
    private readonly timers = new Set<NodeJS.Timeout>()

    constructor(
        private readonly context: ServerContext,
        private readonly options: ShellOptions
    ) {
        this.server = createServer((req, res) => {
            this.handle(req, res).catch((error: unknown) => {
                if (!res.headersSent) {
                    const reply = containerError(
                        500,
                        error instanceof Error ? error.message : String(error)
                    )
                    res.writeHead(reply.status, reply.headers)
                    res.end(reply.body)
                } else {
                    res.destroy()
                }
            })
        })
    }

    listen(port: number, host: string): Promise<number> {
        return new Promise((resolve, reject) => {
            this.server.once('error', reject)
            this.server.listen(port, host, () => {
                this.server.off('error', reject)
                resolve((this.server.address() as AddressInfo).port)
            })
        })
    }

    close(): Promise<void> {
        for (const timer of this.timers) clearTimeout(timer)
        this.timers.clear()
        for (const res of this.hanging) res.destroy()
        this.hanging.clear()
        return new Promise((resolve, reject) => {
            this.server.close((error) => (error ? reject(error) : resolve()))
            this.server.closeAllConnections()
        })
    }

    private delay(ms: number): Promise<void> {
        return new Promise((resolve) => {
            const timer = setTimeout(() => {
                this.timers.delete(timer)
                resolve()
            }, ms)
            this.timers.add(timer)
        })
    }

    private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
        const url = new URL(req.url ?? '/', 'http://sandbox')
        this.stats.requests++
        this.stats.byPath[url.pathname] = (this.stats.byPath[url.pathname] ?? 0) + 1
        const body = await readBody(req, MAX_BODY_BYTES)
        const request: SandboxRequest = {
            method: (req.method ?? 'GET').toUpperCase(),
            path: url.pathname,
            query: url.searchParams,
            headers: req.headers,
            body,
        }
        const { latencyMs, sleep } = this.options
        if (latencyMs > 0) await (sleep ? sleep(latencyMs) : this.delay(latencyMs))
        if (isPreflight(request)) return send(res, preflight(request, this.options.corsOrigins))
        // Keycloak (the realm paths) has its own web origins and only leaves the headers out.
        const rejected = request.path.startsWith(`${REALM_PATH}/`)
            ? undefined
            : rejectedOrigin(request, this.options.corsOrigins)
        if (rejected) return send(res, rejected)

        const fault = this.options.faults.next()
        if (fault?.kind === 'timeout') return this.hang(res)
        let reply: Reply
        if (fault?.kind === 'error')
            reply = fault.status === 500 ? containerError(500) : proxyError(fault.status)
        else reply = this.dispatch(request)
        send(res, {
            ...reply,
            headers: { ...reply.headers, ...corsHeaders(request, this.options.corsOrigins) },
        })
    }

    /** A request that never answers: it ends when the client gives up, or after ~30 s. */
    private hang(res: ServerResponse): void {
        this.hanging.add(res)
        const timer = setTimeout(() => {
            this.timers.delete(timer)
            res.destroy()
        }, HANG_MS)
        this.timers.add(timer)
        res.on('close', () => {
            clearTimeout(timer)
            this.timers.delete(timer)
            this.hanging.delete(res)
        })
    }

    private dispatch(request: SandboxRequest): Reply {
        const { path } = request
        if (path === TOKEN_PATH) return token(request, this.context)
        if (path.startsWith(`${REALM_PATH}/`) || path === REALM_PATH) {
            return {
                status: 404,
                headers: { 'Content-Type': 'application/json' },
                body: '{"error":"RESTEASY003210: Could not find resource"}',
            }
        }
        const access = accessFor(path)
        if (access === 'public') {
            if (path === '/rest/config/keycloak' && request.method === 'GET')
                return discovery(this.context)
            return containerError(404)
        }
        const user = authenticate(request, this.context.tokens)
        if ('status' in user) return user
        const denied = authorize(user, access)
        if (denied) return denied
        const authed = { ...request, user }
        for (const route of ROUTES) {
            const reply = route(authed, this.context)
            if (reply) return reply
        }
        return containerError(404)
    }
}

function send(res: ServerResponse, reply: Reply): void {
    const headers: Record<string, string | string[]> = { ...reply.headers }
    const body = reply.body ?? ''
    headers['Content-Length'] = String(Buffer.byteLength(body))
    res.writeHead(reply.status, headers)
    res.end(body)
}

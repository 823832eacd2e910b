/**
 * An HTTP proxy in front of a sandbox that fails the requests a test chooses, the ways networks
 * and servers fail: a 5xx from a gateway, a connection reset before the request reached the
 * server or after it was processed (the answer is lost), a body cut off halfway, a request that
 * never answers. Faults are switched on and off between runs; the sandbox behind stays untouched.
 */
import http from 'http'
import type { AddressInfo, Socket } from 'net'

export type FaultAction =
    /** A gateway's error page; the server never saw the request. */
    | { kind: 'status'; status: 500 | 502 | 503 | 504 }
    /** The connection is reset before the request is forwarded: nothing happened upstream. */
    | { kind: 'reset-before' }
    /** Forwarded and answered upstream, then the connection is reset: the answer is lost. */
    | { kind: 'reset-after' }
    /** Forwarded; the status line and half of the body arrive, then the connection is reset. */
    | { kind: 'cut-body' }
    /** Never answered until the client gives up (or the proxy closes). */
    | { kind: 'hang' }
    /** Forwarded; the body that comes back is replaced (a page OpenSRP never stored, a broken one). */
    | { kind: 'rewrite'; body: (upstream: string) => string; contentType?: string }

export interface ProxiedRequest {
    method: string
    /** Path without the query string, e.g. `/api/tracker`. */
    path: string
    query: URLSearchParams
    /** 1 for the first request this rule matched, 2 for the second … */
    match: number
}

export interface FaultRule {
    when: (request: Omit<ProxiedRequest, 'match'>) => boolean
    /** Which matches fail (default: every one). */
    times?: (match: number) => boolean
    action: FaultAction
}

export interface FaultProxy {
    url: string
    /** Replaces the rules; `[]` lets everything through. */
    setRules(rules: FaultRule[]): void
    /** Called after each upstream answer was passed on (or lost), e.g. to restart the server. */
    onForwarded(hook: ((request: ProxiedRequest, status: number) => void) | undefined): void
    /** Faults injected so far, in order, as `METHOD path → action`. */
    readonly injected: string[]
    /** Requests seen per `METHOD path`. */
    readonly seen: Map<string, number>
    close(): Promise<void>
}

const readAll = (stream: NodeJS.ReadableStream): Promise<Buffer> =>
    new Promise((resolve, reject) => {
        const chunks: Buffer[] = []
        stream.on('data', (chunk: Buffer) => chunks.push(chunk))
        stream.on('end', () => resolve(Buffer.concat(chunks)))
        stream.on('error', reject)
    })

const GATEWAY_BODY = (status: number) =>
    JSON.stringify({
        httpStatus: 'Service Unavailable',
        httpStatusCode: status,
        status: 'ERROR',
        message: `Injected gateway error (${status})`,
    })

export async function startFaultProxy(target: string): Promise<FaultProxy> {
    const upstream = new URL(target)
    let rules: FaultRule[] = []
    let hook: ((request: ProxiedRequest, status: number) => void) | undefined
    const matches = new Map<FaultRule, number>()
    const injected: string[] = []
    const seen = new Map<string, number>()
    const open = new Set<Socket>()

    const forward = (
        req: http.IncomingMessage,
        body: Buffer
    ): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> =>
        new Promise((resolve, reject) => {
            const request = http.request(
                {
                    host: upstream.hostname,
                    port: upstream.port,
                    method: req.method,
                    path: req.url,
                    headers: { ...req.headers, host: upstream.host, connection: 'close' },
                },
                (response) => {
                    readAll(response)
                        .then((data) =>
                            resolve({
                                status: response.statusCode ?? 502,
                                headers: response.headers,
                                body: data,
                            })
                        )
                        .catch(reject)
                }
            )
            request.on('error', reject)
            request.end(body)
        })

    const server = http.createServer((req, res) => {
        void (async () => {
            const body = await readAll(req)
            const url = new URL(req.url ?? '/', 'http://proxy')
            const method = (req.method ?? 'GET').toUpperCase()
            const label = `${method} ${url.pathname}`
            seen.set(label, (seen.get(label) ?? 0) + 1)
            const base = { method, path: url.pathname, query: url.searchParams }
            let action: FaultAction | undefined
            let match = 0
            for (const rule of rules) {
                if (!rule.when(base)) continue
                match = (matches.get(rule) ?? 0) + 1
                matches.set(rule, match)
                if (!rule.times || rule.times(match)) action = rule.action
                break
            }
            if (action) injected.push(`${label} → ${action.kind}`)
            if (action?.kind === 'status') {
                res.writeHead(action.status, { 'Content-Type': 'application/json' })
                res.end(GATEWAY_BODY(action.status))
                return
            }
            if (action?.kind === 'reset-before') {
                req.socket.destroy()
                return
            }
            if (action?.kind === 'hang') return
            let answer
            try {
                answer = await forward(req, body)
            } catch {
                req.socket.destroy()
                return
            }
            hook?.({ ...base, match }, answer.status)
            if (action?.kind === 'reset-after') {
                req.socket.destroy()
                return
            }
            const headers = { ...answer.headers }
            delete headers['transfer-encoding']
            delete headers.connection
            if (action?.kind === 'rewrite') {
                const body = Buffer.from(action.body(answer.body.toString('utf8')))
                res.writeHead(answer.status, {
                    ...headers,
                    ...(action.contentType ? { 'content-type': action.contentType } : {}),
                    'content-length': String(body.length),
                })
                res.end(body)
                return
            }
            if (action?.kind === 'cut-body') {
                res.writeHead(answer.status, {
                    ...headers,
                    'content-length': String(answer.body.length),
                })
                res.write(answer.body.subarray(0, Math.floor(answer.body.length / 2)))
                setTimeout(() => req.socket.destroy(), 5)
                return
            }
            res.writeHead(answer.status, {
                ...headers,
                'content-length': String(answer.body.length),
            })
            res.end(answer.body)
        })().catch(() => req.socket.destroy())
    })
    server.on('connection', (socket) => {
        open.add(socket)
        socket.on('close', () => open.delete(socket))
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    const { port } = server.address() as AddressInfo
    return {
        url: `http://127.0.0.1:${port}`,
        setRules(next) {
            rules = next
            matches.clear()
        },
        onForwarded(next) {
            hook = next
        },
        injected,
        seen,
        async close() {
            for (const socket of open) socket.destroy()
            await new Promise<void>((resolve) => server.close(() => resolve()))
        },
    }
}

/** Matchers for the DHIS2 requests a sync makes. */
export const dhis2Requests = {
    trackerImport: (r: { method: string; path: string }) =>
        r.method === 'POST' && /^\/api\/(\d+\/)?tracker$/.test(r.path),
    dataValueSets: (r: { method: string; path: string }) =>
        r.method === 'POST' && /^\/api\/(\d+\/)?dataValueSets$/.test(r.path),
    jobPoll: (r: { method: string; path: string }) =>
        r.method === 'GET' && /^\/api\/(\d+\/)?tracker\/jobs\/[^/]+$/.test(r.path),
    jobReport: (r: { method: string; path: string }) =>
        r.method === 'GET' && /^\/api\/(\d+\/)?tracker\/jobs\/[^/]+\/report$/.test(r.path),
    dataStore: (r: { method: string; path: string }) => /^\/api\/(\d+\/)?dataStore\//.test(r.path),
}

import http from 'http'

/**
 * A pass-through HTTP proxy in front of one sandbox that counts what a client sends: requests per
 * route, bytes, and the time at least one request was in flight ("busy": the client was waiting
 * on that server). Optionally hands the bodies of chosen requests to `capture`, so the benchmark
 * can replay exactly what the engine posted.
 */

export interface ServerCounts {
    requests: number
    /** `POST /api/tracker`, `GET /api/tracker/jobs/:id/report` … */
    byRoute: Record<string, number>
    busyMs: number
    bytesSent: number
    bytesReceived: number
}

export interface CapturedRequest {
    method: string
    /** Path and query, as the client sent them. */
    url: string
    body: string
}

export interface CountingProxyOptions {
    target: string
    /** Which requests' bodies to capture (all when absent and `capture` is set). */
    captureWhen?: (method: string, url: string) => boolean
    capture?: (request: CapturedRequest) => void
}

export interface CountingProxy {
    url: string
    counts(): ServerCounts
    close(): Promise<void>
}

const UID = /^[A-Za-z][A-Za-z0-9]{10}$/
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
// A word such as `enrollments` is 11 letters too; a UID almost always has a digit or a capital.
const isId = (segment: string) =>
    UUID.test(segment) || (UID.test(segment) && /[A-Z0-9]/.test(segment.slice(1)))

/** The route without its query, ids replaced by `:id`, so counts group by what was done. */
export function routeOf(method: string, url: string): string {
    const path = url.split('?')[0] ?? '/'
    const segments = path.split('/').map((s) => (isId(s) ? ':id' : s))
    return `${method} ${segments.join('/')}`
}

/** Wall time during which at least one request was open. */
export function busyTimer(now: () => number = () => performance.now()) {
    let open = 0
    let since = 0
    let total = 0
    return {
        start() {
            if (open++ === 0) since = now()
        },
        end() {
            if (--open === 0) total += now() - since
        },
        totalMs: () => total + (open > 0 ? now() - since : 0),
    }
}

export async function startCountingProxy(options: CountingProxyOptions): Promise<CountingProxy> {
    const target = new URL(options.target)
    const agent = new http.Agent({ keepAlive: true, maxSockets: 64 })
    const counts: ServerCounts = {
        requests: 0,
        byRoute: {},
        busyMs: 0,
        bytesSent: 0,
        bytesReceived: 0,
    }
    const busy = busyTimer()

    const server = http.createServer((req, res) => {
        const method = req.method ?? 'GET'
        const url = req.url ?? '/'
        const route = routeOf(method, url)
        counts.requests++
        counts.byRoute[route] = (counts.byRoute[route] ?? 0) + 1
        busy.start()
        let ended = false
        const finish = () => {
            if (ended) return
            ended = true
            busy.end()
        }
        res.on('close', finish)
        const chunks: Buffer[] | undefined =
            options.capture && (options.captureWhen?.(method, url) ?? true) ? [] : undefined
        const upstream = http.request(
            {
                host: target.hostname,
                port: target.port,
                method,
                path: url,
                headers: { ...req.headers, host: target.host },
                agent,
            },
            (reply) => {
                res.writeHead(reply.statusCode ?? 502, reply.headers)
                reply.on('data', (chunk: Buffer) => (counts.bytesReceived += chunk.length))
                reply.pipe(res)
            }
        )
        upstream.on('error', (error) => {
            if (!res.headersSent) res.writeHead(502, { 'Content-Type': 'text/plain' })
            res.end(`proxy: ${error.message}`)
        })
        req.on('data', (chunk: Buffer) => {
            counts.bytesSent += chunk.length
            chunks?.push(chunk)
        })
        req.on('end', () => {
            if (chunks && options.capture)
                options.capture({ method, url, body: Buffer.concat(chunks).toString('utf8') })
        })
        req.pipe(upstream)
    })
    await new Promise<void>((resolve, reject) => {
        server.once('error', reject)
        server.listen(0, '127.0.0.1', () => resolve())
    })
    const address = server.address()
    if (address === null || typeof address === 'string') throw new Error('Proxy has no TCP port')
    return {
        url: `http://127.0.0.1:${address.port}`,
        counts: () => ({ ...counts, byRoute: { ...counts.byRoute }, busyMs: busy.totalMs() }),
        close: async () => {
            server.closeAllConnections()
            agent.destroy()
            await new Promise<void>((resolve) => server.close(() => resolve()))
        },
    }
}

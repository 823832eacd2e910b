import { request as httpRequest, type IncomingHttpHeaders } from 'http'

/**
 * A minimal HTTP client on node's `http`: Jest 27's node environment exposes no global `fetch`,
 * and `loadRecords` must work both there and under tsx.
 */

export interface ClientResponse {
    status: number
    headers: IncomingHttpHeaders
    text: string
}

export interface ClientRequest {
    method?: string
    headers?: Record<string, string>
    body?: string
    /** Abort after this many ms (the request then rejects). */
    timeoutMs?: number
}

export function send(url: string, init: ClientRequest = {}): Promise<ClientResponse> {
    return new Promise((resolve, reject) => {
        const body = init.body === undefined ? undefined : Buffer.from(init.body)
        const req = httpRequest(
            url,
            {
                method: init.method ?? 'GET',
                headers: {
                    ...init.headers,
                    ...(body ? { 'Content-Length': String(body.length) } : {}),
                },
                agent: false,
            },
            (res) => {
                const chunks: Buffer[] = []
                res.on('data', (chunk: Buffer) => chunks.push(chunk))
                res.on('end', () =>
                    resolve({
                        status: res.statusCode ?? 0,
                        headers: res.headers,
                        text: Buffer.concat(chunks).toString('utf8'),
                    })
                )
                res.on('error', reject)
            }
        )
        if (init.timeoutMs !== undefined) {
            req.setTimeout(init.timeoutMs, () => req.destroy(new Error('timeout')))
        }
        req.on('error', reject)
        req.end(body)
    })
}

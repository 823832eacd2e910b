import http from 'http'
import type { AddressInfo } from 'net'

export interface ScriptedRequest {
    method: string
    url: URL
    headers: http.IncomingHttpHeaders
    body: string
}

export interface ScriptedResponse {
    status: number
    headers?: Record<string, string>
    body?: string
}

/** A throwaway HTTP server whose every answer the test decides; it records what it received. */
export async function startScriptedServer(handler: (request: ScriptedRequest) => ScriptedResponse) {
    const received: ScriptedRequest[] = []
    const server = http.createServer((req, res) => {
        const chunks: Buffer[] = []
        req.on('data', (chunk: Buffer) => chunks.push(chunk))
        req.on('end', () => {
            const request: ScriptedRequest = {
                method: req.method ?? 'GET',
                url: new URL(req.url ?? '/', 'http://127.0.0.1'),
                headers: req.headers,
                body: Buffer.concat(chunks).toString('utf8'),
            }
            received.push(request)
            const response = handler(request)
            res.writeHead(response.status, response.headers ?? {})
            res.end(response.body ?? '')
        })
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    const { port } = server.address() as AddressInfo
    return {
        url: `http://127.0.0.1:${port}`,
        received,
        close: () => new Promise<void>((resolve) => server.close(() => resolve())),
    }
}

export const json = (status: number, body: unknown): ScriptedResponse => ({
    status,
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
})

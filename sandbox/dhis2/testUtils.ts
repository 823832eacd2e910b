import AdmZip from 'adm-zip'
import http from 'http'
import vm from 'vm'

/** Helpers for the shell's tests (not used by the server). */

/**
 * Jest 27's node environment does not copy Node 20's `fetch`, `FormData` and `Blob` into the test
 * realm; take them from the main realm.
 */
function mainRealm<T>(name: string, guard: (value: unknown) => value is T): T {
    const value: unknown = vm.runInThisContext(name)
    if (!guard(value)) throw new Error(`Node ${name} is missing (Node 20 needed)`)
    return value
}
const isFunction = <T>(value: unknown): value is T => typeof value === 'function'
export const fetch = mainRealm<typeof globalThis.fetch>('fetch', isFunction)
const FormDataClass = mainRealm<typeof globalThis.FormData>('FormData', isFunction)
const BlobClass = mainRealm<typeof globalThis.Blob>('Blob', isFunction)

export const basic = (username: string, password: string): string =>
    `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`

export const ADMIN = basic('admin', 'district')
export const OPERATOR = basic('operator', 'Operator123')
export const NURSE = basic('nurse', 'Nurse123')

export function appZip(manifest: Record<string, unknown> = {}): Buffer {
    const zip = new AdmZip()
    zip.addFile(
        'manifest.webapp',
        Buffer.from(
            JSON.stringify({
                appType: 'APP',
                short_name: 'opensrp-connector',
                name: 'OpenSRP Connector',
                version: '0.1.0',
                launch_path: 'index.html',
                activities: { dhis: { href: '*', namespace: 'opensrp-connector' } },
                authorities: ['OPENSRP_CONNECTOR_CONFIGURE', 'OPENSRP_CONNECTOR_RUN_IMPORT'],
                icons: { '48': 'dhis2-app-icon.png' },
                ...manifest,
            })
        )
    )
    zip.addFile(
        'index.html',
        Buffer.from(
            '<html><head><meta name="dhis2-base-url" content="__DHIS2_BASE_URL__"></head></html>'
        )
    )
    zip.addFile('assets/app.js', Buffer.from('console.log("app")'))
    zip.addFile('manifest.json', Buffer.from('{"name":"x"}'))
    return zip.toBuffer()
}

export async function uploadApp(
    baseUrl: string,
    zip: Buffer,
    authorization = ADMIN
): Promise<Response> {
    const form = new FormDataClass()
    form.append('file', new BlobClass([new Uint8Array(zip)]), 'app.zip')
    return fetch(`${baseUrl}/api/apps`, {
        method: 'POST',
        body: form,
        headers: { Authorization: authorization },
    })
}

export interface Upstream {
    url: string
    requests: Array<{
        method: string
        url: string
        headers: http.IncomingHttpHeaders
        body: string
    }>
    close(): Promise<void>
}

/** A stand-in upstream that records requests; `/slow` never answers, `/fail` answers 500. */
export async function startUpstream(): Promise<Upstream> {
    const requests: Upstream['requests'] = []
    const server = http.createServer((req, res) => {
        const chunks: Buffer[] = []
        req.on('data', (chunk: Buffer) => chunks.push(chunk))
        req.on('end', () => {
            requests.push({
                method: req.method ?? '',
                url: req.url ?? '',
                headers: req.headers,
                body: Buffer.concat(chunks).toString('utf8'),
            })
            if (req.url?.startsWith('/opensrp/slow')) return
            if (req.url?.startsWith('/opensrp/fail')) {
                res.writeHead(500, { 'Content-Type': 'application/json' })
                res.end('{"error":"upstream broke"}')
                return
            }
            if (req.url?.startsWith('/opensrp/token')) {
                res.writeHead(200, { 'Content-Type': 'application/json' })
                res.end('{"access_token":"tok-123","expires_in":3600}')
                return
            }
            res.writeHead(200, { 'Content-Type': 'application/json', ETag: '"v1"' })
            res.end(JSON.stringify({ ok: true, path: req.url }))
        })
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    const address = server.address()
    const port = address !== null && typeof address === 'object' ? address.port : 0
    return {
        url: `http://127.0.0.1:${port}`,
        requests,
        close: () =>
            new Promise((resolve) => {
                server.closeAllConnections()
                server.close(() => resolve())
            }),
    }
}

export const readJson = async (response: Response): Promise<unknown> =>
    JSON.parse(await response.text())

export function sessionCookie(response: Response): string {
    const cookie = response.headers.get('set-cookie') ?? ''
    const match = /JSESSIONID=([^;]+)/.exec(cookie)
    if (!match) throw new Error(`No session cookie in ${cookie}`)
    return `JSESSIONID=${match[1]}`
}

import { CLIENT_ID, CLIENT_SECRET } from './auth'
import type { OpenSrpSandbox } from './index'
import { send, type ClientRequest } from './httpClient'
import type { JsonObject } from './json'
import { TOKEN_PATH } from './routes/keycloak'

/** Helpers for the sandbox's own tests (not a test file: no `.test` suffix). */

export const basic = (user: string, password: string): string =>
    `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`

export const ADMIN = basic('opensrp-admin', 'Admin123')
export const CHW = basic('chw', 'Chw12345')

export interface Fetched {
    status: number
    header(name: string): string | undefined
    text: string
    json<T = JsonObject>(): T
}

export async function call(
    sandbox: Pick<OpenSrpSandbox, 'url'>,
    path: string,
    init: ClientRequest = {},
    authorization: string | null = ADMIN
): Promise<Fetched> {
    const headers: Record<string, string> = { ...init.headers }
    if (authorization !== null && headers.Authorization === undefined)
        headers.Authorization = authorization
    const response = await send(`${sandbox.url}${path}`, { ...init, headers })
    return {
        status: response.status,
        header: (name) => {
            const value = response.headers[name.toLowerCase()]
            return Array.isArray(value) ? value.join(', ') : value
        },
        text: response.text,
        json: <T>() => JSON.parse(response.text) as T,
    }
}

export const postJson = (
    sandbox: Pick<OpenSrpSandbox, 'url'>,
    path: string,
    body: unknown,
    auth = ADMIN
) =>
    call(
        sandbox,
        path,
        {
            method: 'POST',
            body: JSON.stringify(body),
            headers: { 'Content-Type': 'application/json' },
        },
        auth
    )

export async function passwordGrant(
    sandbox: Pick<OpenSrpSandbox, 'url'>,
    form: Record<string, string>
): Promise<Fetched> {
    return call(
        sandbox,
        TOKEN_PATH,
        {
            method: 'POST',
            headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
            body: new URLSearchParams({
                client_id: CLIENT_ID,
                client_secret: CLIENT_SECRET,
                ...form,
            }).toString(),
        },
        null
    )
}

export interface SyncPage {
    events: JsonObject[]
    clients: JsonObject[]
    no_of_events: number
    total_records?: number
}

export const versions = (records: JsonObject[]): number[] =>
    records.map((r) => (typeof r.serverVersion === 'number' ? r.serverVersion : NaN))

/** Paths of null values in a JSON document: Jackson's NON_NULL leaves none (reference §2). */
export function nullPaths(value: unknown, path = '$'): string[] {
    if (value === null) return [path]
    if (Array.isArray(value)) return value.flatMap((v, i) => nullPaths(v, `${path}[${i}]`))
    if (typeof value === 'object')
        return Object.entries(value).flatMap(([k, v]) => nullPaths(v, `${path}.${k}`))
    return []
}

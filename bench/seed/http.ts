import http from 'http'

/**
 * The seed's HTTP: one request at a time, Basic auth on every call (Dhis2HttpUtils.post sent the
 * username and password with each request), JSON in and out. Nothing is retried: the seed never
 * did. Node's http module with a keep-alive agent: the leanest client, so the seed is not slowed
 * by its HTTP stack (Node's fetch costs a few ms of CPU per request on these machines).
 */

export interface BasicCredentials {
    username: string
    password: string
}

export interface JsonReply {
    status: number
    body: unknown
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 8 })

export const basicAuthorization = ({ username, password }: BasicCredentials) =>
    `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`

function parse(text: string): unknown {
    if (text.length === 0) return undefined
    try {
        return JSON.parse(text)
    } catch {
        return text
    }
}

/** One HTTP exchange; the body is sent as given (already JSON) and the answer parsed as JSON. */
export function requestJson(
    method: 'GET' | 'POST',
    url: string,
    authorization: string,
    body?: string
): Promise<JsonReply> {
    return new Promise((resolve, reject) => {
        const request = http.request(
            url,
            {
                method,
                agent,
                headers: {
                    Authorization: authorization,
                    Accept: 'application/json',
                    ...(body !== undefined
                        ? {
                              'Content-Type': 'application/json',
                              'Content-Length': Buffer.byteLength(body),
                          }
                        : {}),
                },
            },
            (response) => {
                const chunks: Buffer[] = []
                response.on('data', (chunk: Buffer) => chunks.push(chunk))
                response.on('end', () =>
                    resolve({
                        status: response.statusCode ?? 0,
                        body: parse(Buffer.concat(chunks).toString('utf8')),
                    })
                )
                response.on('error', reject)
            }
        )
        request.on('error', reject)
        request.end(body)
    })
}

export const getJson = (url: string, credentials: BasicCredentials) =>
    requestJson('GET', url, basicAuthorization(credentials))

export const postJson = (url: string, credentials: BasicCredentials, payload: unknown) =>
    requestJson('POST', url, basicAuthorization(credentials), JSON.stringify(payload))

/** Small readers for unknown JSON, so nothing is cast. */
export const isObject = (value: unknown): value is Record<string, unknown> =>
    typeof value === 'object' && value !== null && !Array.isArray(value)

export const stringAt = (value: unknown, key: string): string | undefined => {
    if (!isObject(value)) return undefined
    const field = value[key]
    return typeof field === 'string' ? field : undefined
}

export const objectAt = (value: unknown, key: string): Record<string, unknown> | undefined => {
    if (!isObject(value)) return undefined
    const field = value[key]
    return isObject(field) ? field : undefined
}

export const arrayAt = (value: unknown, key: string): unknown[] => {
    if (!isObject(value)) return []
    const field = value[key]
    return Array.isArray(field) ? field : []
}

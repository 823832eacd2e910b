/**
 * The seed's HTTP: one request at a time, Basic auth on every call (Dhis2HttpUtils.post sent the
 * username and password with each request), JSON in and out. Nothing is retried: the seed never did.
 */

export interface BasicCredentials {
    username: string
    password: string
}

export interface JsonReply {
    status: number
    body: unknown
}

const basic = ({ username, password }: BasicCredentials) =>
    `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`

async function readJson(response: Response): Promise<unknown> {
    const text = await response.text()
    if (text.length === 0) return undefined
    try {
        return JSON.parse(text)
    } catch {
        return text
    }
}

export async function getJson(url: string, credentials: BasicCredentials): Promise<JsonReply> {
    const response = await fetch(url, {
        headers: { Authorization: basic(credentials), Accept: 'application/json' },
    })
    return { status: response.status, body: await readJson(response) }
}

export async function postJson(
    url: string,
    credentials: BasicCredentials,
    payload: unknown
): Promise<JsonReply> {
    const response = await fetch(url, {
        method: 'POST',
        headers: {
            Authorization: basic(credentials),
            Accept: 'application/json',
            'Content-Type': 'application/json',
        },
        body: JSON.stringify(payload),
    })
    return { status: response.status, body: await readJson(response) }
}

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

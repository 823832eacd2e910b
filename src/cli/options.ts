import { parseArgs, type ParseArgsConfig } from 'node:util'

/**
 * Command-line options shared by the commands that talk to DHIS2. Every connection option can also
 * come from the environment (DHIS2_URL, DHIS2_TOKEN, DHIS2_USER, DHIS2_PASSWORD), so a token never
 * has to appear in a crontab line or in `ps`.
 */

export interface ConnectionOptions {
    url: string
    auth: { type: 'token'; token: string } | { type: 'basic'; username: string; password: string }
}

export interface CommonOptions {
    connection: ConnectionOptions
    json: boolean
    /** SQLite file of the local sync store. */
    storePath?: string
}

export class UsageError extends Error {
    constructor(message: string) {
        super(message)
        this.name = 'UsageError'
    }
}

export const CONNECTION_FLAGS = {
    'dhis2-url': { type: 'string' },
    'dhis2-token': { type: 'string' },
    'dhis2-user': { type: 'string' },
    'dhis2-password': { type: 'string' },
    json: { type: 'boolean', default: false },
    store: { type: 'string' },
} as const

type Env = Record<string, string | undefined>

export function connectionFrom(
    values: {
        'dhis2-url'?: string
        'dhis2-token'?: string
        'dhis2-user'?: string
        'dhis2-password'?: string
    },
    env: Env
): ConnectionOptions {
    const url = values['dhis2-url'] ?? env.DHIS2_URL
    if (!url) throw new UsageError('Say which DHIS2 to use: --dhis2-url URL (or DHIS2_URL).')
    const token = values['dhis2-token'] ?? env.DHIS2_TOKEN
    if (token) return { url, auth: { type: 'token', token } }
    const username = values['dhis2-user'] ?? env.DHIS2_USER
    const password = values['dhis2-password'] ?? env.DHIS2_PASSWORD
    if (username && password) return { url, auth: { type: 'basic', username, password } }
    throw new UsageError(
        'Say how to log in to DHIS2: --dhis2-token PAT (or DHIS2_TOKEN), or --dhis2-user U and --dhis2-password P (or DHIS2_USER and DHIS2_PASSWORD).'
    )
}

type Flags = NonNullable<ParseArgsConfig['options']>

export function parseCommand<const F extends Flags>(args: string[], flags: F) {
    try {
        return parseArgs({
            args,
            options: { ...CONNECTION_FLAGS, ...flags },
            allowPositionals: true,
            strict: true,
        })
    } catch (error) {
        throw new UsageError(error instanceof Error ? error.message : String(error))
    }
}

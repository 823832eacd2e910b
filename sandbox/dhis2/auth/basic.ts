import { randomBytes } from 'crypto'
import type { SandboxUser } from '../contract'
import type { Dhis2State } from '../state'

export type Credentials =
    { kind: 'none' } | { kind: 'user'; user: SandboxUser } | { kind: 'invalid'; message: string }

export const findUser = (state: Dhis2State, username: string): SandboxUser | undefined =>
    state.users.find((u) => u.username === username)

export function checkPassword(
    state: Dhis2State,
    username: string,
    password: string
): SandboxUser | undefined {
    const user = findUser(state, username)
    return user && user.password === password ? user : undefined
}

/**
 * `Authorization: Basic …` or `ApiToken d2pat_…`. The data engine always sends the header, empty
 * when it has no token (reference §2.1): an empty header is no credentials at all.
 */
export function fromAuthorizationHeader(
    state: Dhis2State,
    header: string | undefined
): Credentials {
    const value = (header ?? '').trim()
    if (value === '') return { kind: 'none' }
    const [scheme = '', ...rest] = value.split(/\s+/)
    const token = rest.join(' ')
    if (/^basic$/i.test(scheme)) {
        const decoded = Buffer.from(token, 'base64').toString('utf8')
        const colon = decoded.indexOf(':')
        if (colon < 0) return { kind: 'invalid', message: 'Bad credentials' }
        const user = checkPassword(state, decoded.slice(0, colon), decoded.slice(colon + 1))
        return user ? { kind: 'user', user } : { kind: 'invalid', message: 'Bad credentials' }
    }
    if (/^apitoken$/i.test(scheme)) {
        const username = state.tokens.get(token)
        const user = username === undefined ? undefined : findUser(state, username)
        return user
            ? { kind: 'user', user }
            : { kind: 'invalid', message: 'The API token does not exists' }
    }
    return { kind: 'invalid', message: 'Unsupported authorization scheme' }
}

/** A personal access token in DHIS2's `d2pat_` format (2.37+). */
export function createPersonalAccessToken(state: Dhis2State, username: string): string {
    const token = `d2pat_${randomBytes(24).toString('base64url').replace(/[-_]/g, 'x')}${randomBytes(
        4
    )
        .readUInt32BE(0)
        .toString()
        .padStart(10, '0')}`
    state.tokens.set(token, username)
    return token
}

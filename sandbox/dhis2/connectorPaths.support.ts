import type { Dhis2Minor, SandboxUser } from './contract'
import type { Dhis2Sandbox, Dhis2SandboxOptions } from './server'
import { startDhis2Sandbox } from './server'
import { fetch, readJson } from './testUtils'

/**
 * Shared pieces of the connector-path contract tests (connectorPaths.*.test.ts): the BD EPI
 * identifiers the connector sends, a sandbox with a hand-driven clock, and a JSON call helper.
 */

export const BD = {
    monthly: 'Qnf0P01U3T1',
    weekly: 'ORjrZOfdUfU',
    bcg: 'B0jp1RrdN32',
    opv0: 'cU8l7fQCLBU',
    weeklyPenta1: 'kW3nPen1Wk2',
    male: 'ocU7V0kuUHq',
    female: 'm48aYeV9dEa',
    /** Mouchak Ward 1 EPI Centre: the nurse's capture scope. */
    ward1: 'yI54G6cBAtY',
    ward1Code: 'EPI_MOUCHAK_W1',
    /** Mouchak Ward 2 EPI Centre: assigned to the data sets and programs, outside the nurse's scope. */
    ward2: 'YA71Hl4qHqf',
    /** Mouchak Union: in the operator's scope, assigned to no data set or program. */
    union: 'TJVyV3rXr9T',
    childProgram: 'C15BBx4PSBf',
    immunisationStage: 'CH7Lg690vBD',
    person: 'ligA6yGUkYl',
    opensrpId: 'caS6LyxoM41',
    firstName: 'QjWOSmGM0J3',
    vaccine: 'qR6eP15RJ7h',
    dose: 'UGinqBJICof',
} as const

export const OPERATOR_ID = 'L46jEA1kmsI'
export const NURSE_ID = 'aNk5AyC7ydy'

/** A clock the test moves by hand: async jobs run only when it passes their due time. */
export interface ManualClock {
    now(): Date
    advance(ms: number): void
}

export function manualClock(start = '2024-06-03T10:20:41.377Z'): ManualClock {
    let time = new Date(start).getTime()
    return {
        now: () => new Date(time),
        advance: (ms) => {
            time += ms
        },
    }
}

export interface Started {
    server: Dhis2Sandbox
    clock: ManualClock
    url: string
}

const running: Dhis2Sandbox[] = []

export async function start(
    minor: Dhis2Minor,
    options: Omit<Dhis2SandboxOptions, 'minor' | 'clock'> = {}
): Promise<Started> {
    const clock = manualClock()
    const server = await startDhis2Sandbox({ minor, clock, asyncJobDelayMs: 1000, ...options })
    running.push(server)
    return { server, clock, url: server.url }
}

export async function stopAll(): Promise<void> {
    await Promise.all(running.splice(0).map((server) => server.close()))
}

export function user(server: Dhis2Sandbox, username: string): SandboxUser {
    const found = server.users.find((u) => u.username === username)
    if (!found) throw new Error(`No user ${username}`)
    return found
}

export type Json = Record<string, unknown>

export const isJson = (value: unknown): value is Json =>
    typeof value === 'object' && value !== null && !Array.isArray(value)

export function asJson(value: unknown): Json {
    if (!isJson(value)) throw new Error(`Not a JSON object: ${JSON.stringify(value)}`)
    return value
}

export function asList(value: unknown): Json[] {
    if (!Array.isArray(value)) throw new Error(`Not a JSON array: ${JSON.stringify(value)}`)
    return value.map(asJson)
}

export interface Reply {
    status: number
    /** Parsed JSON, or undefined for an empty body. */
    body: unknown
    headers: Headers
}

/** One JSON request as the data engine makes it (XHR header, JSON body). */
export async function api(
    url: string,
    method: string,
    authorization: string,
    body?: unknown
): Promise<Reply> {
    const response = await fetch(url, {
        method,
        headers: {
            Authorization: authorization,
            'Content-Type': 'application/json',
            Accept: 'application/json',
            'X-Requested-With': 'XMLHttpRequest',
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    })
    const text = await response.clone().text()
    return {
        status: response.status,
        body: text === '' ? undefined : await readJson(response),
        headers: response.headers,
    }
}

/** `{wrapper}.response` when wrapped, else the body itself (plain ImportSummary). */
export const summaryOf = (body: unknown): Json => {
    const json = asJson(body)
    return isJson(json.response) ? json.response : json
}

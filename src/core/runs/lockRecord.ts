import { isObject, isoAt, oneOf, stringAt, stringsAt } from './guards'
import type { JsonObject } from './guards'
import type { RunScope } from './scope'

/** The dataStore value of a run lock (key `lock.<scopeKey>`) and how it is read back. */

export const LOCK_KEY_PREFIX = 'lock.'

export const runLockKey = (partition: string): string => `${LOCK_KEY_PREFIX}${partition}`

export type RunTrigger = 'manual' | 'scheduled'
export const RUN_TRIGGERS: readonly RunTrigger[] = ['manual', 'scheduled']

export interface RunLockOwner {
    /** DHIS2 username of whoever started the run (the token's owner for scheduled runs). */
    user: string
    runId: string
    trigger: RunTrigger
    /** The machine of a headless run, so ops can find it. */
    host?: string
}

export interface StoredRunLock {
    version: 1
    scopeKey: string
    scope: RunScope
    owner: RunLockOwner
    since: string
    heartbeatAt: string
    expiresAt: string
}

/** Who holds a lock, as told to the run that has to wait. */
export interface HeldRunLock {
    user: string
    runId: string
    trigger: RunTrigger
    host?: string
    since: string
    heartbeatAt: string
    expiresAt: string
    scopeKey: string
    scope: RunScope
}

const STREAMS = ['tracker', 'aggregate', 'both'] as const

export function parseRunScope(value: unknown): RunScope | undefined {
    if (!isObject(value)) return undefined
    const streams = oneOf(value.streams, STREAMS)
    if (!streams) return undefined
    const orgUnits = value.orgUnits === undefined ? undefined : stringsAt(value, 'orgUnits')
    const periods = value.periods === undefined ? undefined : stringsAt(value, 'periods')
    if (value.orgUnits !== undefined && !orgUnits) return undefined
    if (value.periods !== undefined && !periods) return undefined
    return {
        streams,
        ...(orgUnits ? { orgUnits } : {}),
        ...(periods ? { periods } : {}),
    }
}

function parseOwner(value: unknown): RunLockOwner | undefined {
    if (!isObject(value)) return undefined
    const user = stringAt(value, 'user')
    const runId = stringAt(value, 'runId')
    const trigger = oneOf(value.trigger, RUN_TRIGGERS)
    const host = stringAt(value, 'host')
    if (user === undefined || runId === undefined || !trigger) return undefined
    return { user, runId, trigger, ...(host !== undefined ? { host } : {}) }
}

/** undefined for anything that is not a lock this version understands. */
export function parseStoredRunLock(value: unknown): StoredRunLock | undefined {
    if (!isObject(value) || value.version !== 1) return undefined
    const o: JsonObject = value
    const scopeKey = stringAt(o, 'scopeKey')
    const scope = parseRunScope(o.scope)
    const owner = parseOwner(o.owner)
    const since = isoAt(o, 'since')
    const heartbeatAt = isoAt(o, 'heartbeatAt')
    const expiresAt = isoAt(o, 'expiresAt')
    if (scopeKey === undefined || !scope || !owner || !since || !heartbeatAt || !expiresAt)
        return undefined
    return { version: 1, scopeKey, scope, owner, since, heartbeatAt, expiresAt }
}

/** One acquisition is one owner: the same run id acquiring again later is someone else. */
export const sameHolder = (a: StoredRunLock, b: StoredRunLock): boolean =>
    a.owner.runId === b.owner.runId && a.since === b.since

export const isExpired = (lock: StoredRunLock, now: number): boolean =>
    Date.parse(lock.expiresAt) <= now

export const heldBy = (lock: StoredRunLock): HeldRunLock => ({
    ...lock.owner,
    since: lock.since,
    heartbeatAt: lock.heartbeatAt,
    expiresAt: lock.expiresAt,
    scopeKey: lock.scopeKey,
    scope: lock.scope,
})

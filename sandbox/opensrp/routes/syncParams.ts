import { jsonReply, param, type Reply } from '../http'
import { asBoolean, asNumber, asString, readObject } from '../jacksonBody'
import { javaParse, LONG_MAX } from '../javaNumbers'
import { unreadableBody } from '../springErrors'

/**
 * EventResource's two sync handlers, read as the real ones read their input (reference §2.1):
 * GET takes each field with `getStringFilter` (blank is absent) and `limit` with
 * `Integer.parseInt`; POST binds the body to `SyncParam` (five String filters, a String
 * serverVersion, an Integer limit, a boolean `return_count`). Both check that one filter is
 * non-null, then `Long.parseLong(serverVersion) + 1`, then EventsRepositoryImpl builds the query.
 */

/** Every filter is a list: EventsRepositoryImpl turns a value with a comma into SQL `IN`. */
export interface SyncFilter {
    teams?: string[]
    teamIds?: string[]
    providerIds?: string[]
    locationIds?: string[]
    baseEntityIds?: string[]
}

export interface SyncRequest {
    filter: SyncFilter
    /** Strictly greater than this; undefined: no lower bound. */
    after: number | undefined
    /** As sent: undefined or 0 mean 25. */
    limit: number | undefined
    returnCount: boolean
}

const FIELDS = {
    teams: 'team',
    teamIds: 'teamId',
    providerIds: 'providerId',
    locationIds: 'locationId',
    baseEntityIds: 'baseEntityId',
} as const

/** Any exception inside the handlers' try: 500 `{"msg":"Error occurred"}`. */
export const syncFailed = (): Reply => jsonReply(500, { msg: 'Error occurred' })

const noFilter = (): Reply => jsonReply(400, { msg: 'specify atleast one filter' })

/**
 * The repository's reading of one filter: empty adds no criterion; a value with a comma is
 * split by commons-lang `StringUtils.split` (empty tokens dropped, nothing trimmed). A value that
 * splits into nothing gives `IN ()`, which PostgreSQL rejects (undefined here, a failure).
 */
function criterion(value: string): string[] | null | undefined {
    if (value === '') return null
    const parts = value.split(',').filter((v) => v !== '')
    return parts.length === 0 ? undefined : parts
}

/** From the non-null fields to the request, or the handler's 500. */
function build(
    values: Partial<Record<keyof SyncFilter, string>>,
    serverVersion: string | undefined,
    limit: number | undefined,
    returnCount: boolean
): SyncRequest | Reply {
    let after: number | undefined
    if (serverVersion !== undefined) {
        const parsed = javaParse(serverVersion, 'long')
        if (parsed === undefined) return syncFailed()
        // Long.MAX_VALUE + 1 overflows to Long.MIN_VALUE: `>=` that is no bound at all.
        after = parsed === LONG_MAX ? undefined : Number(parsed)
    }
    const filter: SyncFilter = {}
    for (const key of Object.keys(FIELDS) as Array<keyof SyncFilter>) {
        const value = values[key]
        if (value === undefined) continue
        const parts = criterion(value)
        if (parts === undefined) return syncFailed()
        if (parts !== null) filter[key] = parts
    }
    // No criterion at all: "Atleast one search filter must be specified" (IllegalArgumentException).
    if (Object.keys(filter).length === 0 && serverVersion === undefined) return syncFailed()
    return { filter, after, limit, returnCount }
}

export function readSyncGet(query: URLSearchParams): SyncRequest | Reply {
    const values: Partial<Record<keyof SyncFilter, string>> = {}
    for (const [key, name] of Object.entries(FIELDS) as Array<[keyof SyncFilter, string]>) {
        const value = param(query, name)
        if (value !== undefined) values[key] = value
    }
    // getIntegerFilter("limit") runs before the filter check, inside the same try.
    const limitText = param(query, 'limit')
    const limit = limitText === undefined ? undefined : javaParse(limitText, 'int')
    if (limitText !== undefined && limit === undefined) return syncFailed()
    if (Object.keys(values).length === 0) return noFilter()
    // return_count is read with Boolean.getBoolean (a JVM property) on GET: always false (§2.1).
    return build(
        values,
        param(query, 'serverVersion'),
        limit === undefined ? undefined : Number(limit),
        false
    )
}

export function readSyncPost(raw: Buffer): SyncRequest | Reply {
    const members = readObject(raw)
    if (members === undefined) return unreadableBody()
    const values: Partial<Record<keyof SyncFilter, string>> = {}
    for (const [key, name] of Object.entries(FIELDS) as Array<[keyof SyncFilter, string]>) {
        const value = asString(members.get(name))
        if (!value.ok) return unreadableBody()
        if (value.value !== undefined) values[key] = value.value
    }
    const serverVersion = asString(members.get('serverVersion'))
    const limit = asNumber(members.get('limit'), 'Integer')
    const returnCount = asBoolean(members.get('return_count'))
    if (!serverVersion.ok || !limit.ok || !returnCount.ok) return unreadableBody()
    // SyncParam's getters are compared with null: an empty string is a filter here.
    if (Object.keys(values).length === 0) return noFilter()
    return build(values, serverVersion.value, limit.value, returnCount.value)
}

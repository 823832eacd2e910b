import type { ApiResponse, SandboxUser } from './contract'
import { appAuthority, reservingApp } from './apps/registry'
import { webMessage } from './http'
import type { Dhis2State, Namespaces, ShellHandler, ShellRequest, StoredEntry } from './state'
import { isoNoZone } from './state'
import { generateUid } from './model/uid'
import { hasAnyAuthority } from './users'
import { hasErrorCodes, putCreatesKey } from './versions'

/** `/api/dataStore` and `/api/userDataStore` (reference §3.5). */

const notFound = (state: Dhis2State, message: string): ApiResponse =>
    webMessage(404, message, hasErrorCodes(state.version) ? { errorCode: 'E1005' } : {})

const conflict = (state: Dhis2State, message: string): ApiResponse =>
    webMessage(409, message, hasErrorCodes(state.version) ? { errorCode: 'E1004' } : {})

/** An app's namespace is for its users and superusers only (AppManager: RESTRICTED protection). */
function mayAccess(state: Dhis2State, user: SandboxUser, namespace: string): boolean {
    const app = reservingApp(state, namespace)
    return !app || hasAnyAuthority(user, [appAuthority(app.manifest.shortName)])
}

function parseValue(raw: Buffer): { value: unknown } | undefined {
    try {
        return { value: JSON.parse(raw.toString('utf8')) as unknown }
    } catch {
        return undefined
    }
}

/**
 * `jsonb_set(value, '{a,b}', new, true)`: replaces or adds the last member; an absent parent or a
 * non-container leaves the value as it was. Numeric segments index arrays.
 */
function setAtPath(root: unknown, path: string, value: unknown): unknown {
    const segments = path.split('.')
    const copy: unknown = JSON.parse(JSON.stringify(root))
    let parent: unknown = copy
    for (const segment of segments.slice(0, -1)) {
        parent = childOf(parent, segment)
        if (parent === undefined) return copy
    }
    const last = segments[segments.length - 1] ?? ''
    if (Array.isArray(parent)) {
        const index = Number(last)
        if (Number.isInteger(index) && index >= 0 && index < parent.length) parent[index] = value
    } else if (isObject(parent)) parent[last] = value
    return copy
}

const isObject = (value: unknown): value is Record<string, unknown> =>
    typeof value === 'object' && value !== null && !Array.isArray(value)

function childOf(container: unknown, segment: string): unknown {
    if (Array.isArray(container)) return container[Number(segment)] as unknown
    return isObject(container) ? container[segment] : undefined
}

function metaData(namespace: string, key: string, entry: StoredEntry): Record<string, unknown> {
    return {
        id: entry.id,
        created: entry.created,
        lastUpdated: entry.lastUpdated,
        namespace,
        key,
        encrypted: entry.encrypted,
        createdBy: { id: entry.createdBy },
        lastUpdatedBy: { id: entry.createdBy },
    }
}

function handleStore(
    state: Dhis2State,
    request: ShellRequest,
    store: Namespaces,
    segments: string[],
    protect: boolean
): ApiResponse | undefined {
    const { method, user } = request
    const [namespace, key, extra, ...more] = segments
    if (more.length > 0) return undefined
    if (namespace === undefined) {
        if (method !== 'GET') return undefined
        const names = [...store.keys()].filter((ns) => !protect || mayAccess(state, user, ns))
        return { status: 200, body: names.sort() }
    }
    if (protect && !mayAccess(state, user, namespace)) {
        return webMessage(403, `Namespace '${namespace}' is protected, access denied`)
    }
    const keys = store.get(namespace)
    const listKeys =
        key === undefined || (key === 'keys' && extra === undefined && state.version.minor >= 40)
    if (listKeys) {
        if (method === 'GET') {
            if (!keys || keys.size === 0)
                return notFound(state, `Namespace not found: '${namespace}'`)
            return { status: 200, body: [...keys.keys()].sort() }
        }
        if (method === 'DELETE' && key === undefined) {
            if (!keys) return notFound(state, `Namespace not found: '${namespace}'`)
            store.delete(namespace)
            return webMessage(200, `Namespace '${namespace}' deleted.`)
        }
        return undefined
    }
    if (key === undefined) return undefined
    const existing = keys?.get(key)
    const missingKey = () => notFound(state, `Key '${key}' not found in namespace '${namespace}'`)
    if (extra !== undefined) {
        if (extra !== 'metaData' || method !== 'GET') return undefined
        return existing ? { status: 200, body: metaData(namespace, key, existing) } : missingKey()
    }
    const now = isoNoZone(state.now())
    const write = (value: unknown, previous: StoredEntry | undefined): void => {
        const namespaceKeys = keys ?? new Map<string, StoredEntry>()
        namespaceKeys.set(key, {
            value,
            id: previous?.id ?? generateUid(),
            created: previous?.created ?? now,
            lastUpdated: now,
            createdBy: previous?.createdBy ?? user.id,
            encrypted: previous?.encrypted ?? request.query.get('encrypt') === 'true',
        })
        store.set(namespace, namespaceKeys)
    }
    switch (method) {
        case 'GET':
            // Encrypted values are decrypted for readers who may see the namespace.
            return existing ? { status: 200, body: existing.value } : missingKey()
        case 'POST': {
            if (existing)
                return conflict(state, `Key '${key}' already exists in namespace '${namespace}'`)
            const parsed = parseValue(request.rawBody)
            if (!parsed) return webMessage(400, `Invalid JSON value for key '${key}'`)
            write(parsed.value, undefined)
            return webMessage(201, `Key created: '${key}'`)
        }
        case 'PUT': {
            if (!existing && !putCreatesKey(state.version)) return missingKey()
            const parsed = parseValue(request.rawBody)
            if (!parsed) return webMessage(400, `Invalid JSON value for key '${key}'`)
            // 2.41+ `?path=a.b`: only that member of an existing value changes (a missing key is
            // created whole, as DatastoreController.putEntry does). 2.40 has no such parameter.
            const path = request.query.get('path')
            const partial = existing && path && putCreatesKey(state.version)
            write(partial ? setAtPath(existing.value, path, parsed.value) : parsed.value, existing)
            return existing
                ? webMessage(200, `Key updated: '${key}'`)
                : webMessage(201, `Key created: '${key}'`)
        }
        case 'DELETE':
            if (!existing || !keys) return missingKey()
            keys.delete(key)
            if (keys.size === 0) store.delete(namespace)
            return webMessage(200, `Key '${key}' deleted from namespace '${namespace}'`)
        default:
            return undefined
    }
}

const segmentsOf = (path: string, prefix: string): string[] | undefined => {
    if (path !== prefix && !path.startsWith(`${prefix}/`)) return undefined
    return path
        .slice(prefix.length + 1)
        .split('/')
        .filter((s) => s !== '')
        .map((s) => decodeURIComponent(s))
}

export const dataStoreEndpoints: ShellHandler = (state, request) => {
    // Keys may end in `.json`; the router strips it from `path`, so read `rawPath`.
    const shared = segmentsOf(request.rawPath, 'dataStore')
    if (shared) return handleStore(state, request, state.dataStore, shared, true)
    const own = segmentsOf(request.rawPath, 'userDataStore')
    if (!own) return undefined
    let store = state.userDataStore.get(request.user.id)
    if (!store) {
        store = new Map()
        state.userDataStore.set(request.user.id, store)
    }
    return handleStore(state, request, store, own, false)
}

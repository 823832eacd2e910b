import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'fs'
import path from 'path'
import { installApp } from './apps/registry'
import { isRecord } from './http'
import type { StoredRoute } from './routes/store'
import type { Dhis2State, Namespaces, StoredEntry } from './state'

/** `dataDir`: model + dataStore + apps + routes as one JSON file, written on close, read on start. */

const FILE = 'dhis2-sandbox.json'
const FORMAT = 1

type NamespacesJson = Record<string, Record<string, StoredEntry>>

const namespacesToJson = (store: Namespaces): NamespacesJson =>
    Object.fromEntries([...store].map(([ns, keys]) => [ns, Object.fromEntries(keys)]))

function namespacesFromJson(value: unknown): Namespaces {
    const store: Namespaces = new Map()
    if (!isRecord(value)) return store
    for (const [ns, keys] of Object.entries(value)) {
        if (!isRecord(keys)) continue
        const entries = new Map<string, StoredEntry>()
        for (const [key, entry] of Object.entries(keys)) {
            if (isStoredEntry(entry)) entries.set(key, entry)
        }
        store.set(ns, entries)
    }
    return store
}

function isStoredEntry(value: unknown): value is StoredEntry {
    return (
        isRecord(value) &&
        'value' in value &&
        typeof value.id === 'string' &&
        typeof value.created === 'string' &&
        typeof value.lastUpdated === 'string' &&
        typeof value.createdBy === 'string' &&
        typeof value.encrypted === 'boolean'
    )
}

function isStoredRoute(value: unknown): value is StoredRoute {
    return (
        isRecord(value) &&
        typeof value.id === 'string' &&
        typeof value.name === 'string' &&
        typeof value.url === 'string' &&
        isRecord(value.headers) &&
        Array.isArray(value.authorities) &&
        typeof value.publicAccess === 'string' &&
        typeof value.owner === 'string'
    )
}

export function saveState(state: Dhis2State, dataDir: string): void {
    mkdirSync(dataDir, { recursive: true })
    const json = {
        format: FORMAT,
        minor: state.version.minor,
        systemId: state.systemId,
        model: state.model.snapshot(),
        dataStore: namespacesToJson(state.dataStore),
        userDataStore: Object.fromEntries(
            [...state.userDataStore].map(([user, store]) => [user, namespacesToJson(store)])
        ),
        apps: [...state.apps.values()].map((app) => app.zip.toString('base64')),
        routes: [...state.routes.values()],
        tokens: Object.fromEntries(state.tokens),
    }
    const file = path.join(dataDir, FILE)
    writeFileSync(`${file}.tmp`, JSON.stringify(json))
    renameSync(`${file}.tmp`, file)
}

/** Restores what `saveState` wrote; false when there is nothing (or nothing for this version). */
export function loadState(state: Dhis2State, dataDir: string): boolean {
    const file = path.join(dataDir, FILE)
    if (!existsSync(file)) return false
    const json: unknown = JSON.parse(readFileSync(file, 'utf8'))
    if (!isRecord(json) || json.format !== FORMAT) {
        throw new Error(`${file} is not a DHIS2 sandbox state file (format ${FORMAT})`)
    }
    if (json.minor !== state.version.minor) {
        throw new Error(
            `${file} holds a 2.${String(json.minor)} server; start with that version or another --data-dir`
        )
    }
    state.model.restore(json.model)
    if (typeof json.systemId === 'string') state.systemId = json.systemId
    state.dataStore = namespacesFromJson(json.dataStore)
    if (isRecord(json.userDataStore)) {
        for (const [user, store] of Object.entries(json.userDataStore)) {
            state.userDataStore.set(user, namespacesFromJson(store))
        }
    }
    for (const zip of Array.isArray(json.apps) ? json.apps : []) {
        if (typeof zip === 'string') installApp(state, Buffer.from(zip, 'base64'))
    }
    for (const route of Array.isArray(json.routes) ? json.routes : []) {
        if (isStoredRoute(route)) state.routes.set(route.id, route)
    }
    if (isRecord(json.tokens)) {
        for (const [token, user] of Object.entries(json.tokens)) {
            if (typeof user === 'string') state.tokens.set(token, user)
        }
    }
    return true
}

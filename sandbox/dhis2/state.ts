import type { ApiRequest, ApiResponse, SandboxUser } from './contract'
import type { DataModel } from './model'
import type { InstalledApp } from './apps/registry'
import type { StoredRoute } from './routes/store'
import type { ServerVersion } from './versions'

export interface StoredEntry {
    value: unknown
    id: string
    created: string
    lastUpdated: string
    createdBy: string
    encrypted: boolean
}

/** namespace → key → entry */
export type Namespaces = Map<string, Map<string, StoredEntry>>

export interface Session {
    id: string
    username?: string
    /** Where an unauthenticated browser wanted to go (Spring Security's saved request). */
    savedRequest?: string
}

export interface Dhis2State {
    version: ServerVersion
    baseUrl: string
    users: SandboxUser[]
    sessions: Map<string, Session>
    /** Personal access token → username. */
    tokens: Map<string, string>
    apps: Map<string, InstalledApp>
    dataStore: Namespaces
    /** user id → namespaces */
    userDataStore: Map<string, Namespaces>
    routes: Map<string, StoredRoute>
    systemId: string
    corsAllowlist: string[]
    /** Authorities created by installed apps (`customAuthorities`). */
    customAuthorities: Set<string>
    model: DataModel
    now(): Date
}

/** A shell request: the contract's ApiRequest plus what shell handlers need. */
export interface ShellRequest extends ApiRequest {
    /** Path after `/api/` as sent (version stripped, `.json` kept), for app files. */
    rawPath: string
    headers: Record<string, string | string[] | undefined>
}

export type ShellHandler = (
    state: Dhis2State,
    request: ShellRequest
) => Promise<ApiResponse | undefined> | ApiResponse | undefined

/** DHIS2's zone-less ISO timestamp (reference: server-wide facts). */
export const isoNoZone = (date: Date): string => date.toISOString().replace(/Z$/, '')

/**
 * The seam between the DHIS2 sandbox's HTTP shell (server, auth, users, apps, dataStore, routes,
 * startup endpoints) and its data model (metadata, dataValueSets, tracker, legacy tracker, jobs).
 * The shell parses the request, authenticates the user and strips `/api/` and `/api/{v}/`; the
 * model answers with a status and a JSON body exactly as DHIS2 of that version would.
 */

/** DHIS2 minor version: 38 means 2.38. */
export type Dhis2Minor = 38 | 39 | 40 | 41 | 42 | 43

export const SUPPORTED_MINORS: readonly Dhis2Minor[] = [38, 39, 40, 41, 42, 43]

export interface SandboxUser {
    id: string
    username: string
    password: string
    firstName: string
    surname: string
    /** `ALL` for superusers; app access is `M_<app>`; custom authorities as installed. */
    authorities: string[]
    /** Capture (data entry) scope: org unit UIDs; descendants are included. */
    organisationUnits: string[]
    dataViewOrganisationUnits: string[]
    teiSearchOrganisationUnits: string[]
    userRoles: Array<{ id: string; name: string }>
    userGroups: Array<{ id: string; name: string }>
    settings: Record<string, string>
}

export interface ApiRequest {
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'
    /** Path after `/api/` and after the optional version segment, without a trailing `.json`: `dataValueSets`, `tracker/jobs/Ab1/report`. */
    path: string
    /** The version segment of the URL (`/api/40/…` → 40), if any: some answers depend on it (dataValueSets on `/api/37/`). */
    pathVersion?: number
    query: URLSearchParams
    /** Parsed JSON body, or undefined. A body that is not JSON reaches the model as `rawBody` only. */
    body: unknown
    rawBody: Buffer
    contentType?: string
    /** The `Accept` header: DHIS2 answers `application/xml` with XML where its controllers can. */
    accept?: string
    user: SandboxUser
    /** Server minor version. */
    minor: Dhis2Minor
    /** `http://127.0.0.1:8080`, for `href`/`location` fields. */
    baseUrl: string
}

export interface ApiResponse {
    status: number
    /** Serialised as JSON unless `contentType` says otherwise; undefined = empty body. */
    body?: unknown
    contentType?: string
    headers?: Record<string, string>
}

/** Returns undefined when the path is not one the handler serves, so the shell can try others (then 404). */
export type ApiHandler = (
    request: ApiRequest
) => Promise<ApiResponse | undefined> | ApiResponse | undefined

export interface SandboxClock {
    now(): Date
}

import type { Dhis2Minor } from './contract'
import { SUPPORTED_MINORS } from './contract'

/**
 * The patch release each minor pretends to be. Route API behaviour changes within a minor
 * (reference §3.6), so it is decided by minor AND patch:
 * - 2.40.12 / 2.41.9: latest patches, routes private by default, `responseTimeoutSeconds`.
 * - 2.42.4: tracker async `responseType` "TrackerJobWebMessageResponse" like the data model
 *   (2.42.0–2.42.4, reference §7), so routes are still public by default; pass `patch: 5` for 2.42.5.
 * - 2.43.0: routes as 2.42.5.
 */
export const DEFAULT_PATCH: Record<Dhis2Minor, number> = {
    38: 7,
    39: 5,
    40: 12,
    41: 9,
    42: 4,
    43: 0,
}

export interface ServerVersion {
    minor: Dhis2Minor
    patch: number
}

export const versionString = ({ minor, patch }: ServerVersion): string => `2.${minor}.${patch}`

export function isDhis2Minor(value: number): value is Dhis2Minor {
    return (SUPPORTED_MINORS as readonly number[]).includes(value)
}

/** Parses `2.41`, `2.41.3`, `41` or `41.3`. */
export function parseVersion(text: string): ServerVersion | undefined {
    const match = /^(?:2\.)?(\d+)(?:\.(\d+))?$/.exec(text.trim())
    if (!match) return undefined
    const minor = Number(match[1])
    if (!isDhis2Minor(minor)) return undefined
    const patch = match[2] === undefined ? DEFAULT_PATCH[minor] : Number(match[2])
    return { minor, patch }
}

const atLeast = (v: ServerVersion, minor: number, patch: number): boolean =>
    v.minor > minor || (v.minor === minor && v.patch >= patch)

/** Route API switches per version (reference §3.6, §6). */
export const routeFeatures = (v: ServerVersion) => ({
    available: v.minor >= 40,
    /** 2.40: GET/POST; 2.41: any; 2.42+: GET/POST/PUT/DELETE/PATCH. */
    methods:
        v.minor === 40
            ? ['GET', 'POST']
            : v.minor === 41
              ? ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS']
              : ['GET', 'POST', 'PUT', 'DELETE', 'PATCH'],
    headerAndQueryAuth: v.minor >= 42 || atLeast(v, 41, 4) || (v.minor === 40 && v.patch >= 7),
    oauth2: v.minor >= 42,
    privateByDefault:
        v.minor >= 43 ||
        atLeast(v, 42, 5) ||
        (v.minor === 41 && v.patch >= 9) ||
        (v.minor === 40 && v.patch >= 12),
    /** "First 2.40/2.41 patches" wrap upstream errors; the reference gives no exact patch, we pick ≤ 2.40.2 and 2.41.0. */
    wrapsUpstreamErrors: (v.minor === 40 && v.patch <= 2) || (v.minor === 41 && v.patch === 0),
    /** Transport failures: 503 WebMessage before 2.42, 502/504 from 2.42. */
    badGatewayErrors: v.minor >= 42,
    /** Read timeout in seconds, or undefined when `responseTimeoutSeconds` applies (1–60, default 5). */
    fixedTimeoutSeconds:
        v.minor >= 42
            ? undefined
            : v.minor === 41
              ? v.patch <= 3
                  ? 10
                  : v.patch <= 5
                    ? 30
                    : undefined
              : v.patch <= 7
                ? 10
                : v.patch <= 9
                  ? 30
                  : undefined,
})

export const hasLoginApi = (v: ServerVersion): boolean => v.minor >= 41
export const injectsBaseUrl = (v: ServerVersion): boolean => v.minor >= 41
export const hasGlobalShell = (v: ServerVersion): boolean => v.minor >= 42
export const appUploadCreated = (v: ServerVersion): boolean => v.minor >= 42
/** dataStore PUT on a missing key creates it from 2.41 (reference §3.5). */
export const putCreatesKey = (v: ServerVersion): boolean => v.minor >= 41
/** `/api/ping` exists from 2.38.4 / 2.39.2 (reference §3.7). */
export const hasPing = (v: ServerVersion): boolean =>
    v.minor >= 40 || atLeast(v, 39, 2) || (v.minor === 38 && v.patch >= 4)
/** Not-found / conflict WebMessages carry an `errorCode` from 2.41 (reference §3.0). */
export const hasErrorCodes = (v: ServerVersion): boolean => v.minor >= 41

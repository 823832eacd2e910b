import { FetchError } from '@dhis2/app-runtime'
/** Paths of the BD package's org units, as /api/organisationUnits returns them. */
export const PATHS = {
    NWRRJHHp571: '/NWRRJHHp571',
    yI54G6cBAtY: '/NWRRJHHp571/U2aENHhynLg/EeDkgKENX6e/MwcEYcUHllt/TJVyV3rXr9T/yI54G6cBAtY',
    YA71Hl4qHqf: '/NWRRJHHp571/U2aENHhynLg/EeDkgKENX6e/MwcEYcUHllt/TJVyV3rXr9T/YA71Hl4qHqf',
} as const

export const NAMES: Record<keyof typeof PATHS, string> = {
    NWRRJHHp571: 'Bangladesh',
    yI54G6cBAtY: 'Mouchak Ward 1 EPI Centre',
    YA71Hl4qHqf: 'Mouchak Ward 2 EPI Centre',
}

const isKnown = (id: string): id is keyof typeof PATHS => id in PATHS

/** A stub for `organisationUnits?filter=id:in:[…]&fields=id,displayName,path`. */
export function orgUnitsById(_type: string, query: { params?: Record<string, unknown> }) {
    const filter = String(query.params?.filter ?? '')
    const ids = /^id:in:\[(.*)\]$/.exec(filter)?.[1]?.split(',') ?? []
    return {
        organisationUnits: ids
            .filter(isKnown)
            .map((id) => ({ id, displayName: NAMES[id], path: PATHS[id] })),
    }
}

const COUNTS = {
    pulled: 120,
    mapped: 118,
    written: 100,
    unchanged: 18,
    skipped: 2,
    failed: 3,
    batches: 4,
}

export const reportKeyOf = (id: string, startedAt: string) =>
    `run.${new Date(startedAt).toISOString().replace(/[-:.]/g, '')}.${id}`

/** A `runs.index` entry as the runs core writes it. */
export function indexEntry(id: string, startedAt: string, extra: Record<string, unknown> = {}) {
    return {
        id,
        key: reportKeyOf(id, startedAt),
        startedAt,
        finishedAt: startedAt,
        status: 'completed-with-errors',
        user: 'admin',
        trigger: 'manual',
        dryRun: false,
        scope: { streams: 'both' },
        orgUnits: ['yI54G6cBAtY', 'YA71Hl4qHqf'],
        orgUnitCount: 2,
        counts: COUNTS,
        errorCount: 3,
        ...extra,
    }
}

export const runIndex = (...entries: Array<ReturnType<typeof indexEntry>>) => ({
    version: 1,
    runs: entries,
})

/** A stored run report with errors in two facilities and one without an org unit. */
export function runReport(id: string, startedAt: string, extra: Record<string, unknown> = {}) {
    return {
        version: 1,
        id,
        user: 'admin',
        trigger: 'manual',
        startedAt,
        finishedAt: startedAt,
        scope: { streams: 'both' },
        dryRun: false,
        fingerprint: 'abc',
        summary: {
            status: 'completed-with-errors',
            dryRun: false,
            tracker: { created: 60, updated: 30, deleted: 0, unchanged: 18, failed: 2, skipped: 2 },
            aggregate: { written: 10, unchanged: 0, failed: 1, counted: 40, heldBack: [] },
            errors: [
                {
                    sourceId: 'client-w1-0001',
                    recordKind: 'trackedEntity',
                    kind: 'rejected',
                    code: 'E1064',
                    message: 'Non-unique attribute value `BD-1` for attribute `OSRP ID`',
                    orgUnit: 'yI54G6cBAtY',
                },
                {
                    sourceId: 'client-w2-0002',
                    recordKind: 'trackedEntity',
                    kind: 'rejected',
                    code: 'E1064',
                    message: '=HYPERLINK("http://evil.example")',
                    orgUnit: 'YA71Hl4qHqf',
                },
                {
                    sourceId: 'event-x-0003',
                    recordKind: 'event',
                    kind: 'mapping',
                    code: 'OSRP_NO_ORG_UNIT',
                    message: 'Location loc-9 is not mapped to a DHIS2 org unit',
                },
            ],
            errorsOmitted: 0,
        },
        counts: COUNTS,
        orgUnits: ['YA71Hl4qHqf', 'yI54G6cBAtY'],
        errorsOmittedByOrgUnit: {},
        ...extra,
    }
}

/**
 * A stub for the app's dataStore namespace read both ways: the key list (no id) and one key
 * (`id`), as useConnectorKeys and the report reader ask.
 */
export function dataStoreStub(values: Record<string, unknown>) {
    return (_type: string, query: { id?: string }) => {
        if (query.id === undefined) return Object.keys(values)
        if (query.id in values) return values[query.id]
        throw new Error(`unexpected key ${query.id}`)
    }
}

/** organisationUnits for both the id:in lookups and the org unit tree (`organisationUnits/{id}`). */
export function orgUnitsStub(
    type: string,
    query: { id?: string; params?: Record<string, unknown> }
) {
    if (query.id === undefined) return orgUnitsById(type, query)
    const id = query.id
    if (!isKnown(id)) throw new Error(`unknown org unit ${id}`)
    return { id, displayName: NAMES[id], path: PATHS[id], children: [] }
}

/**
 * The connector's dataStore as the config adapter reads and writes it (resource `dataStore`, id
 * `opensrp-connector/<key>`; a missing key is a 404, as DHIS2 answers). Writes are recorded.
 */
export function configDataStore(initial: Record<string, unknown>) {
    const values: Record<string, unknown> = { ...initial }
    const writes: Array<{ key: string; value: unknown }> = []
    const handler = (type: string, query: { id?: string; data?: unknown }) => {
        const [, rawKey] = String(query.id ?? '').split('/')
        if (rawKey === undefined) return Object.keys(values)
        const key = decodeURIComponent(rawKey)
        if (type === 'read') {
            if (key in values) return values[key]
            throw new FetchError({
                type: 'unknown',
                message: 'An unknown error occurred - Not Found (404)',
                details: { httpStatusCode: 404, message: `Key '${key}' not found` },
            })
        }
        if (type === 'replace' || type === 'update') {
            values[key] = query.data
            writes.push({ key, value: query.data })
            return { httpStatusCode: 200, message: `Key updated: '${key}'` }
        }
        throw new Error(`unexpected ${type} on the dataStore`)
    }
    return { handler, values, writes }
}

/** OpenSRP locations as `/rest/location/getAll` pages them (serverVersion >=, limit). */
export function locationsStub(locations: Array<{ id: string; name: string; code?: string }>) {
    const raw = locations.map((location, index) => ({
        type: 'Feature',
        id: location.id,
        properties: {
            name: location.name,
            status: 'Active',
            ...(location.code ? { code: location.code } : {}),
        },
        serverVersion: index + 1,
    }))
    return (_type: string, query: { params?: Record<string, unknown> }) => {
        const from = Number(query.params?.serverVersion ?? 0)
        const limit = Number(query.params?.limit ?? 25)
        return raw.filter((l) => l.serverVersion >= from).slice(0, limit)
    }
}

import type { DataEngine, Mutation } from '@dhis2/data-engine'
import type { KeyValueStore } from '../../core/ports/keyValueStore'
import type { Dhis2Version } from './engine'
import { httpStatusOf, webMessageOf } from './engineErrors'

/**
 * The app's dataStore namespace as a KeyValueStore (reference/dhis2-api.md §3.5). Keys are
 * URL-encoded: the engine puts `id` into the path as it is.
 */

export const CONNECTOR_NAMESPACE = 'opensrp-connector'

export type DataStoreErrorCode =
    'unauthorized' | 'forbidden' | 'network' | 'server-error' | 'refused'

export class DataStoreError extends Error {
    constructor(
        readonly code: DataStoreErrorCode,
        message: string,
        readonly status?: number
    ) {
        super(message)
        this.name = 'DataStoreError'
    }

    /** Worth retrying later: the network or the server, not the request. */
    get temporary(): boolean {
        return this.code === 'network' || this.code === 'server-error'
    }

    /** How a run this error stops (a cursor or report not saved) says so (core/sync/runFailure.ts). */
    get runFailure(): { code: string; message: string; retryable: boolean } {
        const code = this.temporary
            ? 'DHIS2_UNREACHABLE'
            : this.code === 'refused'
              ? 'DHIS2_REQUEST_REFUSED'
              : 'DHIS2_ACCESS_DENIED'
        return { code, message: this.message, retryable: this.temporary }
    }
}

type Variables = Record<string, unknown>

function text(variables: Variables, name: string): string {
    const value = variables[name]
    if (typeof value !== 'string') throw new TypeError(`The dataStore query needs '${name}'`)
    return encodeURIComponent(value)
}

const READ_KEY = {
    value: {
        resource: 'dataStore',
        id: (variables: Variables) => `${text(variables, 'namespace')}/${text(variables, 'key')}`,
    },
} as const

const LIST_KEYS = {
    keys: { resource: 'dataStore', id: (variables: Variables) => text(variables, 'namespace') },
} as const

/*
 * Mutations are built per call: 3.17's Mutation types take `id` and `data` as plain values, and
 * a `create` cannot have an `id`, so the key goes into its `resource`.
 */
const keyPath = (namespace: string, key: string) =>
    `${encodeURIComponent(namespace)}/${encodeURIComponent(key)}`

const replaceKey = (namespace: string, key: string, value: object): Mutation => ({
    type: 'update',
    resource: 'dataStore',
    id: keyPath(namespace, key),
    data: value,
})

const createKey = (namespace: string, key: string, value: object): Mutation => ({
    type: 'create',
    resource: `dataStore/${keyPath(namespace, key)}`,
    data: value,
})

const deleteKey = (namespace: string, key: string): Mutation => ({
    type: 'delete',
    resource: 'dataStore',
    id: keyPath(namespace, key),
})

/** The connector stores objects and arrays (the engine would drop a falsy body). */
function sendable(key: string, value: unknown): object {
    if (typeof value === 'object' && value !== null) return value
    throw new TypeError(
        `The dataStore key '${key}' cannot hold ${JSON.stringify(value) ?? 'undefined'}: store an object or an array`
    )
}

function failure(error: unknown, what: string, signal: AbortSignal | undefined): unknown {
    if (signal?.aborted) return signal.reason ?? error
    const status = httpStatusOf(error)
    const detail = webMessageOf(error)
    if (status === 401) {
        return new DataStoreError(
            'unauthorized',
            `DHIS2 no longer accepts the login while ${what} (401). Log in again.`,
            status
        )
    }
    if (status === 403) {
        return new DataStoreError(
            'forbidden',
            `DHIS2 refused ${what} (403)${detail ? `: ${detail}` : ''}. The user needs the OpenSRP Connector app (or superuser rights) to use its settings.`,
            status
        )
    }
    if (status === undefined) {
        return new DataStoreError('network', `DHIS2 could not be reached while ${what}.`)
    }
    if (status >= 500 || status === 429) {
        return new DataStoreError('server-error', `DHIS2 failed while ${what} (${status}).`, status)
    }
    return new DataStoreError(
        'refused',
        `DHIS2 refused ${what} (${status})${detail ? `: ${detail}` : ''}.`,
        status
    )
}

/** The app's `useDataEngine()` and the Node engine both fit. */
export type DataStoreEngine = Pick<DataEngine, 'query' | 'mutate'>

export function createDataStoreKeyValueStore(
    engine: DataStoreEngine,
    version: Pick<Dhis2Version, 'minor'>,
    namespace: string = CONNECTOR_NAMESPACE
): KeyValueStore {
    /** 2.38–2.40 answer 404 to a PUT on a missing key; 2.41+ create it. */
    const putCreates = version.minor >= 41

    async function put(key: string, value: object, signal?: AbortSignal): Promise<void> {
        await engine.mutate(replaceKey(namespace, key, value), { signal })
    }

    async function postThenPut(key: string, value: object, signal?: AbortSignal): Promise<void> {
        try {
            await engine.mutate(createKey(namespace, key, value), { signal })
        } catch (error) {
            // Another writer created it since our PUT: now it exists, so replace it.
            if (httpStatusOf(error) !== 409) throw error
            await put(key, value, signal)
        }
    }

    return {
        async read(key, options = {}) {
            try {
                const { value } = await engine.query(READ_KEY, {
                    variables: { namespace, key },
                    signal: options.signal,
                })
                return value
            } catch (error) {
                if (httpStatusOf(error) === 404) return undefined
                throw failure(error, `reading the setting '${key}'`, options.signal)
            }
        },

        async write(key, value, options = {}) {
            const body = sendable(key, value)
            try {
                try {
                    await put(key, body, options.signal)
                } catch (error) {
                    if (putCreates || httpStatusOf(error) !== 404) throw error
                    await postThenPut(key, body, options.signal)
                }
            } catch (error) {
                throw failure(error, `saving the setting '${key}'`, options.signal)
            }
        },

        async remove(key, options = {}) {
            try {
                await engine.mutate(deleteKey(namespace, key), { signal: options.signal })
            } catch (error) {
                if (httpStatusOf(error) === 404) return
                throw failure(error, `removing the setting '${key}'`, options.signal)
            }
        },

        async keys(options = {}) {
            let keys: unknown
            try {
                ;({ keys } = await engine.query(LIST_KEYS, {
                    variables: { namespace },
                    signal: options.signal,
                }))
            } catch (error) {
                // An empty namespace does not exist: DHIS2 answers 404 "Namespace not found".
                if (httpStatusOf(error) === 404) return []
                throw failure(error, `listing the connector's settings`, options.signal)
            }
            if (
                !Array.isArray(keys) ||
                !keys.every((key): key is string => typeof key === 'string')
            ) {
                throw new DataStoreError(
                    'refused',
                    `DHIS2 answered the list of the namespace '${namespace}' with something that is not a list of keys.`
                )
            }
            return keys
        },
    }
}

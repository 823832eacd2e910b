import type { OpenSrpAuth } from '../../adapters/opensrp/connection'
import type { KeyValueStore } from '../../core/ports/keyValueStore'

/**
 * Direct mode (DHIS2 < 2.40, no routes): the OpenSRP credentials live in the dataStore key
 * `secrets`, encrypted by DHIS2 (`encrypt=true`, DESIGN §3.5), never in the browser's storage.
 */
export const SECRETS_KEY = 'secrets'

export interface StoredSecrets {
    version: 1
    opensrp: Extract<OpenSrpAuth, { type: 'basic' }>
}

type Mutation =
    | {
          type: 'update'
          resource: string
          id: string
          params: Record<string, string>
          data: Record<string, unknown>
      }
    | {
          type: 'create'
          resource: string
          params: Record<string, string>
          data: Record<string, unknown>
      }

export interface MutatingEngine {
    mutate(mutation: Mutation, options?: { signal?: AbortSignal }): Promise<unknown>
}

const status = (error: unknown): number | undefined => {
    const details: unknown =
        typeof error === 'object' && error !== null ? Reflect.get(error, 'details') : undefined
    const code: unknown =
        typeof details === 'object' && details !== null
            ? Reflect.get(details, 'httpStatusCode')
            : undefined
    return typeof code === 'number' ? code : undefined
}

/** PUT with encrypt=true; a missing key (404 before 2.41) is created with POST instead. */
export async function saveSecrets(
    engine: MutatingEngine,
    secrets: StoredSecrets,
    options: { signal?: AbortSignal } = {}
): Promise<void> {
    const data = { version: secrets.version, opensrp: { ...secrets.opensrp } }
    const params = { encrypt: 'true' }
    try {
        await engine.mutate(
            {
                type: 'update',
                resource: 'dataStore/opensrp-connector',
                id: SECRETS_KEY,
                params,
                data,
            },
            options
        )
    } catch (error) {
        if (status(error) !== 404) throw error
        await engine.mutate(
            {
                type: 'create',
                resource: `dataStore/opensrp-connector/${SECRETS_KEY}`,
                params,
                data,
            },
            options
        )
    }
}

/** The stored OpenSRP credentials, or undefined when there are none (or they are unreadable). */
export async function readSecrets(
    kv: KeyValueStore,
    options: { signal?: AbortSignal } = {}
): Promise<StoredSecrets['opensrp'] | undefined> {
    const value = await kv.read(SECRETS_KEY, options)
    if (typeof value !== 'object' || value === null) return undefined
    const opensrp: unknown = Reflect.get(value, 'opensrp')
    if (typeof opensrp !== 'object' || opensrp === null) return undefined
    const username: unknown = Reflect.get(opensrp, 'username')
    const password: unknown = Reflect.get(opensrp, 'password')
    return typeof username === 'string' && typeof password === 'string'
        ? { type: 'basic', username, password }
        : undefined
}

import { homedir, hostname } from 'node:os'
import { mkdirSync } from 'node:fs'
import path from 'node:path'
import { z } from 'zod'
import { createDataStoreKeyValueStore } from '../adapters/dhis2/dataStore'
import { createNodeEngine } from '../adapters/dhis2/engine'
import type { Engine } from '../adapters/dhis2/writerEngine'
import { openSqliteSyncStore } from '../adapters/store/sqliteSyncStore'
import { WHOLE_COUNTRY_SCOPE_KEY } from '../core/runs/scope'
import { UsageError, type ConnectionOptions } from './options'

/** The DHIS2 engine, the connector's dataStore namespace and this machine's local store. */
export async function connect(connection: ConnectionOptions) {
    const { engine, version } = await createNodeEngine({
        baseUrl: connection.url,
        auth: connection.auth,
    })
    const kv = createDataStoreKeyValueStore(engine, version)
    return { engine, version, kv }
}

const ME = { me: { resource: 'me', params: { fields: 'username' } } } as const
const meAnswer = z.object({ me: z.object({ username: z.string().min(1) }) })

/**
 * The DHIS2 username behind the connection (the token's owner), named in locks and reports so
 * that a waiting admin knows whom to ask. Falls back to a neutral name if DHIS2 will not say.
 */
export async function whoAmI(engine: Engine, connection: ConnectionOptions): Promise<string> {
    if (connection.auth.type === 'basic') return connection.auth.username
    try {
        return meAnswer.parse(await engine.query(ME)).me.username
    } catch {
        return 'token'
    }
}

/**
 * The local store's file: one per DHIS2 server and scope under ~/.opensrp-dhis2 unless --store
 * says otherwise (`play.dhis2.org.sqlite`, `play.dhis2.org.ou-ImspTQPwCqd.sqlite`).
 */
export function defaultStorePath(dhis2Url: string, scopeKey: string, home = homedir()): string {
    const host = new URL(dhis2Url).host.replace(/[^A-Za-z0-9.-]/g, '_')
    const suffix = scopeKey === WHOLE_COUNTRY_SCOPE_KEY ? '' : `.${scopeKey}`
    return path.join(home, '.opensrp-dhis2', `${host}${suffix}.sqlite`)
}

const SCOPE_META = 'store.scopeKey'

/**
 * Opens the local store of one scope. A store belongs to the first scope that used it: the
 * aggregate ledger of a scope is rebuilt (cleared) whenever it is not the one the dataStore names,
 * so two scopes sharing a file would keep wiping each other's ledger.
 */
export async function openLocalStore(
    dhis2Url: string,
    storePath: string | undefined,
    scopeKey: string = WHOLE_COUNTRY_SCOPE_KEY
) {
    const file = storePath ?? defaultStorePath(dhis2Url, scopeKey)
    mkdirSync(path.dirname(file), { recursive: true })
    const store = await openSqliteSyncStore(file)
    const owner = await store.getMeta(SCOPE_META)
    if (owner === undefined) {
        await store.putMeta(SCOPE_META, scopeKey)
    } else if (owner !== scopeKey) {
        await store.close()
        throw new UsageError(
            `The local store ${file} belongs to the scope '${String(owner)}', not '${scopeKey}'. Give each scope its own --store file (or leave --store out: each scope then gets its own).`
        )
    }
    return { store, file }
}

export const thisHost = () => hostname()

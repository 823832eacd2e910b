import { homedir, hostname } from 'node:os'
import { mkdirSync } from 'node:fs'
import path from 'node:path'
import { createDataStoreKeyValueStore } from '../adapters/dhis2/dataStore'
import { createNodeEngine } from '../adapters/dhis2/engine'
import { openSqliteSyncStore } from '../adapters/store/sqliteSyncStore'
import type { ConnectionOptions } from './options'

/** The DHIS2 engine, the connector's dataStore namespace and this machine's local store. */
export async function connect(connection: ConnectionOptions) {
    const { engine, version } = await createNodeEngine({
        baseUrl: connection.url,
        auth: connection.auth,
    })
    const kv = createDataStoreKeyValueStore(engine, version)
    return { engine, version, kv }
}

/** One SQLite file per DHIS2 server, under ~/.opensrp-dhis2 unless --store says otherwise. */
export async function openLocalStore(dhis2Url: string, storePath: string | undefined) {
    const file =
        storePath ??
        path.join(
            homedir(),
            '.opensrp-dhis2',
            `${new URL(dhis2Url).host.replace(/[^A-Za-z0-9.-]/g, '_')}.sqlite`
        )
    mkdirSync(path.dirname(file), { recursive: true })
    return openSqliteSyncStore(file)
}

export const thisHost = () => hostname()

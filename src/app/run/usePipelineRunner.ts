import { useConfig, useDataEngine } from '@dhis2/app-runtime'
import { useMemo } from 'react'
import { systemClock } from '../../adapters/runner/systemClock'
import { dexieDatabaseNameFor } from '../../adapters/store/dexieDatabaseName'
import { openDexieSyncStore } from '../../adapters/store/dexieSyncStore'
import { useKeyValueStore } from '../config/useConfiguration'
import { useAccess } from '../user/useAccess'
import { runFromBrowser } from './pipelineRun'
import type { Runner } from './runner'

/**
 * The Runner the screens use in a browser: the connector's pipeline (runConnector) over the
 * app-runtime engine, the dataStore, the DHIS2 route to OpenSRP and the browser's IndexedDB.
 */
export function usePipelineRunner(): Runner {
    const engine = useDataEngine()
    const { serverVersion } = useConfig()
    const kv = useKeyValueStore()
    const { username } = useAccess()
    return useMemo(
        () => ({
            run: (request, options) =>
                runFromBrowser(
                    {
                        engine,
                        version: {
                            major: serverVersion?.major ?? 2,
                            minor: serverVersion?.minor ?? 40,
                            patch: serverVersion?.patch ?? 0,
                        },
                        kv,
                        clock: systemClock,
                        openStore: (scopeKey) =>
                            openDexieSyncStore({ databaseName: dexieDatabaseNameFor(scopeKey) }),
                        user: username ?? 'unknown',
                        timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
                    },
                    request,
                    options
                ),
        }),
        [engine, serverVersion, kv, username]
    )
}

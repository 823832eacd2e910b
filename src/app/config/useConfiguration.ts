import { useConfig, useDataEngine } from '@dhis2/app-runtime'
import { useCallback, useEffect, useMemo, useState } from 'react'
import {
    ConfigurationError,
    loadConfiguration,
    type LoadedConfiguration,
} from '../../adapters/dhis2/configStore'
import { createDataStoreKeyValueStore } from '../../adapters/dhis2/dataStore'
import type { KeyValueStore } from '../../core/ports/keyValueStore'

export interface Configuration {
    loading: boolean
    /** The dataStore could not be read at all (not "not configured": that is in `loaded`). */
    error: Error | undefined
    loaded: LoadedConfiguration | undefined
    reload: () => void
    /** The app's dataStore namespace (the config adapter validates what goes in and out). */
    kv: KeyValueStore
}

/** The app's dataStore namespace as the adapters' KeyValueStore, over the app-runtime engine. */
export function useKeyValueStore(): KeyValueStore {
    const engine = useDataEngine()
    const { serverVersion } = useConfig()
    const minor = serverVersion?.minor ?? 41
    return useMemo(() => createDataStoreKeyValueStore(engine, { minor }), [engine, minor])
}

/**
 * The key list first: a key that is not there is not asked for, so a new installation does not
 * fill the browser console with 404s (DHIS2 answers a missing key with one).
 */
async function loadQuietly(kv: KeyValueStore, signal: AbortSignal): Promise<LoadedConfiguration> {
    const keys = await kv.keys({ signal })
    const missing = (['settings', 'mappings'] as const).filter((key) => !keys.includes(key))
    if (missing.length === 0) return loadConfiguration(kv, { signal })
    return {
        ok: false,
        error: new ConfigurationError(
            'not-configured',
            `The connector is not set up yet: no ${missing.join(' and no ')} saved in DHIS2.`,
            [...missing]
        ),
    }
}

/** Settings and mappings as the config adapter reads them (validated, migrated). */
export function useConfiguration(): Configuration {
    const kv = useKeyValueStore()
    const [generation, setGeneration] = useState(0)
    const [state, setState] = useState<Omit<Configuration, 'reload' | 'kv'>>({
        loading: true,
        error: undefined,
        loaded: undefined,
    })
    useEffect(() => {
        const controller = new AbortController()
        setState((s) => ({ ...s, loading: true }))
        loadQuietly(kv, controller.signal).then(
            (loaded) => {
                if (!controller.signal.aborted)
                    setState({ loading: false, error: undefined, loaded })
            },
            (error: unknown) => {
                if (controller.signal.aborted) return
                setState({
                    loading: false,
                    error: error instanceof Error ? error : new Error(String(error)),
                    loaded: undefined,
                })
            }
        )
        return () => controller.abort()
    }, [kv, generation])
    const reload = useCallback(() => setGeneration((g) => g + 1), [])
    return { ...state, reload, kv }
}

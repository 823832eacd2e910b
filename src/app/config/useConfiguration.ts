import { useConfig, useDataEngine } from '@dhis2/app-runtime'
import { useCallback, useEffect, useMemo, useState } from 'react'
import { loadConfiguration, type LoadedConfiguration } from '../../adapters/dhis2/configStore'
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
        loadConfiguration(kv, { signal: controller.signal }).then(
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

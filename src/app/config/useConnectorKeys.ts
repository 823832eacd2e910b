import { useDataQuery } from '@dhis2/app-runtime'
import { isNotFound } from './dataStoreErrors'

const keysQuery = {
    keys: { resource: 'dataStore/opensrp-connector' },
} as const

const isStringList = (value: unknown): value is string[] =>
    Array.isArray(value) && value.every((key) => typeof key === 'string')

export interface ConnectorKeys {
    loading: boolean
    /** A failure other than "nothing saved yet" (404). */
    error: Error | undefined
    keys: string[]
    refetch: () => void
}

/**
 * The keys saved in the app's dataStore namespace. Reading the list first means the app never
 * asks for a key that is not there (a 404 in the browser console for nothing).
 */
export function useConnectorKeys(): ConnectorKeys {
    const { loading, error, data, refetch } = useDataQuery(keysQuery)
    const keys = isStringList(data?.keys) ? data.keys : []
    return {
        loading,
        error: error && !isNotFound(error) ? error : undefined,
        keys,
        refetch: () => void refetch(),
    }
}

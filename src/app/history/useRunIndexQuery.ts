import { useDataQuery } from '@dhis2/app-runtime'
import { useMemo } from 'react'
import { parseRunIndex, RUN_INDEX_KEY, type RunIndexEntry } from '../../core/runs/reportRecord'

export { RUN_INDEX_KEY }

const indexQuery = {
    index: { resource: `dataStore/opensrp-connector/${RUN_INDEX_KEY}` },
} as const

/** The run history, newest first. Mount only when the key exists (useConnectorKeys). */
export function useRunIndexQuery(): {
    loading: boolean
    error: Error | undefined
    runs: RunIndexEntry[]
    refetch: () => void
} {
    const { loading, error, data, refetch } = useDataQuery(indexQuery)
    const runs = useMemo(() => parseRunIndex(data?.index), [data])
    return { loading, error, runs, refetch: () => void refetch() }
}

import { useDataQuery } from '@dhis2/app-runtime'
import { useMemo } from 'react'
import { readRunIndex, type RunIndexEntry } from './runIndex'

export const RUN_INDEX_KEY = 'runs.index'

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
    const runs = useMemo(() => readRunIndex(data?.index), [data])
    return { loading, error, runs, refetch: () => void refetch() }
}

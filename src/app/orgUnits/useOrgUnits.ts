import { useDataEngine } from '@dhis2/app-runtime'
import { useEffect, useState } from 'react'

export interface OrgUnitInfo {
    id: string
    displayName: string
    path: string
}

/** Ids per request: keeps the URL short (id:in lists of UIDs, 12 characters each). */
const CHUNK = 100

const orgUnitsQuery = {
    orgUnits: {
        resource: 'organisationUnits',
        params: ({ ids = [] }: { ids?: string[] }) => ({
            filter: `id:in:[${ids.join(',')}]`,
            fields: 'id,displayName,path',
            paging: false,
        }),
    },
} as const

export function readOrgUnits(value: unknown): OrgUnitInfo[] {
    if (typeof value !== 'object' || value === null) return []
    const list: unknown = Reflect.get(value, 'organisationUnits')
    if (!Array.isArray(list)) return []
    return list.flatMap((item: unknown) => {
        if (typeof item !== 'object' || item === null) return []
        const id: unknown = Reflect.get(item, 'id')
        const displayName: unknown = Reflect.get(item, 'displayName')
        const path: unknown = Reflect.get(item, 'path')
        return typeof id === 'string' && typeof path === 'string'
            ? [{ id, path, displayName: typeof displayName === 'string' ? displayName : id }]
            : []
    })
}

interface State {
    key: string
    loading: boolean
    error: Error | undefined
    byId: Map<string, OrgUnitInfo>
}

/**
 * Names and paths of these org units, read in chunks of 100 ids (a national report can name
 * thousands). Nothing is asked for an empty list. Unknown ids are simply absent from `byId`.
 */
export function useOrgUnits(ids: readonly string[]): Omit<State, 'key'> {
    const engine = useDataEngine()
    const key = [...new Set(ids)].sort().join(',')
    const [state, setState] = useState<State>({
        key: '',
        loading: false,
        error: undefined,
        byId: new Map(),
    })
    useEffect(() => {
        if (key === '') return
        const controller = new AbortController()
        const all = key.split(',')
        setState((s) => ({ ...s, key, loading: true, error: undefined }))
        void (async () => {
            const byId = new Map<string, OrgUnitInfo>()
            try {
                for (let start = 0; start < all.length; start += CHUNK) {
                    const answer = await engine.query(orgUnitsQuery, {
                        variables: { ids: all.slice(start, start + CHUNK) },
                        signal: controller.signal,
                    })
                    for (const ou of readOrgUnits(answer.orgUnits)) byId.set(ou.id, ou)
                }
                if (!controller.signal.aborted)
                    setState({ key, loading: false, error: undefined, byId })
            } catch (error) {
                if (!controller.signal.aborted) {
                    setState({
                        key,
                        loading: false,
                        error: error instanceof Error ? error : new Error(String(error)),
                        byId,
                    })
                }
            }
        })()
        return () => controller.abort()
    }, [engine, key])
    if (key === '') return { loading: false, error: undefined, byId: new Map() }
    // Until the effect has started for this list, the answer is still to come.
    const current = state.key === key
    return {
        loading: !current || state.loading,
        error: current ? state.error : undefined,
        byId: current ? state.byId : new Map(),
    }
}

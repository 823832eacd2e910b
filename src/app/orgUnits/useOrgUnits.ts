import { useDataQuery } from '@dhis2/app-runtime'
import { useEffect, useMemo } from 'react'

export interface OrgUnitInfo {
    id: string
    displayName: string
    path: string
}

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

function readOrgUnits(value: unknown): OrgUnitInfo[] {
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

/** Names and paths of these org units (one request; nothing when the list is empty). */
export function useOrgUnits(ids: readonly string[]): {
    loading: boolean
    error: Error | undefined
    byId: Map<string, OrgUnitInfo>
} {
    const key = [...new Set(ids)].sort().join(',')
    const { loading, error, data, refetch, called } = useDataQuery(orgUnitsQuery, {
        lazy: true,
    })
    useEffect(() => {
        if (key !== '') void refetch({ ids: key.split(',') })
    }, [key, refetch])
    const byId = useMemo(
        () => new Map(readOrgUnits(data?.orgUnits).map((ou) => [ou.id, ou])),
        [data]
    )
    return { loading: key !== '' && (loading || !called), error, byId }
}

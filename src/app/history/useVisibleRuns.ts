import { useMemo } from 'react'
import { useOrgUnits } from '../orgUnits/useOrgUnits'
import type { Access } from '../user/access'
import { isInSubtrees, scopeCoversUser } from './orgUnitVisibility'
import type { RunIndexEntry } from './runIndex'

/**
 * The runs this user may see: superusers see all; everyone else sees runs that touched (or whose
 * scope covered) one of their org units.
 */
export function useVisibleRuns(
    runs: RunIndexEntry[],
    access: Access
): { loading: boolean; error: Error | undefined; runs: RunIndexEntry[] } {
    const needsPaths = !access.superuser
    const touched = needsPaths ? runs.flatMap((run) => run.orgUnits ?? []) : []
    const lookup = needsPaths ? [...access.orgUnitIds, ...touched] : []
    const { loading, error, byId } = useOrgUnits(lookup)
    const visible = useMemo(() => {
        if (!needsPaths) return runs
        const userPaths = access.orgUnitIds.flatMap((id) => byId.get(id)?.path ?? [])
        return runs.filter((run) =>
            run.orgUnits
                ? run.orgUnits.some((id) => isInSubtrees(byId.get(id)?.path, access.orgUnitIds))
                : scopeCoversUser(run.scope.orgUnits, userPaths, access.orgUnitIds)
        )
    }, [needsPaths, runs, byId, access.orgUnitIds])
    return { loading, error, runs: loading ? [] : visible }
}

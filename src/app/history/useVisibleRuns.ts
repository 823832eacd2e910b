import { useMemo } from 'react'
import type { RunIndexEntry } from '../../core/runs/reportRecord'
import { isRunVisible } from '../../core/runs/visibility'
import { useOrgUnits } from '../orgUnits/useOrgUnits'
import type { Access } from '../user/access'
import { viewerFor } from './orgUnitVisibility'

/**
 * The runs this user may see (core rule: the scope covered them, or an error named one of their
 * org units). Superusers see all without any lookup; others need the paths of their own org units
 * and of the org units the runs name.
 */
export function useVisibleRuns(
    runs: RunIndexEntry[],
    access: Access
): { loading: boolean; error: Error | undefined; runs: RunIndexEntry[] } {
    const lookup = access.superuser
        ? []
        : [...access.orgUnitIds, ...runs.flatMap((run) => run.orgUnits ?? [])]
    const { loading, error, byId } = useOrgUnits(lookup)
    const visible = useMemo(() => {
        const viewer = viewerFor(access, (id) => byId.get(id)?.path)
        if (!viewer) return runs
        // A national run's index entry leaves out its many org units: its scope decides.
        return runs.filter((run) =>
            isRunVisible({ scope: run.scope, orgUnits: run.orgUnits ?? [] }, viewer)
        )
    }, [access, runs, byId])
    return { loading, error, runs: loading ? [] : visible }
}

import type { RunScope } from '../../core/runs/scope'
import { visibleThroughPaths, type RunViewer } from '../../core/runs/visibility'
import type { Access } from '../user/access'

const segments = (path: string): string[] => path.split('/').filter((s) => s !== '')

/**
 * Whether a run over `scopeOrgUnits` (UIDs or paths; none = the whole country) covered any of the
 * user's org units: a scope root above the user (on one of the user's paths) or below the user (a
 * path through one of the user's org units).
 */
export function scopeCoversUser(
    scopeOrgUnits: readonly string[] | undefined,
    userPaths: readonly string[],
    userOrgUnitIds: readonly string[]
): boolean {
    if (!scopeOrgUnits || scopeOrgUnits.length === 0) return true
    return scopeOrgUnits.some((entry) => {
        const entryIds = segments(entry)
        const root = entryIds.at(-1)
        if (root === undefined) return false
        const above = userPaths.some((path) => segments(path).includes(root))
        const below = userOrgUnitIds.some((id) => entryIds.includes(id))
        return above || below
    })
}

/**
 * The core's RunViewer for this user, from the paths the app looked up; undefined for superusers,
 * who see every run and every row.
 */
export function viewerFor(
    access: Access,
    pathOf: (orgUnitId: string) => string | undefined
): RunViewer | undefined {
    if (access.superuser) return undefined
    const userPaths = access.orgUnitIds.flatMap((id) => pathOf(id) ?? [])
    return {
        visibleOrgUnit: visibleThroughPaths(access.orgUnitIds, pathOf),
        scopeCoversViewer: (scope: RunScope) =>
            scopeCoversUser(scope.orgUnits, userPaths, access.orgUnitIds),
    }
}

/**
 * Facility staff read the history of their own org units only: an org unit is theirs when its
 * path (`/root/…/ou`) passes through one of the org units of their user account.
 */

const segments = (path: string): string[] => path.split('/').filter((s) => s !== '')

/** Whether `path` lies in (or is) one of the subtrees rooted at `roots`. */
export function isInSubtrees(path: string | undefined, roots: readonly string[]): boolean {
    if (!path) return false
    const ids = segments(path)
    return roots.some((root) => ids.includes(root))
}

/**
 * Whether a run over `scopeOrgUnits` (UIDs or paths; none = the whole country) covered any of the
 * user's org units, given the paths of the user's org units: a scope root above the user (on the
 * user's path) or below the user (a path through the user's org unit).
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

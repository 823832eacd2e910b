import type { RunReport } from './reportRecord'
import type { RunScope } from './scope'
import { scopeRoots } from './scope'

/**
 * Facility staff read the runs of their own org units (DESIGN §1). The caller knows the user and
 * the org unit hierarchy; the core only asks it questions.
 */

/** Whether the user may see this org unit (a district user sees the facilities below). */
export type OrgUnitVisibility = (orgUnitId: string) => boolean

export interface RunViewer {
    visibleOrgUnit: OrgUnitVisibility
    /**
     * Whether a run over this scope covered the user's area. Unless given: a whole-country run
     * does, and so does a scope with a root the user may see. Give it to also count scope roots
     * above the user (a district run seen by one of its facilities).
     */
    scopeCoversViewer?: (scope: RunScope) => boolean
}

export const asViewer = (viewer: OrgUnitVisibility | RunViewer): RunViewer =>
    typeof viewer === 'function' ? { visibleOrgUnit: viewer } : viewer

/**
 * `visibleOrgUnit` from the user's org units and the hierarchy: an org unit is visible when it is
 * one of the user's or its path (`/root/…/ou`) passes through one of them.
 */
export function visibleThroughPaths(
    userOrgUnitIds: readonly string[],
    pathOf: (orgUnitId: string) => string | undefined
): OrgUnitVisibility {
    const roots = new Set(userOrgUnitIds)
    return (id) => roots.has(id) || (pathOf(id)?.split('/') ?? []).some((s) => roots.has(s))
}

/** A run is visible when its scope covers the user, or its errors name an org unit they may see. */
export function isRunVisible(
    run: { scope: RunScope; orgUnits: readonly string[] },
    viewer: RunViewer
): boolean {
    const sees = (id: string) => viewer.visibleOrgUnit(id)
    const covers = viewer.scopeCoversViewer
        ? viewer.scopeCoversViewer(run.scope)
        : defaultScopeCovers(run.scope, sees)
    return covers || run.orgUnits.some(sees)
}

function defaultScopeCovers(scope: RunScope, sees: OrgUnitVisibility): boolean {
    const roots = scopeRoots(scope)
    return roots.length === 0 || roots.some(sees)
}

/**
 * The report as this user may read it: only errors of org units they may see (errors without an
 * org unit are for those who see everything), and only their share of the omitted ones. The run's
 * totals stay whole: they hold no personal data and tell the user how the run went.
 */
export function reportVisibleTo(report: RunReport, viewer: RunViewer): RunReport {
    const visible = (id: string) => viewer.visibleOrgUnit(id)
    const seen = (orgUnit: string | undefined) => orgUnit !== undefined && visible(orgUnit)
    const omittedByOrgUnit = Object.fromEntries(
        Object.entries(report.errorsOmittedByOrgUnit).filter(([orgUnit]) => visible(orgUnit))
    )
    const omitted = Object.values(omittedByOrgUnit).reduce((sum, n) => sum + n, 0)
    return {
        ...report,
        orgUnits: report.orgUnits.filter(visible),
        errorsOmittedByOrgUnit: omittedByOrgUnit,
        summary: {
            ...report.summary,
            errors: report.summary.errors.filter((e) => seen(e.orgUnit)),
            errorsOmitted: omitted,
        },
    }
}

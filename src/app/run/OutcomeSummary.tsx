import React, { useMemo } from 'react'
import { countsOf } from '../../core/runs/progress'
import type { RunReport } from '../../core/runs/reportRecord'
import { RunSummaryView } from '../history/RunSummaryView'
import type { Route } from '../navigation/route'
import { useOrgUnits } from '../orgUnits/useOrgUnits'
import type { Access } from '../user/access'
import type { RunOutcome, RunRequest } from './runner'

/**
 * A run that ended without a stored report (a dry run the pipeline did not record, say) is shown
 * with the same summary screen, built from what the runner returned.
 */
export function OutcomeSummary({
    outcome,
    request,
    access,
    navigate,
}: {
    outcome: RunOutcome
    request: RunRequest
    access: Access
    navigate: (r: Route) => void
}) {
    const report: RunReport = useMemo(() => {
        const orgUnits = [
            ...new Set(outcome.summary.errors.flatMap((e) => (e.orgUnit ? [e.orgUnit] : []))),
        ].sort()
        return {
            version: 1,
            id: 'current',
            user: access.username ?? '',
            trigger: 'manual',
            startedAt: outcome.progress.startedAt,
            finishedAt: new Date().toISOString(),
            scope: request.scope,
            dryRun: request.dryRun,
            fingerprint: '',
            summary: outcome.summary,
            counts: countsOf(outcome.progress),
            orgUnits,
            errorsOmittedByOrgUnit: {},
        }
    }, [outcome, request, access.username])
    const { byId } = useOrgUnits(report.orgUnits)
    return (
        <RunSummaryView
            report={report}
            access={access}
            navigate={navigate}
            nameOf={(id) => byId.get(id)?.displayName}
        />
    )
}

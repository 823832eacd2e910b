import type { CaseGroup } from '../case'
import { atomicModeCases } from './atomicCases'
import { importControllerCases } from './controllerCases'
import { importReportCases } from './importReportCases'
import { relationshipImportCases } from './relationshipCases'
import { reportSummaryCases } from './reportSummaryCases'

/**
 * dhis2-core's tracker import tests: AtomicModeIntegrationTest,
 * ReportSummaryIntegrationTest, RelationshipImportTest
 * (dhis-test-integration), and
 * TrackerImportReportTest, TrackerImportControllerTest (dhis-test-web-api).
 */
export function importCases(): CaseGroup {
    const groups = [
        atomicModeCases(),
        reportSummaryCases(),
        relationshipImportCases(),
        importReportCases(),
        importControllerCases(),
    ]
    return {
        cases: groups.flatMap((g) => g.cases),
        notExpressible: groups.flatMap((g) => g.notExpressible),
    }
}

/**
 * dhis2-core's DataValueSetServiceIntegrationTest (dhis-test-integration, 62 tests), carried over
 * to the Web API: each case starts a sandbox set up as the test's @BeforeEach (serviceSetup.ts),
 * imports the test's payload through POST /api/dataValueSets as the test's user with the test's
 * ImportOptions as query parameters, and makes the test's assertions on the import summary and
 * on the values read back through GET /api/dataValueSets.
 */
import type { CaseGroup } from '../case'
import { deleteCases } from './serviceDeleteCases'
import { importCases } from './serviceImportCases'
import { ruleCases } from './serviceRuleCases'
import { accessCases } from './serviceAccessCases'

export function serviceCases(): CaseGroup {
    return {
        cases: [...deleteCases, ...importCases, ...ruleCases, ...accessCases],
        notExpressible: [],
    }
}

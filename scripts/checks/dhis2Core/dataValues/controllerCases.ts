import type { CaseGroup } from '../case'
import { dataValueSetControllerCases } from './controllerDataValueSet'
import { categoryOptionComboControllerCases } from './controllerCategoryOptionCombo'
import { dataValueControllerCases } from './controllerDataValue'

/** dhis2-core's web-API controller tests about data values (dhis-test-web-api, commit 7b5e54c8). */
export function controllerCases(): CaseGroup {
    const groups = [
        dataValueSetControllerCases(),
        categoryOptionComboControllerCases(),
        dataValueControllerCases(),
    ]
    return {
        cases: groups.flatMap((g) => g.cases),
        notExpressible: groups.flatMap((g) => g.notExpressible),
    }
}

import type { CaseGroup } from '../case'
import { serviceCases } from './serviceCases'
import { controllerCases } from './controllerCases'

export function dataValueCases(): CaseGroup {
    const groups = [serviceCases(), controllerCases()]
    return {
        cases: groups.flatMap((g) => g.cases),
        notExpressible: groups.flatMap((g) => g.notExpressible),
    }
}

import type { CaseGroup } from '../case'
import { importCases } from './importCases'
import { validationCases } from './validationCases'

export function trackerCases(): CaseGroup {
    const groups = [importCases(), validationCases()]
    return {
        cases: groups.flatMap((g) => g.cases),
        notExpressible: groups.flatMap((g) => g.notExpressible),
    }
}

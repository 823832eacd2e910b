import type { CaseGroup } from '../case'

export function validationCases(): CaseGroup {
    return { cases: [], notExpressible: [] }
}

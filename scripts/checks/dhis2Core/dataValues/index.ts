import type { CaseGroup } from '../case'

export function dataValueCases(): CaseGroup {
    return { cases: [], notExpressible: [] }
}

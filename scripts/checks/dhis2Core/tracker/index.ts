import type { CaseGroup } from '../case'

export function trackerCases(): CaseGroup {
    return { cases: [], notExpressible: [] }
}

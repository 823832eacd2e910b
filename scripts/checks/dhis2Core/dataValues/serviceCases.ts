import type { CaseGroup } from '../case'

export function serviceCases(): CaseGroup {
    return { cases: [], notExpressible: [] }
}

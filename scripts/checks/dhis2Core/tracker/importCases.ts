import type { CaseGroup } from '../case'

export function importCases(): CaseGroup {
    return { cases: [], notExpressible: [] }
}

import type { CaseGroup } from '../case'

export function controllerCases(): CaseGroup {
    return { cases: [], notExpressible: [] }
}

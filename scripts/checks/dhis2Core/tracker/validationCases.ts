import type { CaseGroup } from '../case'
import { attributeCases } from './attributeCases'
import { attributeValidationCases } from './validationAttributes'
import { trackedEntityImportValidationCases } from './validationTrackedEntity'
import { enrollmentImportValidationCases } from './validationEnrollment'

/** Tracker validation and bundle tests of dhis2-core (imports/{validation,bundle}/), A2's share. */
export function validationCases(): CaseGroup {
    const groups = [
        attributeCases(),
        attributeValidationCases(),
        trackedEntityImportValidationCases(),
        enrollmentImportValidationCases(),
    ]
    return {
        cases: groups.flatMap((g) => g.cases),
        notExpressible: groups.flatMap((g) => g.notExpressible),
    }
}

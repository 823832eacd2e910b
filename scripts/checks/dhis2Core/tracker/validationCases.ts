import type { CaseGroup } from '../case'
import { attributeCases } from './attributeCases'
import { attributeValidationCases } from './validationAttributes'
import { trackedEntityImportValidationCases } from './validationTrackedEntity'
import { enrollmentImportValidationCases } from './validationEnrollment'
import { eventImportValidationCases } from './validationEvent'
import { completionCases } from './bundleCompletion'
import { reportSummaryDeleteCases } from './bundleDeletion'
import { bundleServiceCases } from './bundleServices'
import { relationshipSecurityCases } from './validationRelationshipSecurity'
import { securityCases } from './validationSecurity'
import { fileAndEncryptionCases } from './attributeFilesAndEncryption'
import { lastUpdateCases } from './bundleLastUpdate'

/** Tracker validation and bundle tests of dhis2-core (imports/{validation,bundle}/), A2's share. */
export function validationCases(): CaseGroup {
    const groups = [
        attributeCases(),
        attributeValidationCases(),
        trackedEntityImportValidationCases(),
        enrollmentImportValidationCases(),
        eventImportValidationCases(),
        completionCases(),
        reportSummaryDeleteCases(),
        bundleServiceCases(),
        relationshipSecurityCases(),
        securityCases(),
        fileAndEncryptionCases(),
        lastUpdateCases(),
    ]
    return {
        cases: groups.flatMap((g) => g.cases),
        notExpressible: groups.flatMap((g) => g.notExpressible),
    }
}

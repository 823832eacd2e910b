import { SandboxUser } from '../../contract'
import { ModelContext } from '../context'
import { JsonRecord } from '../json'
import { commitBundle } from './commit'
import { TrackerBundle } from './payload'
import { withoutDuplicateRelationships } from './relationshipDuplicates'
import { withEventProgramStages } from './eventPreprocess'
import { withResolvedAttributeOptionCombos } from './eventCategoryOptions'
import { BundleSizes, ImportOutcome, TrackerStats, importReport } from './report'
import { TrackerParams } from './requestParams'
import { resolveStrategies, skipsValidation } from './skipValidation'
import { validateBundle } from './validate'

/**
 * `DefaultTrackerImportService.importTracker`: sizes the payload, preprocesses it (duplicate
 * relationships dropped), validates it (skipped for a superuser's validationMode SKIP), then
 * commits unless atomicMode ALL met errors or importMode is VALIDATE; returns the ImportReport
 * with its warnings (see `reportForMode`).
 */
export function runTrackerImport(
    ctx: ModelContext,
    user: SandboxUser,
    sent: TrackerBundle,
    params: TrackerParams
): { report: JsonRecord; stats: TrackerStats; status: string } {
    const sizes = bundleSizes(sent)
    const bundle = withResolvedAttributeOptionCombos(
        ctx,
        withEventProgramStages(ctx, withoutDuplicateRelationships(ctx, sent))
    )
    const v = skipsValidation(user, params)
        ? resolveStrategies(ctx, user, bundle, params.importStrategy)
        : validateBundle(ctx, user, bundle, params.importStrategy)
    const outcome: ImportOutcome =
        params.atomicMode === 'ALL' && v.errors.length > 0
            ? { exited: true }
            : params.importMode === 'VALIDATE'
              ? { validated: true }
              : commitBundle(v)
    return importReport(ctx.minor, v, sizes, outcome)
}

function bundleSizes(bundle: TrackerBundle): BundleSizes {
    return {
        TRACKED_ENTITY: bundle.trackedEntities.length,
        ENROLLMENT: bundle.enrollments.length,
        EVENT: bundle.events.length,
        RELATIONSHIP: bundle.relationships.length,
    }
}

/** The PARAMETERS notification data (fixtures/dhis2/responses/tracker-job-notifications.json). */
export function jobParameters(user: SandboxUser, params: TrackerParams): JsonRecord {
    const uidScheme = { idScheme: 'UID', attributeUid: null }
    return {
        userId: user.id,
        importMode: params.importMode,
        idSchemes: {
            dataElementIdScheme: uidScheme,
            orgUnitIdScheme: uidScheme,
            programIdScheme: uidScheme,
            programStageIdScheme: uidScheme,
            idScheme: uidScheme,
            categoryOptionComboIdScheme: uidScheme,
            categoryOptionIdScheme: uidScheme,
        },
        importStrategy: params.importStrategy,
        atomicMode: params.atomicMode,
        flushMode: params.flushMode,
        validationMode: params.validationMode,
        skipPatternValidation: params.skipPatternValidation,
        skipSideEffects: params.skipSideEffects,
        skipRuleEngine: params.skipRuleEngine,
        filename: null,
        reportMode: params.reportMode,
    }
}

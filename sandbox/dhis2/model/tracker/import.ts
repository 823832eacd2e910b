import { SandboxUser } from '../../contract'
import { ModelContext } from '../context'
import { JsonRecord } from '../json'
import { commitBundle } from './commit'
import { TrackerBundle, countObjects } from './payload'
import { TrackerStats, importReport } from './report'
import { validateBundle } from './validate'
import { TrackerStrategy } from './validation'

export interface TrackerParams {
    importMode: 'COMMIT' | 'VALIDATE'
    importStrategy: TrackerStrategy
    atomicMode: 'ALL' | 'OBJECT'
    flushMode: string
    validationMode: string
    reportMode: string
}

function pick<T extends string>(value: string | null, allowed: readonly T[], fallback: T): T {
    const upper = value?.toUpperCase()
    return allowed.find((option) => option === upper) ?? fallback
}

export function parseTrackerParams(query: URLSearchParams): TrackerParams {
    return {
        importMode: pick(query.get('importMode'), ['COMMIT', 'VALIDATE'], 'COMMIT'),
        importStrategy: pick<TrackerStrategy>(
            query.get('importStrategy'),
            ['CREATE_AND_UPDATE', 'CREATE', 'UPDATE', 'DELETE'],
            'CREATE_AND_UPDATE'
        ),
        atomicMode: pick(query.get('atomicMode'), ['ALL', 'OBJECT'], 'ALL'),
        flushMode: pick(query.get('flushMode'), ['AUTO', 'OBJECT'], 'AUTO'),
        validationMode: pick(query.get('validationMode'), ['FULL', 'FAIL_FAST', 'SKIP'], 'FULL'),
        reportMode: pick(query.get('reportMode'), ['ERRORS', 'WARNINGS', 'FULL'], 'ERRORS'),
    }
}

/** Validates and (unless VALIDATE, or ALL with errors) commits; returns the ImportReport. */
export function runTrackerImport(
    ctx: ModelContext,
    user: SandboxUser,
    bundle: TrackerBundle,
    params: TrackerParams
): { report: JsonRecord; stats: TrackerStats; status: string } {
    const v = validateBundle(ctx, user, bundle, params.importStrategy)
    const total = countObjects(bundle)
    const blocked =
        params.importMode === 'VALIDATE' || (params.atomicMode === 'ALL' && v.errors.length > 0)
    const outcome = blocked ? undefined : commitBundle(v)
    return importReport(ctx.minor, v, total, outcome, params.reportMode)
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
        skipPatternValidation: false,
        skipSideEffects: false,
        skipRuleEngine: false,
        filename: null,
        reportMode: params.reportMode,
    }
}

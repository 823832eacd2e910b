import { SandboxUser } from '../../contract'
import { ModelContext } from '../context'
import { TrackerBundle } from './payload'
import { TrackerParams } from './requestParams'
import { TrackerStrategy, TrackerValidation } from './validation'

/**
 * `DefaultValidationService.validate`: validationMode SKIP by a superuser (`User.isSuper`, the
 * ALL authority) validates nothing, and every object goes on to the persister.
 */
export function skipsValidation(user: SandboxUser, params: TrackerParams): boolean {
    return params.validationMode === 'SKIP' && user.authorities.includes('ALL')
}

/**
 * What the preheat's `StrategyPreProcessor` decides without validation: CREATE_AND_UPDATE is
 * CREATE for an object not stored yet, UPDATE for one that is.
 */
export function resolveStrategies(
    ctx: ModelContext,
    user: SandboxUser,
    bundle: TrackerBundle,
    strategy: TrackerStrategy
): TrackerValidation {
    const v = new TrackerValidation(ctx, user, bundle, strategy)
    const { state } = ctx
    for (const te of bundle.trackedEntities)
        v.action('TRACKED_ENTITY', te.uid, state.trackedEntities[te.uid] !== undefined)
    for (const en of bundle.enrollments)
        v.action('ENROLLMENT', en.uid, state.enrollments[en.uid] !== undefined)
    for (const ev of bundle.events) v.action('EVENT', ev.uid, state.events[ev.uid] !== undefined)
    for (const rel of bundle.relationships)
        v.action('RELATIONSHIP', rel.uid, state.relationships[rel.uid] !== undefined)
    return v
}

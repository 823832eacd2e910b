import { SandboxUser } from '../../contract'
import { ModelContext } from '../context'
import { records, refId } from '../json'
import { isUid } from '../uid'
import { validateAttributeValues } from './attributes'
import { TrackerBundle } from './payload'
import { filterPersistables } from './persistables'
import { validateEnrollments } from './validateEnrollment'
import { trackedEntitySecurity } from './security'
import { validateEvents } from './validateEvent'
import { validateRelationships } from './validateRelationship'
import { TrackerStrategy, TrackerValidation } from './validation'

/** Runs every validator over the bundle; dependants of invalid objects fail with E5000. */
export function validateBundle(
    ctx: ModelContext,
    user: SandboxUser,
    bundle: TrackerBundle,
    strategy: TrackerStrategy
): TrackerValidation {
    const v = new TrackerValidation(ctx, user, bundle, strategy)
    validateTrackedEntities(v)
    validateEnrollments(v)
    validateEvents(v)
    validateRelationships(v)
    filterPersistables(v)
    return v
}

function validateTrackedEntities(v: TrackerValidation): void {
    const { store, state } = v.ctx
    for (const te of v.bundle.trackedEntities) {
        const add = (code: string, args: string[]) => v.add(code, 'TRACKED_ENTITY', te.uid, args)
        if (!isUid(te.uid)) {
            add('E1048', ['TrackedEntity', te.uid])
            continue
        }
        const existing = state.trackedEntities[te.uid]
        const action = v.action('TRACKED_ENTITY', te.uid, existing !== undefined)
        if (action === 'CREATE' && existing) {
            add(existing.deleted ? 'E1114' : 'E1002', [te.uid])
            continue
        }
        if (action !== 'CREATE' && !existing) {
            add('E1063', [te.uid])
            continue
        }
        if (existing?.deleted) {
            add('E1114', [te.uid])
            continue
        }
        if (action === 'DELETE') {
            const hasEnrollments = v.index.storedEnrollmentsOf(te.uid).length > 0
            trackedEntitySecurity(v, te.uid, action, undefined, existing?.orgUnit, hasEnrollments)
            continue
        }
        if (!te.trackedEntityType) add('E1121', ['trackedEntityType'])
        if (!te.orgUnit) add('E1121', ['orgUnit'])
        const type = store.get('trackedEntityTypes', te.trackedEntityType)
        if (te.trackedEntityType && !type) add('E1005', [te.trackedEntityType])
        if (existing && te.trackedEntityType && existing.trackedEntityType !== te.trackedEntityType)
            add('E1126', ['trackedEntityType'])
        if (te.orgUnit && !store.get('organisationUnits', te.orgUnit)) add('E1049', [te.orgUnit])
        else trackedEntitySecurity(v, te.uid, action, type, existing?.orgUnit ?? te.orgUnit, false)
        validateAttributeValues(v, 'TRACKED_ENTITY', te.uid, te.uid, te.orgUnit, te.attributes)
        if (!type) continue
        // trackedentity/AttributeValidator.validateMandatoryAttributes: a mandatory attribute
        // neither stored nor in the payload is E1090; one in the payload without a value is
        // E1076 (validateAttributes), whatever is stored.
        const present = new Set([
            ...(existing?.attributes.map((a) => a.attribute) ?? []),
            ...te.attributes.map((a) => a.attribute),
        ])
        for (const tta of records(type.trackedEntityTypeAttributes)) {
            const attribute = refId(tta.trackedEntityAttribute)
            if (tta.mandatory !== true || !attribute) continue
            if (!present.has(attribute)) add('E1090', [attribute, String(type.id), te.uid])
            const sent = te.attributes.find((a) => a.attribute === attribute)
            if (sent && sent.value === null && store.get('trackedEntityAttributes', attribute))
                add('E1076', ['TrackedEntityAttribute', attribute])
        }
    }
}

import { ModelState, StoredEnrollment, StoredEvent, StoredTrackedEntity } from '../state'
import { EnrollmentInput, EventInput, TrackedEntityInput, TrackerBundle } from './payload'
import { storedIndex } from './storedIndex'

/** A payload object with its position in the bundle. */
export interface Positioned<T> {
    position: number
    input: T
}

function groupBy<T, K>(items: Iterable<T>, keyOf: (item: T) => K): Map<K, T[]> {
    const groups = new Map<K, T[]>()
    for (const item of items) {
        const key = keyOf(item)
        const group = groups.get(key)
        if (group) group.push(item)
        else groups.set(key, [item])
    }
    return groups
}

/** The first object of each UID, as `Array.find` would answer it. */
function firstByUid<T extends { uid: string }>(items: T[]): Map<string, T> {
    const first = new Map<string, T>()
    for (const item of items) if (!first.has(item.uid)) first.set(item.uid, item)
    return first
}

const positioned = <T>(items: T[]): Array<Positioned<T>> =>
    items.map((input, position) => ({ position, input }))

/**
 * Look-ups that the validators of one import would otherwise answer by scanning every stored
 * object or the whole payload for each object (DHIS2 answers them from indexed queries). The
 * stored objects come from the state's lasting index (storedIndex.ts), in no set order; the
 * payload's are grouped on first use, in payload order, and the bundle does not change while it
 * is validated.
 */
export class TrackerIndex {
    private readonly claimsByAttribute = new Map<string, Map<string, Set<string | undefined>>>()
    private cache: {
        payloadTrackedEntities?: Map<string, TrackedEntityInput>
        payloadEnrollments?: Map<string, EnrollmentInput>
        payloadEnrollmentsOf?: Map<string | undefined, Array<Positioned<EnrollmentInput>>>
        payloadEventsOf?: Map<string | undefined, Array<Positioned<EventInput>>>
    } = {}

    constructor(
        private readonly state: ModelState,
        private readonly bundle: TrackerBundle
    ) {}

    /** Stored, not deleted tracked entities with `value` for `attribute`. */
    holders(attribute: string, value: string): StoredTrackedEntity[] {
        return storedIndex(this.state).trackedEntitiesWith(attribute, value)
    }

    /**
     * The tracked entities of the payload that claim `value` for `attribute` through their own
     * attributes or their enrollments' (an enrollment without tracked entity claims as undefined).
     */
    claimants(attribute: string, value: string): Set<string | undefined> {
        let byValue = this.claimsByAttribute.get(attribute)
        if (!byValue) {
            const claims = new Map<string, Set<string | undefined>>()
            const claim = (
                owner: string | undefined,
                a: { attribute?: string; value: string | null }
            ) => {
                if (a.attribute !== attribute || a.value === null) return
                const owners = claims.get(a.value)
                if (owners) owners.add(owner)
                else claims.set(a.value, new Set([owner]))
            }
            for (const te of this.bundle.trackedEntities)
                for (const a of te.attributes) claim(te.uid, a)
            for (const en of this.bundle.enrollments)
                for (const a of en.attributes) claim(en.trackedEntity, a)
            byValue = claims
            this.claimsByAttribute.set(attribute, byValue)
        }
        return byValue.get(value) ?? new Set()
    }

    /** Stored, not deleted enrollments of a tracked entity. */
    storedEnrollmentsOf(trackedEntity: string | undefined): StoredEnrollment[] {
        return trackedEntity === undefined
            ? []
            : storedIndex(this.state).enrollmentsOf(trackedEntity)
    }

    /** Stored, not deleted events of an enrollment. */
    storedEventsOf(enrollment: string): StoredEvent[] {
        return storedIndex(this.state).eventsOf(enrollment)
    }

    /** The first tracked entity of the payload with this UID. */
    payloadTrackedEntity(uid: string | undefined): TrackedEntityInput | undefined {
        this.cache.payloadTrackedEntities ??= firstByUid(this.bundle.trackedEntities)
        return uid === undefined ? undefined : this.cache.payloadTrackedEntities.get(uid)
    }

    /** The first enrollment of the payload with this UID. */
    payloadEnrollment(uid: string | undefined): EnrollmentInput | undefined {
        this.cache.payloadEnrollments ??= firstByUid(this.bundle.enrollments)
        return uid === undefined ? undefined : this.cache.payloadEnrollments.get(uid)
    }

    /** The payload's enrollments of a tracked entity, in payload order. */
    payloadEnrollmentsOf(trackedEntity: string): Array<Positioned<EnrollmentInput>> {
        this.cache.payloadEnrollmentsOf ??= groupBy(
            positioned(this.bundle.enrollments),
            (p) => p.input.trackedEntity
        )
        return this.cache.payloadEnrollmentsOf.get(trackedEntity) ?? []
    }

    /** The payload's events of an enrollment, in payload order. */
    payloadEventsOf(enrollment: string): Array<Positioned<EventInput>> {
        this.cache.payloadEventsOf ??= groupBy(
            positioned(this.bundle.events),
            (p) => p.input.enrollment
        )
        return this.cache.payloadEventsOf.get(enrollment) ?? []
    }
}

import { ModelState, StoredEnrollment, StoredEvent, StoredTrackedEntity } from '../state'
import { EnrollmentInput, EventInput, TrackedEntityInput, TrackerBundle } from './payload'

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
 * object (DHIS2 answers them from indexed queries). Each is built on first use from the state
 * and the bundle as they are during validation; neither changes until the commit, which does
 * not use this index. Lists keep the order of the state's and the bundle's own iteration, so a
 * `find` on them answers what a `find` on the whole collection would.
 */
export class TrackerIndex {
    private readonly holdersByAttribute = new Map<string, Map<string, StoredTrackedEntity[]>>()
    private readonly claimsByAttribute = new Map<string, Map<string, Set<string | undefined>>>()
    private cache: {
        enrollmentsOf?: Map<string, StoredEnrollment[]>
        eventsOf?: Map<string | undefined, StoredEvent[]>
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
        let byValue = this.holdersByAttribute.get(attribute)
        if (!byValue) {
            byValue = new Map()
            for (const te of Object.values(this.state.trackedEntities)) {
                if (te.deleted) continue
                for (const a of te.attributes) {
                    if (a.attribute !== attribute) continue
                    const holders = byValue.get(a.value)
                    if (holders) holders.push(te)
                    else byValue.set(a.value, [te])
                }
            }
            this.holdersByAttribute.set(attribute, byValue)
        }
        return byValue.get(value) ?? []
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
        this.cache.enrollmentsOf ??= groupBy(
            Object.values(this.state.enrollments).filter((en) => !en.deleted),
            (en) => en.trackedEntity
        )
        return trackedEntity === undefined
            ? []
            : (this.cache.enrollmentsOf.get(trackedEntity) ?? [])
    }

    /** Stored, not deleted events of an enrollment. */
    storedEventsOf(enrollment: string): StoredEvent[] {
        this.cache.eventsOf ??= groupBy(
            Object.values(this.state.events).filter((ev) => !ev.deleted),
            (ev) => ev.enrollment
        )
        return this.cache.eventsOf.get(enrollment) ?? []
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

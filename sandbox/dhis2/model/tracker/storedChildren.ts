import { ModelState, StoredEnrollment, StoredEvent } from '../state'

function groupBy<T>(items: T[], keyOf: (item: T) => string | undefined): Map<string, T[]> {
    const groups = new Map<string, T[]>()
    for (const item of items) {
        const key = keyOf(item)
        if (key === undefined) continue
        const group = groups.get(key)
        if (group) group.push(item)
        else groups.set(key, [item])
    }
    return groups
}

/**
 * The stored enrollments of each tracked entity and events of each enrollment (deleted ones
 * included, in the state's order), grouped on first use. Made per request, so that a list view
 * reads the state once instead of once per listed object; the state does not change while a
 * request is served.
 */
export class StoredChildren {
    private enrollments: Map<string, StoredEnrollment[]> | undefined
    private events: Map<string, StoredEvent[]> | undefined

    constructor(private readonly state: ModelState) {}

    enrollmentsOf(trackedEntity: string): StoredEnrollment[] {
        this.enrollments ??= groupBy(
            Object.values(this.state.enrollments),
            (en) => en.trackedEntity
        )
        return this.enrollments.get(trackedEntity) ?? []
    }

    eventsOf(enrollment: string): StoredEvent[] {
        this.events ??= groupBy(Object.values(this.state.events), (ev) => ev.enrollment)
        return this.events.get(enrollment) ?? []
    }
}

import { ModelState, StoredEnrollment, StoredEvent, StoredTrackedEntity } from '../state'

function addTo(map: Map<string, string[]>, key: string, uid: string): void {
    const uids = map.get(key)
    if (!uids) map.set(key, [uid])
    else if (!uids.includes(uid)) uids.push(uid)
}

/**
 * Look-ups over the stored tracker objects that last from one import to the next, as DHIS2's
 * database indexes do: tracked entities by attribute value, enrollments by tracked entity, events
 * by enrollment. Each part is built from the state on first use; afterwards commit.ts, the only
 * writer of tracker objects, reports every object it writes (`noteWritten`), and a restored state
 * is another object with its own index. Entries may be stale (a value changed, an object
 * deleted), so every answer is checked against the stored objects; only an object written
 * without being reported could be missed.
 */
class StoredIndex {
    /** Attribute → value → tracked entity UIDs, for the attributes asked about so far. */
    private readonly holders = new Map<string, Map<string, string[]>>()
    private enrollmentsByTrackedEntity: Map<string, string[]> | undefined
    private eventsByEnrollment: Map<string, string[]> | undefined

    constructor(private readonly state: ModelState) {}

    /** Stored, not deleted tracked entities with `value` for `attribute` (in no set order). */
    trackedEntitiesWith(attribute: string, value: string): StoredTrackedEntity[] {
        let byValue = this.holders.get(attribute)
        if (!byValue) {
            byValue = new Map()
            this.holders.set(attribute, byValue)
            for (const [uid, te] of Object.entries(this.state.trackedEntities))
                this.indexAttribute(byValue, attribute, uid, te)
        }
        return (byValue.get(value) ?? []).flatMap((uid) => {
            const te = this.state.trackedEntities[uid]
            const holds =
                te !== undefined &&
                !te.deleted &&
                te.attributes.some((a) => a.attribute === attribute && a.value === value)
            return te && holds ? [te] : []
        })
    }

    /** Stored, not deleted enrollments of a tracked entity (in no set order). */
    enrollmentsOf(trackedEntity: string): StoredEnrollment[] {
        if (!this.enrollmentsByTrackedEntity) {
            this.enrollmentsByTrackedEntity = new Map()
            for (const [uid, en] of Object.entries(this.state.enrollments))
                this.indexEnrollment(uid, en)
        }
        return (this.enrollmentsByTrackedEntity.get(trackedEntity) ?? []).flatMap((uid) => {
            const en = this.state.enrollments[uid]
            return en && !en.deleted && en.trackedEntity === trackedEntity ? [en] : []
        })
    }

    /** Stored, not deleted events of an enrollment (in no set order). */
    eventsOf(enrollment: string): StoredEvent[] {
        if (!this.eventsByEnrollment) {
            this.eventsByEnrollment = new Map()
            for (const [uid, ev] of Object.entries(this.state.events)) this.indexEvent(uid, ev)
        }
        return (this.eventsByEnrollment.get(enrollment) ?? []).flatMap((uid) => {
            const ev = this.state.events[uid]
            return ev && !ev.deleted && ev.enrollment === enrollment ? [ev] : []
        })
    }

    indexTrackedEntity(uid: string, te: StoredTrackedEntity): void {
        for (const [attribute, byValue] of this.holders)
            this.indexAttribute(byValue, attribute, uid, te)
    }

    indexEnrollment(uid: string, en: StoredEnrollment): void {
        if (this.enrollmentsByTrackedEntity)
            addTo(this.enrollmentsByTrackedEntity, en.trackedEntity, uid)
    }

    indexEvent(uid: string, ev: StoredEvent): void {
        if (this.eventsByEnrollment && ev.enrollment !== undefined)
            addTo(this.eventsByEnrollment, ev.enrollment, uid)
    }

    private indexAttribute(
        byValue: Map<string, string[]>,
        attribute: string,
        uid: string,
        te: StoredTrackedEntity
    ): void {
        for (const a of te.attributes) if (a.attribute === attribute) addTo(byValue, a.value, uid)
    }
}

const indexes = new WeakMap<ModelState, StoredIndex>()

/** The index of this state (one per state object, made on first use). */
export function storedIndex(state: ModelState): StoredIndex {
    let index = indexes.get(state)
    if (!index) {
        index = new StoredIndex(state)
        indexes.set(state, index)
    }
    return index
}

/**
 * What commit.ts calls after writing a tracker object (stored under `uid`), so that the index of
 * the state, if there is one yet, sees it.
 */
export const noteWritten = {
    trackedEntity: (state: ModelState, uid: string): void => {
        const te = state.trackedEntities[uid]
        if (te) indexes.get(state)?.indexTrackedEntity(uid, te)
    },
    enrollment: (state: ModelState, uid: string): void => {
        const en = state.enrollments[uid]
        if (en) indexes.get(state)?.indexEnrollment(uid, en)
    },
    event: (state: ModelState, uid: string): void => {
        const ev = state.events[uid]
        if (ev) indexes.get(state)?.indexEvent(uid, ev)
    },
}

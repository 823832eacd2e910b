import type { OpenSrpClient, OpenSrpEvent } from '../domain/opensrp'
import type { RecordError } from '../summary/types'
import type { LedgerRow } from '../ports/syncStore'
import type {
    EnrollmentPayload,
    EventPayload,
    RelationshipPayload,
    TrackedEntityPayload,
} from '../tracker/payload'

/**
 * The seams between the pipeline and the mapping rules: the pipeline only knows these shapes, so
 * mapping rules can change (or a FHIR source arrive) without touching the flow.
 */

export type Mapped<T> =
    | { ok: true; value: T }
    | { ok: false; errors: RecordError[] }
    /** Not an error: the record is deliberately not sent (voided, out-of-area copy …). */
    | { ok: 'skip'; reason: string }

export interface ClientPayload {
    trackedEntity: TrackedEntityPayload
    enrollments: EnrollmentPayload[]
    relationships: RelationshipPayload[]
}

export interface TrackerMapper {
    mapClient(client: OpenSrpClient): Mapped<ClientPayload>
    /** A Vaccination event as a program-stage event of the client's enrollment. */
    mapVaccination(event: OpenSrpEvent, client: OpenSrpClient | undefined): Mapped<EventPayload>
    /** The value of the unique OpenSRP ID attribute for this client (adoption key). */
    idAttributeValue(client: OpenSrpClient): string | undefined
    readonly trackedEntityType: string
    readonly idAttribute: string
    /** The deterministic event UID of an event key (a void deletes it even if the store was lost). */
    eventUidOf(eventKey: string): string
    /**
     * The client's deterministic tracked entity UID (the one mapClient gives it), without building
     * its payload. Optional: without it, the events phase builds every client's payload.
     */
    trackedEntityUidOf?(client: OpenSrpClient): string
}

export interface LedgerMapper {
    rowsFor(
        event: OpenSrpEvent,
        client: OpenSrpClient | undefined
    ): { rows: LedgerRow[]; errors: RecordError[]; skipped?: string }
}

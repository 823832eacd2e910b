import type { OpenSrpClient, OpenSrpEvent, OpenSrpLocation } from '../domain/opensrp'
import type { QuarantineEntry } from '../domain/quarantine'
import type { StreamCheckpoint } from '../sync/overlapCursor'

/** One page's worth of records, and the checkpoint to save once they are safely in DHIS2. */
export interface SourceBatch<T> {
    records: T[]
    quarantined: QuarantineEntry[]
    checkpoint: StreamCheckpoint
}

/** Events arrive with the clients they reference (`/rest/event/sync` envelope). */
export interface EventBatch extends SourceBatch<OpenSrpEvent> {
    clients: OpenSrpClient[]
}

/**
 * Which events to read: everything (`/rest/event/getAll`, needs ALL_EVENTS, suits a central
 * puller) or the events of some locations (`/rest/event/sync`, exact location ids).
 */
export type EventSelection =
    { endpoint: 'getAll'; eventType?: string } | { endpoint: 'sync'; locationIds: string[] }

export interface StreamOptions {
    signal?: AbortSignal
}

export interface OpenSrpSource {
    streamEvents(
        selection: EventSelection,
        from: StreamCheckpoint | undefined,
        options?: StreamOptions
    ): AsyncIterable<EventBatch>
    streamClients(
        from: StreamCheckpoint | undefined,
        options?: StreamOptions
    ): AsyncIterable<SourceBatch<OpenSrpClient>>
    listLocations(options?: StreamOptions): Promise<{
        locations: OpenSrpLocation[]
        quarantined: QuarantineEntry[]
    }>
    /** Checks that the server answers and the credentials and roles suffice; throws a typed error otherwise. */
    checkConnection(selection: EventSelection, options?: StreamOptions): Promise<void>
}

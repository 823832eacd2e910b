import type { OpenSrpClient } from '../domain/opensrp'
import type { TrackerMapper } from './mappers'

/**
 * A mapper that can tell a client's deterministic tracked entity UID (the one mapClient would
 * give it) without building the client's payload. The events phase uses it to skip building the
 * payloads of clients the store knows as synced and not adopted; a mapper without it (test fakes)
 * has every client's payload built, as before.
 */
export interface KnowsTrackedEntityUids {
    trackedEntityUidOf(client: OpenSrpClient): string
}

export const knowsTrackedEntityUids = (
    mapper: TrackerMapper
): mapper is TrackerMapper & KnowsTrackedEntityUids =>
    'trackedEntityUidOf' in mapper && typeof mapper.trackedEntityUidOf === 'function'

import type { StreamCheckpoint } from '../sync/overlapCursor'

export type CursorStream = 'clients' | 'events'

/**
 * Where each scope's read position in OpenSRP lives (DESIGN §7: the dataStore, so another
 * browser or the CLI continues where the last run stopped). Saved only after DHIS2 confirmed the
 * batch, or after its failures were recorded in the retry queue (DESIGN §2).
 */
export interface CursorStore {
    /** undefined = never saved (start from the beginning). A stored but unreadable cursor throws. */
    load(
        scopeKey: string,
        stream: CursorStream,
        options?: { signal?: AbortSignal }
    ): Promise<StreamCheckpoint | undefined>
    save(
        scopeKey: string,
        stream: CursorStream,
        checkpoint: StreamCheckpoint,
        options?: { signal?: AbortSignal }
    ): Promise<void>
}

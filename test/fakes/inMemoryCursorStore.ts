import type { CursorStore, CursorStream } from '../../src/core/ports/cursorStore'
import type { StreamCheckpoint } from '../../src/core/sync/overlapCursor'

/** Cursors in a Map, copied in and out as the dataStore's JSON would be; records every save. */
export class InMemoryCursorStore implements CursorStore {
    readonly cursors = new Map<string, string>()
    readonly saves: Array<{
        scopeKey: string
        stream: CursorStream
        checkpoint: StreamCheckpoint
    }> = []

    async load(scopeKey: string, stream: CursorStream): Promise<StreamCheckpoint | undefined> {
        const text = this.cursors.get(`${scopeKey}.${stream}`)
        return text === undefined ? undefined : (JSON.parse(text) as StreamCheckpoint)
    }

    async save(
        scopeKey: string,
        stream: CursorStream,
        checkpoint: StreamCheckpoint
    ): Promise<void> {
        this.cursors.set(`${scopeKey}.${stream}`, JSON.stringify(checkpoint))
        this.saves.push({ scopeKey, stream, checkpoint: JSON.parse(JSON.stringify(checkpoint)) })
    }
}

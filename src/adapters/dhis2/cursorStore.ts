import { z } from 'zod'
import type { CursorStore, CursorStream } from '../../core/ports/cursorStore'
import type { KeyValueStore } from '../../core/ports/keyValueStore'
import type { StreamCheckpoint } from '../../core/sync/overlapCursor'

/**
 * Cursors in the dataStore (DESIGN §7), key `cursor.<scopeKey>.<stream>`. A stored cursor that
 * cannot be read is an error: starting again from 0 would silently re-read (and on a large
 * server, re-send) everything.
 */

/** Scope keys as src/core/runs/scope.ts makes them (`all`, `ou-<UID>`, `all.ledger`): safe in a URL path. */
const SCOPE_KEY = /^[A-Za-z0-9_-][A-Za-z0-9._-]{0,99}$/

const serverVersion = z.number().int().nonnegative()

const storedCursor = z.strictObject({
    version: z.literal(1),
    checkpoint: z.strictObject({
        high: serverVersion,
        seen: z.array(z.tuple([z.string().min(1), serverVersion])),
    }),
})

export class CursorError extends Error {
    constructor(
        message: string,
        readonly key: string
    ) {
        super(message)
        this.name = 'CursorError'
    }
}

export function cursorKey(scopeKey: string, stream: CursorStream): string {
    if (!SCOPE_KEY.test(scopeKey)) {
        throw new CursorError(
            `'${scopeKey}' cannot name a scope: use up to 100 letters, digits, '.', '-' and '_'`,
            `cursor.${scopeKey}.${stream}`
        )
    }
    return `cursor.${scopeKey}.${stream}`
}

export function createKeyValueCursorStore(kv: KeyValueStore): CursorStore {
    return {
        async load(scopeKey, stream, options = {}) {
            const key = cursorKey(scopeKey, stream)
            const stored = await kv.read(key, options)
            if (stored === undefined) return undefined
            const parsed = storedCursor.safeParse(stored)
            if (!parsed.success) {
                const where = parsed.error.issues[0]?.path.join('.') ?? ''
                throw new CursorError(
                    `The saved position of the ${stream} stream of scope '${scopeKey}' (dataStore key '${key}') is damaged${where ? ` at '${where}'` : ''}. Nothing was read. Fix or delete the key; deleting it makes the next run read that stream from the beginning (deterministic UIDs prevent duplicates, but it takes longer).`,
                    key
                )
            }
            return parsed.data.checkpoint
        },

        async save(scopeKey, stream, checkpoint: StreamCheckpoint, options = {}) {
            const key = cursorKey(scopeKey, stream)
            const value = storedCursor.parse({ version: 1, checkpoint })
            await kv.write(key, value, options)
        },
    }
}

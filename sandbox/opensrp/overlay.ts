import type { JsonObject } from './json'

/**
 * Records written through POST /rest/event/add: the only data the sandbox holds in memory.
 * Each table keeps its rows by key and an append-only (serverVersion, key) log; new versions
 * always come from the table's own sequence, so the log is sorted by construction and a
 * replaced row's old log entry is skipped because the row's version no longer matches.
 */
export class OverlayTable {
    private readonly rows = new Map<string, JsonObject>()
    private readonly log: Array<{ version: number; key: string }> = []
    private nextVersion: number

    constructor(firstVersion: number) {
        this.nextVersion = firstVersion
    }

    get size(): number {
        return this.rows.size
    }

    get(key: string): JsonObject | undefined {
        return this.rows.get(key)
    }

    /** Stores the row under a fresh serverVersion and returns that version. */
    put(key: string, row: JsonObject): number {
        const version = this.nextVersion++
        row.serverVersion = version
        this.rows.set(key, row)
        this.log.push({ version, key })
        return version
    }

    /** Current rows with serverVersion > after, ascending. */
    *after(after: number): Generator<JsonObject> {
        let lo = 0
        let hi = this.log.length
        while (lo < hi) {
            const mid = (lo + hi) >> 1
            if ((this.log[mid]?.version ?? 0) <= after) lo = mid + 1
            else hi = mid
        }
        for (let k = lo; k < this.log.length; k++) {
            const entry = this.log[k]
            if (!entry) continue
            const row = this.rows.get(entry.key)
            if (row && row.serverVersion === entry.version) yield row
        }
    }

    values(): IterableIterator<JsonObject> {
        return this.rows.values()
    }
}

/** Reading an OpenSRP table page by page from an overlap cursor: ties, page caps, prefetch. */
import type { QuarantineEntry, Validated } from '../../core/domain/quarantine'
import type { SourceBatch } from '../../core/ports/openSrpSource'
import { OverlapCursor, type StreamCheckpoint } from '../../core/sync/overlapCursor'
import { OpenSrpError } from './errors'

/** Doubling the page this many times covers ties of up to pageSize·2^n records. */
const MAX_TIE_GROWTH = 6

export function field(raw: unknown, key: string): unknown {
    return typeof raw === 'object' && raw !== null ? Reflect.get(raw, key) : undefined
}

/** The de-duplication key of a raw record, even a malformed one. */
function identityOf(
    raw: unknown,
    idKey: string
): { id: string; serverVersion: number } | undefined {
    const id = field(raw, idKey)
    const serverVersion = Number(field(raw, 'serverVersion'))
    if (!Number.isFinite(serverVersion)) return undefined
    // A record without an id is still one row: its serverVersion is unique in its table, so an
    // overlap re-read does not quarantine it a second time.
    return {
        id: typeof id === 'string' && id !== '' ? id : `#serverVersion:${serverVersion}`,
        serverVersion,
    }
}

export interface PageReader {
    /** Fetches the records from `startVersion` inclusive. */
    read(startVersion: number, limit: number): Promise<{ records: unknown[]; envelope: unknown }>
    idKey: string
}

/**
 * Notices a server (or proxy) that answers fewer records than asked whatever the limit: two pages
 * in a row that moved on yet came back with the same short length.
 */
class PageCapDetector {
    private lastShort: number | undefined
    cap: number | undefined

    observe(length: number, limit: number, progressed: boolean): void {
        const short = progressed && length > 0 && length < limit ? length : undefined
        if (short !== undefined && short === this.lastShort) this.cap = short
        this.lastShort = short
    }
}

/** What to ask for after a page, decided from the raw page alone so it can be fetched early. */
function nextRequest(
    raws: unknown[],
    idKey: string,
    current: { start: number; limit: number },
    pageSize: number,
    caps: PageCapDetector
): { start: number; limit: number } | undefined {
    let pageMax = 0
    for (const raw of raws) pageMax = Math.max(pageMax, identityOf(raw, idKey)?.serverVersion ?? 0)
    const progressed = pageMax > current.start
    caps.observe(raws.length, current.limit, progressed)
    if (raws.length === 0) return undefined
    if (progressed) return { start: pageMax, limit: pageSize }
    // A full page without progress: more records share one serverVersion than fit a page
    // (CouchDB-era ties). Ask for a bigger page instead of stepping over them.
    if (raws.length >= current.limit && current.limit < pageSize * 2 ** MAX_TIE_GROWTH) {
        return { start: current.start, limit: current.limit * 2 }
    }
    // The same, but the server will not answer more: the rest of the tie cannot be read, and
    // stopping quietly would lose it.
    if (caps.cap !== undefined && raws.length >= caps.cap) {
        throw new OpenSrpError(
            'page-cap',
            `OpenSRP (or a proxy in front of it) answers at most ${caps.cap} records per request, ` +
                `and more than that share serverVersion ${current.start}, so some of them cannot be read. ` +
                `Raise that limit above ${caps.cap} and run again.`
        )
    }
    return undefined
}

/**
 * Reads pages until the source has nothing newer, yielding each page's new records. The next page
 * is requested before this one is validated and handed on, so OpenSRP and the connector work at
 * the same time. Memory holds at most two pages and the overlap window, never the dataset.
 */
export async function* streamPages<T>(
    reader: PageReader,
    validate: (raw: unknown) => Validated<T>,
    from: StreamCheckpoint | undefined,
    settings: { pageSize: number; overlap: number },
    signal: AbortSignal | undefined
): AsyncGenerator<SourceBatch<T> & { envelope: unknown }> {
    const cursor = new OverlapCursor(from, settings.overlap)
    const caps = new PageCapDetector()
    let request: { start: number; limit: number } | undefined = {
        start: cursor.startVersion(),
        limit: settings.pageSize,
    }
    let pending = reader.read(request.start, request.limit)
    while (request) {
        if (signal?.aborted) throw new OpenSrpError('aborted', 'The run was cancelled.')
        const { records: raws, envelope } = await pending
        request = nextRequest(raws, reader.idKey, request, settings.pageSize, caps)
        if (request) {
            pending = reader.read(request.start, request.limit)
            // Awaited on the next turn; this only keeps an abandoned prefetch from going unhandled.
            pending.catch(() => undefined)
        }
        const records: T[] = []
        const quarantined: QuarantineEntry[] = []
        for (const raw of raws) {
            const identity = identityOf(raw, reader.idKey)
            if (identity && !cursor.accept(identity.id, identity.serverVersion)) continue
            const result = validate(raw)
            if (result.ok) records.push(result.value)
            else quarantined.push(result.quarantine)
        }
        if (records.length > 0 || quarantined.length > 0) {
            yield { records, quarantined, checkpoint: cursor.checkpoint(), envelope }
        }
    }
}

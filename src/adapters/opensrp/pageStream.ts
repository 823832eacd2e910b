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

/** A raw record's serverVersion, even a malformed one's; undefined when it has none. */
function versionOf(raw: unknown): number | undefined {
    const serverVersion = Number(field(raw, 'serverVersion'))
    return Number.isFinite(serverVersion) ? serverVersion : undefined
}

/** The de-duplication id of a raw record with a serverVersion, even a malformed one. */
function idOf(raw: unknown, idKey: string, serverVersion: number): string {
    const id = field(raw, idKey)
    // A record without an id is still one row: its serverVersion is unique in its table, so an
    // overlap re-read does not quarantine it a second time.
    return typeof id === 'string' && id !== '' ? id : `#serverVersion:${serverVersion}`
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
    current: { start: number; limit: number },
    pageSize: number,
    caps: PageCapDetector
): { start: number; limit: number } | undefined {
    let pageMax = 0
    for (const raw of raws) pageMax = Math.max(pageMax, versionOf(raw) ?? 0)
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
 * Reads pages until the source has nothing newer, yielding each page's new records (as `finish`
 * makes them into a batch, with whatever else it takes from the page's envelope). The next page is
 * requested before this one is validated and handed on, so OpenSRP and the connector work at the
 * same time. Memory holds at most two pages and the overlap window, never the dataset: a page's raw
 * records are dropped once validated, before its batch is handed on and the next page awaited.
 */
export async function* streamPages<T, B>(
    reader: PageReader,
    validate: (raw: unknown) => Validated<T>,
    from: StreamCheckpoint | undefined,
    settings: { pageSize: number; overlap: number },
    signal: AbortSignal | undefined,
    finish: (batch: SourceBatch<T>, envelope: unknown) => B
): AsyncGenerator<B> {
    const cursor = new OverlapCursor(from, settings.overlap)
    const caps = new PageCapDetector()
    let request: { start: number; limit: number } | undefined = {
        start: cursor.startVersion(),
        limit: settings.pageSize,
    }
    let pending = reader.read(request.start, request.limit)
    // A run cancelled before this first page is awaited must not leave its rejection unhandled
    // (Node ends the process on one): the loop below awaits it, or throws first when aborted.
    pending.catch(() => undefined)

    /**
     * One page in, its batch out. A function of its own so that no variable of the generator
     * refers to the page: a suspended generator keeps even finished iterations' values alive.
     */
    const take = (
        page: { records: unknown[]; envelope: unknown },
        current: { start: number; limit: number }
    ): B | undefined => {
        const raws = page.records
        request = nextRequest(raws, current, settings.pageSize, caps)
        if (request) {
            pending = reader.read(request.start, request.limit)
            // Awaited on the next turn; this only keeps an abandoned prefetch from going unhandled.
            pending.catch(() => undefined)
        }
        const records: T[] = []
        const quarantined: QuarantineEntry[] = []
        for (let i = 0; i < raws.length; i++) {
            const raw = raws[i]
            const serverVersion = versionOf(raw)
            if (
                serverVersion !== undefined &&
                !cursor.accept(idOf(raw, reader.idKey, serverVersion), serverVersion)
            ) {
                continue
            }
            const result = validate(raw)
            if (result.ok) records.push(result.value)
            else quarantined.push(result.quarantine)
        }
        if (records.length === 0 && quarantined.length === 0) return undefined
        return finish({ records, quarantined, checkpoint: cursor.checkpoint() }, page.envelope)
    }

    while (request) {
        if (signal?.aborted) throw new OpenSrpError('aborted', 'The run was cancelled.')
        const batch = take(await pending, request)
        if (batch !== undefined) yield batch
    }
}

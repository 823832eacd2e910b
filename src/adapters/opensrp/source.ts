import type { OpenSrpClient, OpenSrpLocation } from '../../core/domain/opensrp'
import type { QuarantineEntry, Validated } from '../../core/domain/quarantine'
import type {
    EventBatch,
    EventSelection,
    OpenSrpSource,
    SourceBatch,
    StreamOptions,
} from '../../core/ports/openSrpSource'
import { OverlapCursor, type StreamCheckpoint } from '../../core/sync/overlapCursor'
import { OpenSrpError } from './errors'
import type { OpenSrpTransport } from './transport'
import { validateClient, validateEvent, validateLocation } from './validate'

export interface SourceOptions {
    /** Records per request; OpenSRP has no maximum, Android uses 250 (reference §2.1). */
    pageSize?: number
    /**
     * How many serverVersions below the highest delivered one each read starts, so records that
     * commit late (non-monotonic sequences, §3.1) are still found. Larger than the rows one slow
     * OpenSRP transaction can span.
     */
    overlap?: number
}

const DEFAULTS = { pageSize: 500, overlap: 2000 }
/** Doubling the page this many times covers ties of up to pageSize·2^n records. */
const MAX_TIE_GROWTH = 6

function field(raw: unknown, key: string): unknown {
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

function listOf(json: unknown, key: string | undefined, what: string): unknown[] {
    const list = key === undefined ? json : field(json, key)
    if (!Array.isArray(list)) {
        throw new OpenSrpError(
            'not-json',
            `OpenSRP answered ${what} without the expected list${key ? ` '${key}'` : ''}.`
        )
    }
    return list
}

interface PageReader {
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
async function* streamPages<T>(
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

export function createOpenSrpSource(
    transport: OpenSrpTransport,
    options: SourceOptions = {}
): OpenSrpSource {
    const settings = { ...DEFAULTS, ...options }

    const eventReader = (selection: EventSelection, signal?: AbortSignal): PageReader => ({
        idKey: '_id',
        async read(startVersion, limit) {
            // Event endpoints return serverVersion strictly greater than the one sent (§2.1, §2.2);
            // 0 on getAll already means ">= 0".
            const serverVersion = Math.max(0, startVersion - 1)
            const envelope =
                selection.endpoint === 'getAll'
                    ? await transport.request({
                          method: 'GET',
                          path: '/rest/event/getAll',
                          params: { serverVersion, limit, eventType: selection.eventType },
                          signal,
                      })
                    : await transport.request({
                          method: 'GET',
                          path: '/rest/event/sync',
                          params: {
                              locationId: selection.locationIds.join(','),
                              serverVersion,
                              limit,
                          },
                          signal,
                      })
            return { records: listOf(envelope, 'events', 'the events page'), envelope }
        },
    })

    return {
        async *streamEvents(selection: EventSelection, from, streamOptions: StreamOptions = {}) {
            if (selection.endpoint === 'sync' && selection.locationIds.length === 0) {
                throw new OpenSrpError(
                    'bad-request',
                    'Choose at least one OpenSRP location to read events from.'
                )
            }
            const pages = streamPages(
                eventReader(selection, streamOptions.signal),
                validateEvent,
                from,
                settings,
                streamOptions.signal
            )
            for await (const page of pages) {
                const clients: OpenSrpClient[] = []
                const quarantined = [...page.quarantined]
                const rawClients = field(page.envelope, 'clients')
                for (const raw of Array.isArray(rawClients) ? rawClients : []) {
                    const result = validateClient(raw)
                    if (result.ok) clients.push(result.value)
                    else quarantined.push(result.quarantine)
                }
                const batch: EventBatch = {
                    records: page.records,
                    clients,
                    quarantined,
                    checkpoint: page.checkpoint,
                }
                yield batch
            }
        },

        async *streamClients(from, streamOptions: StreamOptions = {}) {
            const reader: PageReader = {
                idKey: '_id',
                async read(startVersion, limit) {
                    // client/getAll is ">=" (§2.3): the start is sent as is.
                    const envelope = await transport.request({
                        method: 'GET',
                        path: '/rest/client/getAll',
                        params: { serverVersion: startVersion, limit },
                        signal: streamOptions.signal,
                    })
                    return { records: listOf(envelope, undefined, 'the clients page'), envelope }
                },
            }
            for await (const page of streamPages(
                reader,
                validateClient,
                from,
                settings,
                streamOptions.signal
            )) {
                yield {
                    records: page.records,
                    quarantined: page.quarantined,
                    checkpoint: page.checkpoint,
                }
            }
        },

        async listLocations(streamOptions: StreamOptions = {}) {
            const locations: OpenSrpLocation[] = []
            const quarantined: QuarantineEntry[] = []
            const reader: PageReader = {
                idKey: 'id',
                async read(startVersion, limit) {
                    const envelope = await transport.request({
                        method: 'GET',
                        path: '/rest/location/getAll',
                        params: { serverVersion: startVersion, limit, includeInactive: 'true' },
                        signal: streamOptions.signal,
                    })
                    return { records: listOf(envelope, undefined, 'the locations page'), envelope }
                },
            }
            for await (const page of streamPages(
                reader,
                validateLocation,
                undefined,
                settings,
                streamOptions.signal
            )) {
                locations.push(...page.records)
                quarantined.push(...page.quarantined)
            }
            return { locations, quarantined }
        },

        async checkConnection(selection, streamOptions: StreamOptions = {}) {
            // Reads one event the way a run will, so a missing role shows up here, not mid-run.
            await eventReader(selection, streamOptions.signal).read(0, 1)
        },
    }
}

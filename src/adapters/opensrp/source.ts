import type { OpenSrpClient, OpenSrpEvent, OpenSrpLocation } from '../../core/domain/opensrp'
import type { QuarantineEntry } from '../../core/domain/quarantine'
import type {
    EventBatch,
    EventSelection,
    OpenSrpSource,
    SourceBatch,
    StreamOptions,
} from '../../core/ports/openSrpSource'
import { OpenSrpError } from './errors'
import { field, streamPages, type PageReader } from './pageStream'
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

/** An events page's batch: its events, and the clients its envelope carries. */
function withClients(page: SourceBatch<OpenSrpEvent>, envelope: unknown): EventBatch {
    const clients: OpenSrpClient[] = []
    const quarantined = [...page.quarantined]
    const rawClients = field(envelope, 'clients')
    for (const raw of Array.isArray(rawClients) ? rawClients : []) {
        const result = validateClient(raw)
        if (result.ok) clients.push(result.value)
        else quarantined.push(result.quarantine)
    }
    return { records: page.records, clients, quarantined, checkpoint: page.checkpoint }
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
            yield* streamPages(
                eventReader(selection, streamOptions.signal),
                validateEvent,
                from,
                settings,
                streamOptions.signal,
                withClients
            )
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
            yield* streamPages(
                reader,
                validateClient,
                from,
                settings,
                streamOptions.signal,
                (batch) => batch
            )
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
                streamOptions.signal,
                (batch) => batch
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

import {
    validateClient,
    validateEvent,
    validateLocation,
} from '../../src/adapters/opensrp/validate'
import type { OpenSrpClient, OpenSrpEvent } from '../../src/core/domain/opensrp'
import type { QuarantineEntry } from '../../src/core/domain/quarantine'
import type {
    EventBatch,
    EventSelection,
    OpenSrpSource,
    SourceBatch,
} from '../../src/core/ports/openSrpSource'
import { OverlapCursor, type StreamCheckpoint } from '../../src/core/sync/overlapCursor'

type Raw = Record<string, unknown>

const versionOf = (raw: Raw) => Number(raw.serverVersion)
const idOf = (raw: Raw) => String(raw._id ?? raw.id)

/**
 * The OpenSRP source port over records held in memory, for tests of what consumes the port.
 * It follows the same rules as the real adapter: validation at the edge, the overlap cursor, and
 * batches of `pageSize`. `add` stores or replaces a record, as an upload to OpenSRP would.
 */
export class InMemoryOpenSrpSource implements OpenSrpSource {
    private readonly events = new Map<string, Raw>()
    private readonly clients = new Map<string, Raw>()
    private nextVersion = 1

    constructor(
        private readonly options: {
            pageSize?: number
            overlap?: number
            locations?: unknown[]
        } = {}
    ) {}

    /** Stores or replaces (same `_id`) records, giving each a new, higher serverVersion. */
    add(records: { events?: Raw[]; clients?: Raw[] }): void {
        for (const event of records.events ?? []) {
            this.events.set(idOf(event), { ...event, serverVersion: this.nextVersion++ })
        }
        for (const client of records.clients ?? []) {
            this.clients.set(idOf(client), { ...client, serverVersion: this.nextVersion++ })
        }
    }

    async *streamEvents(selection: EventSelection, from: StreamCheckpoint | undefined) {
        const matches = (raw: Raw) =>
            selection.endpoint === 'getAll'
                ? selection.eventType === undefined || raw.eventType === selection.eventType
                : selection.locationIds.includes(String(raw.locationId))
        for (const batch of this.pages(
            [...this.events.values()].filter(matches),
            from,
            validateEvent
        )) {
            const ids = new Set(batch.records.map((e) => e.baseEntityId))
            const clients = [...this.clients.values()]
                .map(validateClient)
                .flatMap((r) => (r.ok && ids.has(r.value.baseEntityId) ? [r.value] : []))
            const eventBatch: EventBatch = { ...batch, clients }
            yield eventBatch
        }
    }

    async *streamClients(from: StreamCheckpoint | undefined) {
        yield* this.pages<OpenSrpClient>([...this.clients.values()], from, validateClient)
    }

    async listLocations() {
        const results = (this.options.locations ?? []).map(validateLocation)
        return {
            locations: results.flatMap((r) => (r.ok ? [r.value] : [])),
            quarantined: results.flatMap((r) => (r.ok ? [] : [r.quarantine])),
        }
    }

    async checkConnection() {}

    private *pages<T extends OpenSrpEvent | OpenSrpClient>(
        records: Raw[],
        from: StreamCheckpoint | undefined,
        validate: (
            raw: unknown
        ) => { ok: true; value: T } | { ok: false; quarantine: QuarantineEntry }
    ): Generator<SourceBatch<T>> {
        const cursor = new OverlapCursor(from, this.options.overlap ?? 1_000)
        const start = cursor.startVersion()
        const ordered = records
            .filter((r) => versionOf(r) >= start)
            .sort((a, b) => versionOf(a) - versionOf(b))
        const pageSize = this.options.pageSize ?? 100
        for (let i = 0; i < ordered.length; i += pageSize) {
            const batch: SourceBatch<T> = {
                records: [],
                quarantined: [],
                checkpoint: from ?? { high: 0, seen: [] },
            }
            for (const raw of ordered.slice(i, i + pageSize)) {
                if (!cursor.accept(idOf(raw), versionOf(raw))) continue
                const result = validate(raw)
                if (result.ok) batch.records.push(result.value)
                else batch.quarantined.push(result.quarantine)
            }
            batch.checkpoint = cursor.checkpoint()
            if (batch.records.length > 0 || batch.quarantined.length > 0) yield batch
        }
    }
}

/** What every integration run of the source adapter shares: the oracle, a drain, the exactly-once check. */
import { send } from '../../../sandbox/opensrp/httpClient'
import { startOpenSrpSandbox, type OpenSrpSandboxOptions } from '../../../sandbox/opensrp'
import type { OpenSrpConnection } from '../../../src/adapters/opensrp/connection'
import { createOpenSrpSource } from '../../../src/adapters/opensrp/source'
import { createTransport } from '../../../src/adapters/opensrp/transport'
import { validateEvent } from '../../../src/adapters/opensrp/validate'
import type { EventSelection } from '../../../src/core/ports/openSrpSource'
import type { StreamCheckpoint } from '../../../src/core/sync/overlapCursor'

export const ADMIN_BASIC = `Basic ${Buffer.from('opensrp-admin:Admin123').toString('base64')}`
export const adminAuth = { type: 'basic', username: 'opensrp-admin', password: 'Admin123' } as const
export const SEED = 11
export const CHILDREN = 300
/**
 * The adapter's default window. Late commits only happen near the head of a table (the sandbox
 * holds rows within HOLD_SPAN of it), so a window a few thousand versions wide must find them all
 * on the next run; a window the size of the whole dataset would hide an overlap bug.
 */
export const REALISTIC_OVERLAP = 2000

export interface TruthEvent {
    id: string
    valid: boolean
}

/** Every event of a quirk-free sandbox with the same seed, read in one request: what must come out. */
export async function truth(
    extra: Partial<OpenSrpSandboxOptions> = {}
): Promise<Map<string, TruthEvent>> {
    const oracle = await startOpenSrpSandbox({ seed: SEED, children: CHILDREN, ...extra })
    try {
        const response = await send(
            `${oracle.url}/rest/event/getAll?serverVersion=0&limit=1000000`,
            {
                headers: { Authorization: ADMIN_BASIC },
            }
        )
        const { events } = JSON.parse(response.text) as { events: Array<Record<string, unknown>> }
        return new Map(
            events.map((raw) => {
                const id = String(raw._id)
                return [id, { id, valid: validateEvent(raw).ok }]
            })
        )
    } finally {
        await oracle.close()
    }
}

export interface Delivery {
    valid: string[]
    quarantined: string[]
    checkpoint: StreamCheckpoint | undefined
}

export async function drain(
    connection: OpenSrpConnection,
    from: StreamCheckpoint | undefined,
    selection: EventSelection = { endpoint: 'getAll' },
    onBatch?: (index: number) => void
): Promise<Delivery> {
    const source = createOpenSrpSource(
        createTransport(connection, {
            sleep: async () => undefined,
            retry: { maxAttempts: 12 },
            timeoutMs: 1500,
        }),
        { pageSize: 40, overlap: REALISTIC_OVERLAP }
    )
    const delivery: Delivery = { valid: [], quarantined: [], checkpoint: from }
    let index = 0
    for await (const batch of source.streamEvents(selection, from)) {
        delivery.valid.push(...batch.records.map((e) => e.id))
        delivery.quarantined.push(
            ...batch.quarantined
                .filter((q) => q.recordType === 'event')
                .map((q) => q.recordId ?? '')
        )
        delivery.checkpoint = batch.checkpoint
        onBatch?.(index++)
    }
    return delivery
}

/** A first run, then the next scheduled run that picks up what committed late. */
export async function twoRuns(
    connection: OpenSrpConnection,
    onBatch?: (index: number) => void
): Promise<Delivery[]> {
    const first = await drain(connection, undefined, { endpoint: 'getAll' }, onBatch)
    const second = await drain(connection, first.checkpoint)
    return [first, second]
}

export function expectExactlyOnce(deliveries: Delivery[], expected: Map<string, TruthEvent>) {
    const valid = deliveries.flatMap((d) => d.valid)
    const quarantined = deliveries.flatMap((d) => d.quarantined)
    const counts = new Map<string, number>()
    for (const id of [...valid, ...quarantined]) counts.set(id, (counts.get(id) ?? 0) + 1)
    const twice = [...counts].filter(([, n]) => n > 1).map(([id]) => id)
    const missing = [...expected.keys()].filter((id) => !counts.has(id))
    expect({ twice, missing }).toEqual({ twice: [], missing: [] })
    expect(valid.sort()).toEqual(
        [...expected.values()]
            .filter((e) => e.valid)
            .map((e) => e.id)
            .sort()
    )
    expect(quarantined.sort()).toEqual(
        [...expected.values()]
            .filter((e) => !e.valid)
            .map((e) => e.id)
            .sort()
    )
}

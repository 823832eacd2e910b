import type { GeneratedDataset } from './generator/dataset'

/**
 * Per-block row counts of the generated range (all events, events by type, clients), so counts
 * need not rebuild every record. Built by one pass over all plans the first time one is asked.
 */
export class BlockCounts {
    private counts: { events: Map<string, Uint8Array>; clients: Uint8Array } | undefined

    constructor(private readonly dataset: GeneratedDataset) {}

    /** Events per block, of one type or (undefined) of all types. */
    events(eventType: string | undefined): Uint8Array {
        return this.build().events.get(eventType ?? '') ?? new Uint8Array(0)
    }

    clients(): Uint8Array {
        return this.build().clients
    }

    private build(): { events: Map<string, Uint8Array>; clients: Uint8Array } {
        if (!this.counts) {
            const n = this.dataset.children
            const all = new Uint8Array(n)
            const events = new Map<string, Uint8Array>([['', all]])
            const clients = new Uint8Array(n)
            for (let b = 0; b < n; b++) {
                const plan = this.dataset.plan(b)
                clients[b] = plan.clientSlots.length
                all[b] = plan.events.length
                for (const planned of plan.events) {
                    let counts = events.get(planned.eventType)
                    if (!counts) {
                        counts = new Uint8Array(n)
                        events.set(planned.eventType, counts)
                    }
                    counts[b] = (counts[b] ?? 0) + 1
                }
            }
            this.counts = { events, clients }
        }
        return this.counts
    }
}

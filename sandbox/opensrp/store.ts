import { BlockCounts } from './blockCounts'
import { ClientStore } from './clientStore'
import { EventStore } from './eventStore'
import type { GeneratedDataset } from './generator/dataset'
import { clientVersion, CLIENT_SLOTS, eventVersion, EVENT_SLOTS } from './generator/layout'
import { HeldRows, type Table } from './heldRows'

/**
 * One view over generated (lazy) and uploaded (overlay) records, with the server's visibility
 * rules: replaced generated rows vanish from their old slot (eventStore.ts, clientStore.ts),
 * and with `nonMonotonic` some rows are held back until later reads (heldRows.ts).
 */

export class RecordStore {
    readonly events: EventStore
    readonly clients: ClientStore
    private readonly held: HeldRows

    constructor(
        readonly dataset: GeneratedDataset,
        nonMonotonic: boolean
    ) {
        const last = dataset.children - 1
        this.held = new HeldRows(dataset.ctx.seed, nonMonotonic, {
            event: eventVersion(last, EVENT_SLOTS - 1),
            client: clientVersion(last, CLIENT_SLOTS - 1),
        })
        const counts = new BlockCounts(dataset)
        this.events = new EventStore(dataset, this.held, counts)
        this.clients = new ClientStore(dataset, this.held, counts)
    }

    /** Call with each page served and its limit: held rows below its maximum become visible,
     * and all of them after a short page. */
    served(table: Table, versions: number[], limit: number): void {
        this.held.served(table, versions, limit)
    }
}

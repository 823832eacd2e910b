import type { OpenSrpClient } from '../../core/domain/opensrp'
import type { OpenSrpSource } from '../../core/ports/openSrpSource'
import type { ScopePartition } from './scopePartition'

/**
 * The OpenSRP source as a subtree run sees it: the client stream keeps the clients this partition
 * owns (their checkpoints still move past the others, which other partitions own). Quarantined
 * clients stay, since their home cannot be read: every partition reports them. Events are read
 * with the partition's own selection (runConnector passes `partition.events`).
 */
export function scopedSource(
    source: OpenSrpSource,
    partition: Pick<ScopePartition, 'ownsClient'>
): OpenSrpSource {
    return {
        streamEvents: (selection, from, options) => source.streamEvents(selection, from, options),
        async *streamClients(from, options) {
            for await (const batch of source.streamClients(from, options)) {
                const records: OpenSrpClient[] = batch.records.filter(partition.ownsClient)
                yield { ...batch, records }
            }
        },
        listLocations: (options) => source.listLocations(options),
        checkConnection: (selection, options) => source.checkConnection(selection, options),
    }
}

import type { OpenSrpClient, OpenSrpEvent } from '../domain/opensrp'
import type { QuarantineEntry } from '../domain/quarantine'
import type { AggregateTotals } from '../summary/types'
import type { ErrorLog } from './errorLog'

/**
 * What the pipeline needs from the aggregate side: take each page of events into the ledger, and
 * post the dirty cells once the events are read. Built by `createAggregateSide`.
 */
export interface AggregateSide {
    /** Is the local ledger the one the last run recorded in the dataStore? If not it is rebuilt. */
    prepare(): Promise<{ rebuild: boolean }>
    /**
     * `quarantined`: the page's records the source could not read (already reported). An event
     * among them that counted before (an edit that broke it) loses its count.
     */
    consume(
        events: OpenSrpEvent[],
        clientsById: Map<string, OpenSrpClient>,
        errors: ErrorLog,
        quarantined?: QuarantineEntry[]
    ): Promise<void>
    /** Called once every event has been read: stamps the ledger and posts what changed. */
    finish(options: { complete: boolean }, errors: ErrorLog): Promise<void>
    readonly totals: AggregateTotals
}

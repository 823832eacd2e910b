import type { AggregateMapping, AntigenRule, Mappings } from '../config/types'
import type { PeriodCalculator } from '../ports/periods'
import type { LedgerRow } from '../ports/syncStore'
import type { RecordError } from '../summary/types'

/** Where an OpenSRP location's data goes in DHIS2, or why it cannot go anywhere. */
export type OrgUnitResolution =
    { ok: true; orgUnit: string } | { ok: false; code: string; message: string }

/** Everything ledgerRowsForEvent needs besides the event and its client. */
export interface LedgerContext {
    mapping: AggregateMapping
    antigens: AntigenRule[]
    outOfAreaKeep: Mappings['outOfAreaKeep']
    resolveOrgUnit(locationId: string): OrgUnitResolution
    periods: PeriodCalculator
    /** Reporting time zone for event dates with an offset (ConnectorSettings.timeZone). */
    timeZone: string
    /** yyyy-MM-dd in the reporting time zone: later dates are errors. */
    today: string
}

/** Why an event is, rightly, not counted. */
export type LedgerSkipReason =
    /** A Void Event or a voided event: it counts nothing, its earlier rows go. */
    | 'void'
    /** "Out of Area Service - Vaccination": never counted (§5.3). */
    | 'out-of-area-service'
    /** The copy of an out-of-area dose that Mappings.outOfAreaKeep does not keep. */
    | 'out-of-area-copy'
    /** The client is voided (a duplicate registration): none of its events count. */
    | 'client-voided'
    /** No indicator of any data set counts this event (its type or antigen is not mapped). */
    | 'not-counted'

export interface LedgerSkip {
    reason: LedgerSkipReason
    message: string
}

/**
 * What one event puts in the ledger. Every event ends up with rows, errors or a skip (or rows and
 * errors, when some of its indicators could be counted and others not): nothing is dropped silently.
 */
export interface EventLedgerResult {
    rows: LedgerRow[]
    errors: RecordError[]
    skipped?: LedgerSkip
}

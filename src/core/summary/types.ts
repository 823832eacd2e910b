/**
 * The normalised import summary (DESIGN §3.8): every DHIS2 answer (tracker or dataValueSets, any
 * version, 200 or 409, wrapped or plain) and every record we could not send ends up in one of these
 * shapes, so screens, reports and the CLI handle one model.
 */

export type RecordKind =
    | 'client'
    | 'event'
    | 'location'
    | 'trackedEntity'
    | 'enrollment'
    | 'trackerEvent'
    | 'relationship'
    | 'dataValue'

/**
 * Why a record did not make it:
 * - `quarantined`: the OpenSRP record itself is malformed (the source adapter's QuarantineEntry);
 * - `mapping`: the record is fine but our mapping cannot place it (no org unit, unknown gender, …);
 * - `rejected`: DHIS2 refused it (an error code from its import report);
 * - `transport`: DHIS2 could not be reached or failed (5xx, timeout): retried in a later run.
 */
export type RecordErrorKind = 'quarantined' | 'mapping' | 'rejected' | 'transport'

export interface RecordError {
    /** The OpenSRP id a reviewer can look up: client baseEntityId or event formSubmissionId/_id. */
    sourceId: string
    recordKind: RecordKind
    kind: RecordErrorKind
    /** DHIS2's code (E1064, E7641 …) or ours (OSRP_NO_ORG_UNIT …, see explainCode). */
    code: string
    /** What happened, in plain language, without personal data beyond ids. */
    message: string
    /** The DHIS2 org unit the record belongs to, when known: facility staff see their own rows. */
    orgUnit?: string
    period?: string
    /** The DHIS2 UID involved, when there is one. */
    uid?: string
}

export interface Conflict {
    code: string
    message: string
    /** DHIS2 object or property named by the conflict (UID, or `dataElement`, `period` …). */
    object?: string
    property?: string
    uid?: string
    trackerType?: 'TRACKED_ENTITY' | 'ENROLLMENT' | 'EVENT' | 'RELATIONSHIP'
    /** 0-based indexes into the posted payload (dataValueSets conflicts, 2.37+). */
    indexes?: number[]
}

export interface ImportCounts {
    created: number
    updated: number
    deleted: number
    ignored: number
}

export const ZERO_COUNTS: ImportCounts = { created: 0, updated: 0, deleted: 0, ignored: 0 }

/** One DHIS2 import request's outcome, whatever version and endpoint answered. */
export interface ImportSummary {
    status: 'OK' | 'WARNING' | 'ERROR'
    counts: ImportCounts
    conflicts: Conflict[]
    /** Set when the whole request failed before DHIS2 looked at its content (auth, 5xx, network). */
    failure?: {
        kind: 'transport' | 'access' | 'rejected'
        message: string
        retryable: boolean
        /** Our code for it (DHIS2_UNREACHABLE, DHIS2_IMPORT_REPORT_LOST …, see explainCode). */
        code?: string
    }
}

/** A period the aggregate sync did not post, and why (issue 9: say which and why). */
export interface HeldBackPeriod {
    dataSet: string
    period: string
    reason: 'open-in-opensrp' | 'locked-in-dhis2' | 'ledger-incomplete' | 'future'
    message: string
}

/**
 * created/updated/deleted are DHIS2's own counts of objects (tracked entities, enrollments, events);
 * unchanged/failed/skipped/waiting count OpenSRP records.
 */
export interface TrackerTotals {
    created: number
    updated: number
    deleted: number
    unchanged: number
    failed: number
    skipped: number
    /** Failed before and unchanged since: waiting for their next retry (backoff) or for a person. */
    waiting: number
}

export interface AggregateTotals {
    /** Data values DHIS2 created or updated (zeros included). */
    written: number
    /**
     * Cells compared with the value DHIS2 holds and found equal, so not sent. Only a ledger rebuild
     * reads DHIS2's values and compares; an incremental run looks only at the cells its events
     * changed (all sent or held back), so there it is 0.
     */
    unchanged: number
    failed: number
    /** Events counted into the ledger / left out with a per-record error. */
    counted: number
    heldBack: HeldBackPeriod[]
}

export type RunStatus = 'succeeded' | 'completed-with-errors' | 'failed' | 'cancelled'

/** What a sync run produced; the CLI's `--json` prints this (issue 8), reports store it. */
export interface RunSummary {
    status: RunStatus
    dryRun: boolean
    tracker?: TrackerTotals
    aggregate?: AggregateTotals
    errors: RecordError[]
    /** Errors beyond the kept ones are counted, never silently dropped. */
    errorsOmitted: number
    /** Set when status is 'failed': why the run stopped. */
    failure?: { code: string; message: string }
}

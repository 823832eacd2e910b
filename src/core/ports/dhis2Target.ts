import type { Conflict, ImportSummary } from '../summary/types'
import type { TrackerPayload } from '../tracker/payload'

export type TrackerType = 'TRACKED_ENTITY' | 'ENROLLMENT' | 'EVENT' | 'RELATIONSHIP'

export interface TrackerImportOptions {
    /** `importMode=VALIDATE` on /api/tracker (nothing is written). */
    dryRun: boolean
    /** CREATE_AND_UPDATE for upserts, DELETE for voided events. */
    strategy: 'CREATE_AND_UPDATE' | 'DELETE'
    signal?: AbortSignal
}

/** Per object of the payload: its UID and DHIS2's errors for it (none = written). */
export interface TrackerObjectResult {
    trackerType: TrackerType
    uid: string
    errors: Conflict[]
}

export interface TrackerImportResult extends ImportSummary {
    /** Every object that DHIS2 reported errors for. Objects of the payload not listed were accepted. */
    rejected: TrackerObjectResult[]
}

export interface FoundTrackedEntity {
    trackedEntity: string
    orgUnit: string
    /** The value of the unique attribute it was found by. */
    value: string
    enrollments: Array<{ enrollment: string; program: string }>
}

/**
 * Writes tracker data: the `/api/tracker` writer (2.38+) or the legacy
 * `trackedEntityInstances` → `enrollments` writer (2.38–2.41), chosen by the adapter.
 */
export interface TrackerTarget {
    readonly kind: 'tracker' | 'legacy'
    importTracker(
        payload: TrackerPayload,
        options: TrackerImportOptions
    ): Promise<TrackerImportResult>
    /**
     * Deletes events by UID (voided vaccinations): `importStrategy=DELETE` with `{events: [{event}]}`.
     * An event DHIS2 does not have comes back rejected with its code (E1032); callers treat that as
     * already done.
     */
    deleteEvents(
        uids: string[],
        options: Omit<TrackerImportOptions, 'strategy'>
    ): Promise<TrackerImportResult>
    /**
     * Tracked entities whose unique `attribute` holds one of `values` (adoption of tracked
     * entities created outside the connector, DESIGN §3.1).
     */
    findTrackedEntitiesByAttribute(
        query: { trackedEntityType: string; attribute: string; values: string[] },
        options?: { signal?: AbortSignal }
    ): Promise<FoundTrackedEntity[]>
}

export interface DataValuePayload {
    dataElement: string
    period: string
    orgUnit: string
    categoryOptionCombo: string
    attributeOptionCombo: string
    value: string
}

export interface DataValueSetImportOptions {
    dryRun: boolean
    signal?: AbortSignal
}

export interface DataValueSetImportResult extends ImportSummary {
    /** 0-based indexes of `dataValues` that DHIS2 did not write (from conflicts and rejectedIndexes). */
    rejectedIndexes: number[]
}

/** Which values to read back: one data set, a few org units, the periods within two dates. */
export interface DataValueReadQuery {
    dataSet: string
    orgUnits: string[]
    /** yyyy-MM-dd: periods that start on or after this day … */
    startDate: string
    /** … and end on or before this one. */
    endDate: string
}

export type DataValueReadResult =
    | { ok: true; values: DataValuePayload[] }
    | { ok: false; failure: NonNullable<ImportSummary['failure']> }

export interface AggregateTarget {
    importDataValues(
        dataSet: string,
        dataValues: DataValuePayload[],
        options: DataValueSetImportOptions
    ): Promise<DataValueSetImportResult>
    /**
     * What DHIS2 holds now (`GET /api/dataValueSets`) for the data set's data elements in these org
     * units and periods: every value with a value, whoever stored it. Callers keep `orgUnits` to a
     * few dozen per call (the URL carries them).
     */
    readDataValues(
        query: DataValueReadQuery,
        options?: { signal?: AbortSignal }
    ): Promise<DataValueReadResult>
}

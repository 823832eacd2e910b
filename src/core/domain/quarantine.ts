import type { OpenSrpRecordType } from './opensrp'

/**
 * A source record that could not be accepted. It is kept, with the reason, so that nothing is
 * dropped silently and an operator can fix it at the source.
 */
export interface QuarantineEntry {
    recordType: OpenSrpRecordType
    /** `_id` (or `baseEntityId`, or location `id`) when the record had a usable one. */
    recordId?: string
    serverVersion?: number
    /** Plain-language reason, e.g. "eventDate '2024-13-40' is not a valid date". */
    reason: string
    /** Where in the record the problem is, as a JSON path ("obs[0].values[0]"); "" for the whole record. */
    path: string
    raw: unknown
}

export type Validated<T> = { ok: true; value: T } | { ok: false; quarantine: QuarantineEntry }

import type { QuarantineEntry } from '../domain/quarantine'
import type { RecordError } from '../summary/types'

/**
 * Collects a run's per-record errors. Past `limit` they are counted, not kept, so a run over a
 * million broken records stays small in memory, and the summary says how many were left out.
 */
export class ErrorLog {
    readonly kept: RecordError[] = []
    omitted = 0

    constructor(private readonly limit: number) {}

    add(error: RecordError): void {
        if (this.kept.length < this.limit) this.kept.push(error)
        else this.omitted++
    }

    addAll(errors: Iterable<RecordError>): void {
        for (const error of errors) this.add(error)
    }

    get total(): number {
        return this.kept.length + this.omitted
    }
}

/** A record the source adapter could not accept, as a summary error (the reason is the adapter's). */
export function quarantineError(entry: QuarantineEntry): RecordError {
    return {
        sourceId: entry.recordId ?? `serverVersion ${entry.serverVersion ?? '?'}`,
        recordKind: entry.recordType,
        kind: 'quarantined',
        code: 'OSRP_QUARANTINED',
        message: entry.path ? `${entry.reason} (at ${entry.path})` : entry.reason,
    }
}

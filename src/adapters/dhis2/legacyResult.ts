import type {
    TrackerImportResult,
    TrackerObjectResult,
    TrackerType,
} from '../../core/ports/dhis2Target'
import type { LegacyObjectResults } from './legacyImportSummaries'

/** Builds one TrackerImportResult from the legacy writer's steps. */
export class LegacyResult {
    private readonly result: TrackerImportResult = {
        status: 'OK',
        counts: { created: 0, updated: 0, deleted: 0, ignored: 0 },
        conflicts: [],
        rejected: [],
    }
    private readonly refusedUids = new Set<string>()

    isRefused(uid: string): boolean {
        return this.refusedUids.has(uid)
    }

    /** What DHIS2 answered for one bulk post. */
    add(step: LegacyObjectResults): void {
        for (const key of ['created', 'updated', 'deleted', 'ignored'] as const)
            this.result.counts[key] += step.counts[key]
        this.result.conflicts.push(...step.conflicts)
        for (const r of step.rejected) this.push(r)
    }

    /** An object we did not send, with our reason. */
    refuse(trackerType: TrackerType, uid: string, code: string, message: string): void {
        const errors = [{ code, message, uid, trackerType }]
        this.result.conflicts.push(...errors)
        this.result.counts.ignored++
        this.push({ trackerType, uid, errors })
    }

    finish(): TrackerImportResult {
        const { rejected, conflicts } = this.result
        this.result.status = rejected.length > 0 ? 'ERROR' : conflicts.length > 0 ? 'WARNING' : 'OK'
        return this.result
    }

    private push(r: TrackerObjectResult): void {
        this.result.rejected.push(r)
        this.refusedUids.add(r.uid)
    }
}

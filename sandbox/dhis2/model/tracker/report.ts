import { Dhis2Minor } from '../../contract'
import { JsonRecord } from '../json'
import { CommitOutcome } from './commit'
import { errorReportJson, warningReportJson } from './messages'
import { TrackerType } from './payload'
import { TrackerValidation } from './validation'

export interface TrackerStats {
    created: number
    updated: number
    deleted: number
    ignored: number
    total: number
}

/** The order DHIS2 serialises `typeReportMap` in (fixtures/dhis2/responses/tracker-report-ok.json). */
const TYPE_ORDER: readonly TrackerType[] = ['EVENT', 'ENROLLMENT', 'RELATIONSHIP', 'TRACKED_ENTITY']

function invalidCount(v: TrackerValidation, type: TrackerType): number {
    return [...v.invalid].filter((key) => key.startsWith(`${type}:`)).length
}

/** The ImportReport (§3.2): no `bundleReport` when nothing was committed. */
export function importReport(
    minor: Dhis2Minor,
    v: TrackerValidation,
    total: number,
    outcome: CommitOutcome | undefined,
    reportMode = 'ERRORS'
): { report: JsonRecord; stats: TrackerStats; status: string } {
    // `ImportReport.status`: ERROR with an error, WARNING with a warning, else OK; reportMode
    // ERRORS (the default) leaves the warnings out of the report, not out of the status.
    const status = v.errors.length > 0 ? 'ERROR' : v.warnings.length > 0 ? 'WARNING' : 'OK'
    const validationReport = {
        errorReports: v.errors.map((e) => errorReportJson(minor, e)),
        warningReports:
            reportMode === 'ERRORS' ? [] : v.warnings.map((w) => warningReportJson(minor, w)),
    }
    if (!outcome) {
        // Nothing committed: under ALL every object is ignored; a clean VALIDATE run ignores none.
        const ignored = status === 'ERROR' ? total : 0
        const stats = { created: 0, updated: 0, deleted: 0, ignored, total }
        return { report: { status, validationReport, stats }, stats, status }
    }
    const stats: TrackerStats = { created: 0, updated: 0, deleted: 0, ignored: 0, total }
    const typeReportMap: JsonRecord = {}
    for (const type of TYPE_ORDER) {
        const o = outcome[type]
        const ignored = invalidCount(v, type) + o.ignored.length
        const typeStats = {
            created: o.created.length,
            updated: o.updated.length,
            deleted: o.deleted.length,
            ignored,
            total: o.created.length + o.updated.length + o.deleted.length + ignored,
        }
        stats.created += typeStats.created
        stats.updated += typeStats.updated
        stats.deleted += typeStats.deleted
        stats.ignored += ignored
        typeReportMap[type] = {
            trackerType: type,
            stats: typeStats,
            objectReports: [...o.created, ...o.updated, ...o.deleted].map((uid) => ({
                trackerType: type,
                uid,
                errorReports: [],
            })),
        }
    }
    return {
        report: { status, validationReport, stats, bundleReport: { typeReportMap } },
        stats,
        status,
    }
}

export function completionMessage(status: string, stats: TrackerStats): string {
    return `Import complete with status ${status}, ${stats.created} created, ${stats.updated} updated, ${stats.deleted} deleted, ${stats.ignored} ignored`
}

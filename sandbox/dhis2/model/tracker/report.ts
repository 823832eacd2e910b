import { Dhis2Minor } from '../../contract'
import { JsonRecord, isRecord } from '../json'
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

/** Objects per type as sent, before preprocessing (`DefaultTrackerImportService.calculatePayloadSize`). */
export type BundleSizes = Record<TrackerType, number>

/** What happened after validation: nothing (ALL with errors), a VALIDATE run, or a commit. */
export type ImportOutcome = { exited: true } | { validated: true } | CommitOutcome

const sumSizes = (sizes: BundleSizes): number =>
    sizes.TRACKED_ENTITY + sizes.ENROLLMENT + sizes.EVENT + sizes.RELATIONSHIP

const statsOf = (created: number, updated: number, deleted: number, ignored: number) => ({
    created,
    updated,
    deleted,
    ignored,
    total: created + updated + deleted + ignored,
})

/**
 * The ImportReport (§3.2) as `DefaultTrackerImportService.importTracker` builds it: ERROR only
 * when atomicMode ALL stops on errors (`ImportReport.withValidationErrors`: every object ignored,
 * no bundleReport); otherwise OK, whatever was rejected (`withImportCompleted`): stats.ignored
 * counts the distinct UIDs with errors (`ValidationReport.size`) plus what the persister ignored,
 * and each type's ignored is its payload size minus what was written (`processBundleReport`). A
 * VALIDATE run commits nothing and has an empty `typeReportMap` (`DefaultTrackerBundleService`).
 * Warnings are always in; {@link reportForMode} drops them as the controller does.
 */
export function importReport(
    minor: Dhis2Minor,
    v: TrackerValidation,
    sizes: BundleSizes,
    outcome: ImportOutcome
): { report: JsonRecord; stats: TrackerStats; status: string } {
    const validationReport = {
        errorReports: v.errors.map((e) => errorReportJson(minor, e)),
        warningReports: v.warnings.map((w) => warningReportJson(minor, w)),
    }
    if ('exited' in outcome) {
        const total = sumSizes(sizes)
        const stats = statsOf(0, 0, 0, total)
        return { report: { status: 'ERROR', validationReport, stats }, stats, status: 'ERROR' }
    }
    const rejected = new Set(v.errors.map((e) => e.uid)).size
    const typeReportMap: JsonRecord = {}
    let created = 0
    let updated = 0
    let deleted = 0
    let ignoredByPersister = 0
    if (!('validated' in outcome)) {
        for (const type of TYPE_ORDER) {
            const o = outcome[type]
            created += o.created.length
            updated += o.updated.length
            deleted += o.deleted.length
            ignoredByPersister += o.ignored.length
            const written = o.created.length + o.updated.length + o.deleted.length
            typeReportMap[type] = {
                trackerType: type,
                stats: statsOf(
                    o.created.length,
                    o.updated.length,
                    o.deleted.length,
                    sizes[type] - written
                ),
                objectReports: o.written.map((uid) => ({
                    trackerType: type,
                    uid,
                    errorReports: [],
                })),
            }
        }
    }
    const stats = statsOf(created, updated, deleted, rejected + ignoredByPersister)
    return {
        report: { status: 'OK', validationReport, stats, bundleReport: { typeReportMap } },
        stats,
        status: 'OK',
    }
}

/**
 * `TrackerImportService.buildImportReport`: errors always; warnings only for reportMode WARNINGS
 * or FULL (the sync answer, and each read of an async job's report with its own reportMode).
 */
export function reportForMode(report: unknown, reportMode: string): unknown {
    if (!isRecord(report) || !isRecord(report.validationReport)) return report
    if (reportMode === 'WARNINGS' || reportMode === 'FULL') return report
    return { ...report, validationReport: { ...report.validationReport, warningReports: [] } }
}

export function completionMessage(status: string, stats: TrackerStats): string {
    return `Import complete with status ${status}, ${stats.created} created, ${stats.updated} updated, ${stats.deleted} deleted, ${stats.ignored} ignored`
}

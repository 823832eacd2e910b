import { z } from 'zod'
import type {
    TrackerImportResult,
    TrackerObjectResult,
    TrackerType,
} from '../../core/ports/dhis2Target'
import type { Conflict } from '../../core/summary/types'
import { ZERO_COUNTS } from '../../core/summary/types'
import { withoutQuotedValues } from '../../core/summary/dhis2Message'

/**
 * The tracker ImportReport (reference §3.2; fixtures tracker-report-ok/error.json), the same on
 * 2.38–2.43 apart from `args` (2.41+) and the wording of messages: from the job report, from a
 * sync 200, or from the body of a sync 409.
 */

const TRACKER_TYPES = ['TRACKED_ENTITY', 'ENROLLMENT', 'EVENT', 'RELATIONSHIP'] as const

const trackerType = z
    .string()
    .optional()
    .transform((value): TrackerType | undefined => TRACKER_TYPES.find((t) => t === value))

const errorReport = z.object({
    message: z.string().optional(),
    errorCode: z.string(),
    trackerType,
    uid: z.string().optional(),
})

const stats = z.object({
    created: z.number(),
    updated: z.number(),
    deleted: z.number(),
    ignored: z.number(),
})

const objectReport = z.object({
    trackerType,
    uid: z.string().optional(),
    errorReports: z.array(errorReport).optional(),
})

export const importReportSchema = z
    .object({
        status: z.enum(['OK', 'WARNING', 'ERROR']),
        validationReport: z.object({ errorReports: z.array(errorReport).optional() }).optional(),
        stats: stats.optional(),
        bundleReport: z
            .object({
                typeReportMap: z
                    .record(
                        z.string(),
                        z.object({ objectReports: z.array(objectReport).optional() })
                    )
                    .optional(),
            })
            .optional(),
        message: z.string().optional(),
    })
    // A WebMessage ("Tracker job added") also has a status: a report has one of these.
    .refine((r) => r.validationReport ?? r.stats ?? r.bundleReport, 'not an ImportReport')

type ErrorReport = z.infer<typeof errorReport>

export const isTrackerImportReport = (body: unknown): boolean =>
    importReportSchema.safeParse(body).success

function conflictOf(report: ErrorReport): Conflict {
    return {
        code: report.errorCode,
        message: withoutQuotedValues(report.message ?? report.errorCode),
        ...(report.uid ? { uid: report.uid, object: report.uid } : {}),
        ...(report.trackerType ? { trackerType: report.trackerType } : {}),
    }
}

/** Conflicts grouped per object, in the order DHIS2 first names each object. */
export function rejectedObjects(conflicts: readonly Conflict[]): TrackerObjectResult[] {
    const byKey = new Map<string, TrackerObjectResult>()
    for (const conflict of conflicts) {
        if (!conflict.uid || !conflict.trackerType) continue
        const key = `${conflict.trackerType}:${conflict.uid}`
        const entry = byKey.get(key) ?? {
            trackerType: conflict.trackerType,
            uid: conflict.uid,
            errors: [],
        }
        entry.errors.push(conflict)
        byKey.set(key, entry)
    }
    return [...byKey.values()]
}

/**
 * Normalises an ImportReport; undefined when `body` is not one. Errors come from the
 * validation report and, should a server put them there, from the bundle's object reports.
 */
export function trackerImportResult(body: unknown): TrackerImportResult | undefined {
    const parsed = importReportSchema.safeParse(body)
    if (!parsed.success) return undefined
    const report = parsed.data
    const errors = [...(report.validationReport?.errorReports ?? [])]
    for (const type of Object.values(report.bundleReport?.typeReportMap ?? {})) {
        for (const object of type.objectReports ?? []) {
            for (const error of object.errorReports ?? []) {
                errors.push({
                    ...error,
                    uid: error.uid ?? object.uid,
                    trackerType: error.trackerType ?? object.trackerType,
                })
            }
        }
    }
    const seen = new Set<string>()
    const conflicts = errors
        .filter((e) => {
            const key = [e.errorCode, e.trackerType, e.uid, e.message].join('|')
            if (seen.has(key)) return false
            seen.add(key)
            return true
        })
        .map(conflictOf)
    const counts = report.stats
        ? {
              created: report.stats.created,
              updated: report.stats.updated,
              deleted: report.stats.deleted,
              ignored: report.stats.ignored,
          }
        : { ...ZERO_COUNTS }
    const result: TrackerImportResult = {
        status: report.status,
        counts,
        conflicts,
        rejected: rejectedObjects(conflicts),
    }
    // An ERROR without a single object error is an aborted import (`message` says why): the
    // objects were not looked at, so nothing can be blamed on them; sending again is the remedy.
    if (report.status === 'ERROR' && conflicts.length === 0) {
        result.failure = {
            kind: 'rejected',
            message: `DHIS2 stopped the import${report.message ? `: ${report.message}` : ''}.`,
            retryable: true,
            code: 'DHIS2_IMPORT_ABORTED',
        }
    }
    return result
}

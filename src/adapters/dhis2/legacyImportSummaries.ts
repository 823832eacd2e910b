import { z } from 'zod'
import type { TrackerObjectResult, TrackerType } from '../../core/ports/dhis2Target'
import type { Conflict, ImportCounts } from '../../core/summary/types'
import { withoutQuotedValues } from '../../core/summary/dhis2Message'

/**
 * The legacy `ImportSummaries` of `trackedEntityInstances`, `enrollments` and `events`
 * (reference §3.4; fixture legacy-tei-import-summaries.json): one summary per posted object, in
 * order, with `reference` = its UID and conflicts `{object, value}` that carry no error code.
 */

const conflict = z.object({
    object: z.string().optional(),
    value: z.string().optional(),
    errorCode: z.string().optional(),
})

const summary = z.object({
    status: z.enum(['SUCCESS', 'OK', 'WARNING', 'ERROR']),
    importCount: z
        .object({
            imported: z.number(),
            updated: z.number(),
            ignored: z.number(),
            deleted: z.number(),
        })
        .optional(),
    conflicts: z.array(conflict).optional(),
    reference: z.string().optional(),
    description: z.string().optional(),
})

const summaries = z.object({
    responseType: z.literal('ImportSummaries').optional(),
    status: z.enum(['SUCCESS', 'OK', 'WARNING', 'ERROR']),
    importSummaries: z.array(summary),
})

export interface LegacyObjectResults {
    counts: ImportCounts
    conflicts: Conflict[]
    rejected: TrackerObjectResult[]
}

/** Legacy conflicts have no code; some messages quote DHIS2's (`E1064: …`). */
export const LEGACY_CONFLICT = 'DHIS2_LEGACY_CONFLICT'

function codeOf(c: z.infer<typeof conflict>): string {
    return c.errorCode ?? /\bE\d{4}\b/.exec(c.value ?? '')?.[0] ?? LEGACY_CONFLICT
}

export function readImportSummaries(body: unknown): z.infer<typeof summaries> | undefined {
    const wrapped = z.object({ response: summaries }).safeParse(body)
    if (wrapped.success) return wrapped.data.response
    const plain = summaries.safeParse(body)
    return plain.success ? plain.data : undefined
}

/**
 * Per posted object (`uids` in payload order): its counts, and its conflicts when DHIS2 refused
 * it (ERROR). undefined when `body` holds no ImportSummaries.
 */
export function legacyObjectResults(
    body: unknown,
    trackerType: TrackerType,
    uids: readonly string[]
): LegacyObjectResults | undefined {
    const parsed = readImportSummaries(body)
    if (!parsed) return undefined
    const out: LegacyObjectResults = {
        counts: { created: 0, updated: 0, deleted: 0, ignored: 0 },
        conflicts: [],
        rejected: [],
    }
    parsed.importSummaries.forEach((s, i) => {
        const uid = s.reference ?? uids[i]
        out.counts.created += s.importCount?.imported ?? 0
        out.counts.updated += s.importCount?.updated ?? 0
        out.counts.deleted += s.importCount?.deleted ?? 0
        out.counts.ignored += s.importCount?.ignored ?? 0
        const conflicts: Conflict[] = (s.conflicts ?? []).map((c) => ({
            code: codeOf(c),
            message: withoutQuotedValues(c.value ?? s.description ?? 'Refused by DHIS2'),
            ...(c.object !== undefined ? { object: c.object } : {}),
            ...(uid ? { uid } : {}),
            trackerType,
        }))
        if (s.status === 'ERROR' && conflicts.length === 0) {
            conflicts.push({
                code: LEGACY_CONFLICT,
                message: withoutQuotedValues(s.description ?? 'Refused by DHIS2'),
                ...(uid ? { uid } : {}),
                trackerType,
            })
        }
        out.conflicts.push(...conflicts)
        if (s.status === 'ERROR' && uid) out.rejected.push({ trackerType, uid, errors: conflicts })
    })
    return out
}

import { z } from 'zod'
import type { DataValueSetImportResult } from '../../core/ports/dhis2Target'
import type { Conflict } from '../../core/summary/types'
import { withoutQuotedValues } from '../../core/summary/dhis2Message'

/**
 * The dataValueSets ImportSummary in every shape (reference §3.1, §7; fixtures
 * dataValueSets-*.json): wrapped in a WebMessage (2.38+, 200 or 409; 2.43 WARNING as 200),
 * plain (2.37 style, async task summaries), `rejectedIndexes` from 2.41, conflicts with merged
 * `indexes` (2.37+), 2.43 conflicts without `object`/`property` and `[-1]` for a request abort.
 */

const conflict = z.object({
    object: z.string().optional(),
    value: z.string().optional(),
    errorCode: z.string().optional(),
    property: z.string().optional(),
    indexes: z.array(z.number()).optional(),
})

const count = z.object({
    imported: z.number(),
    updated: z.number(),
    ignored: z.number(),
    deleted: z.number(),
})

const importSummary = z.object({
    status: z.enum(['SUCCESS', 'OK', 'WARNING', 'ERROR']),
    importCount: count.optional(),
    conflicts: z.array(conflict).optional(),
    rejectedIndexes: z.array(z.number()).optional(),
    description: z.string().optional(),
})

type ParsedSummary = z.infer<typeof importSummary>

/** The ImportSummary in a WebMessage's `response`, or the body itself when plain. */
export function readDataValueImportSummary(body: unknown): ParsedSummary | undefined {
    const wrapped = z.object({ response: importSummary }).safeParse(body)
    if (wrapped.success) return wrapped.data.response
    const plain = importSummary.safeParse(body)
    // A plain summary has its counts; a WebMessage without a summary has only a status.
    return plain.success && plain.data.importCount ? plain.data : undefined
}

function conflictOf(c: z.infer<typeof conflict>): Conflict {
    return {
        code: c.errorCode ?? 'DHIS2_CONFLICT',
        message: withoutQuotedValues(c.value ?? c.errorCode ?? 'Conflict'),
        ...(c.object !== undefined ? { object: c.object } : {}),
        ...(c.property !== undefined ? { property: c.property } : {}),
        ...(c.indexes ? { indexes: c.indexes } : {}),
    }
}

const range = (n: number) => Array.from({ length: n }, (_, i) => i)

/**
 * Which posted values DHIS2 did not write. Every value when the request was aborted: a conflict
 * at index -1 (2.43), or ERROR with nothing written (2.38–2.42 abort before the first value;
 * 2.43 rejects the whole data set group). Otherwise the conflicts' indexes and rejectedIndexes.
 */
function rejectedIndexesOf(summary: ParsedSummary, valueCount: number): number[] {
    const conflicts = summary.conflicts ?? []
    const written = summary.importCount
        ? summary.importCount.imported + summary.importCount.updated + summary.importCount.deleted
        : 0
    const aborted =
        conflicts.some((c) => c.indexes?.includes(-1)) ||
        (summary.status === 'ERROR' && written === 0)
    if (aborted) return range(valueCount)
    const rejected = new Set<number>(summary.rejectedIndexes ?? [])
    for (const c of conflicts) for (const i of c.indexes ?? []) rejected.add(i)
    return [...rejected].filter((i) => i >= 0 && i < valueCount).sort((a, b) => a - b)
}

/** Normalises an answer; undefined when `body` holds no ImportSummary. */
export function dataValueSetImportResult(
    body: unknown,
    valueCount: number
): DataValueSetImportResult | undefined {
    const summary = readDataValueImportSummary(body)
    if (!summary) return undefined
    const c = summary.importCount
    return {
        status: summary.status === 'SUCCESS' ? 'OK' : summary.status,
        counts: {
            created: c?.imported ?? 0,
            updated: c?.updated ?? 0,
            deleted: c?.deleted ?? 0,
            ignored: c?.ignored ?? 0,
        },
        conflicts: (summary.conflicts ?? []).map(conflictOf),
        rejectedIndexes: rejectedIndexesOf(summary, valueCount),
    }
}

import type { DataValuePayload, DataValueSetImportResult } from '../../core/ports/dhis2Target'

/** Indexes of the values grouped by org unit and period, in payload order. */
export function slicesByOrgUnitAndPeriod(values: readonly DataValuePayload[]): number[][] {
    const slices = new Map<string, number[]>()
    values.forEach((v, i) => {
        const key = `${v.orgUnit}|${v.period}`
        const slice = slices.get(key) ?? []
        slice.push(i)
        slices.set(key, slice)
    })
    return [...slices.values()]
}

const SEVERITY = { OK: 0, WARNING: 1, ERROR: 2 } as const

/** One result for the whole payload, indexes mapped back from each slice to the payload. */
export function mergeSliceResults(
    slices: readonly number[][],
    results: readonly DataValueSetImportResult[]
): DataValueSetImportResult {
    const merged: DataValueSetImportResult = {
        status: 'OK',
        counts: { created: 0, updated: 0, deleted: 0, ignored: 0 },
        conflicts: [],
        rejectedIndexes: [],
    }
    results.forEach((result, n) => {
        const slice = slices[n] ?? []
        const toPayload = (i: number) => slice[i] ?? -1
        if (SEVERITY[result.status] > SEVERITY[merged.status]) merged.status = result.status
        if (result.failure && !merged.failure) merged.failure = result.failure
        merged.counts.created += result.counts.created
        merged.counts.updated += result.counts.updated
        merged.counts.deleted += result.counts.deleted
        merged.counts.ignored += result.counts.ignored
        for (const conflict of result.conflicts) {
            // -1 (the slice's request was refused) stands for every value of the slice.
            const indexes = conflict.indexes?.flatMap((i) => (i < 0 ? slice : [toPayload(i)]))
            merged.conflicts.push(indexes ? { ...conflict, indexes } : conflict)
        }
        // A slice that failed as a whole (DHIS2 down) wrote none of its values.
        const rejected = result.failure ? slice.map((_, i) => i) : result.rejectedIndexes
        merged.rejectedIndexes.push(...rejected.map(toPayload).filter((i) => i >= 0))
    })
    merged.rejectedIndexes.sort((a, b) => a - b)
    return merged
}

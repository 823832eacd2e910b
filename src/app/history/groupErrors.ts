import type { RecordError } from '../../core/summary/types'

export interface ErrorGroup {
    code: string
    count: number
    /** Org units with errors of this code. */
    orgUnits: string[]
    errors: RecordError[]
}

/** Errors grouped by code, the largest group first (then by code, for a stable order). */
export function groupErrorsByCode(errors: readonly RecordError[]): ErrorGroup[] {
    const groups = new Map<string, RecordError[]>()
    for (const error of errors) {
        const group = groups.get(error.code)
        if (group) group.push(error)
        else groups.set(error.code, [error])
    }
    return [...groups.entries()]
        .map(([code, list]) => ({
            code,
            count: list.length,
            orgUnits: [...new Set(list.flatMap((e) => (e.orgUnit ? [e.orgUnit] : [])))],
            errors: list,
        }))
        .sort((a, b) => b.count - a.count || a.code.localeCompare(b.code))
}

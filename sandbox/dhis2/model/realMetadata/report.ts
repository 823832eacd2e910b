export interface RealMetadataFileReport {
    file: string
    /** `skipped` for JSON files that are not metadata packages (e.g. a dataValueSet). */
    kind: 'metadata' | 'skipped'
    ok: boolean
    problems: string[]
    notes: string[]
    written: { trackedEntity?: string; enrollment?: string; event?: string; dataValue?: string }
}

export interface RealMetadataReport {
    ok: boolean
    files: RealMetadataFileReport[]
}

/** Marks the file as failed with `problem`. */
export function fail(report: RealMetadataFileReport, problem: string): void {
    report.ok = false
    report.problems.push(problem)
}

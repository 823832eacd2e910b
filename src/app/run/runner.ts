import { createContext } from 'react'
import type { RunProgress } from '../../core/runs/progress'
import type { RunScope } from '../../core/runs/scope'
import type { RunSummary } from '../../core/summary/types'

/** What the Run page (and a retry from a summary) asks for. */
export interface RunRequest {
    scope: RunScope
    /** Preview: DHIS2 validates (importMode=VALIDATE, dryRun=true) and writes nothing. */
    dryRun: boolean
    /** Retry these records now (RecordError.sourceId, the OpenSRP ids) instead of a normal pass. */
    retry?: string[]
}

export interface RunOutcome {
    /** The stored report's run id, to open its summary; absent when no report was saved. */
    runId?: string
    summary: RunSummary
    /** The last progress seen (its counts are the run's counts). */
    progress: RunProgress
}

export interface RunOptions {
    /** Cancels the run: the pipeline stops after the batch in flight and reports 'cancelled'. */
    signal: AbortSignal
    /** Called with each new phase and, throttled, with the live counts. */
    onProgress: (progress: RunProgress) => void
}

/**
 * The seam between the screens and the sync pipeline. The screens only ever call `run`; the
 * pipeline author provides the real runner in usePipelineRunner (src/app/run/usePipelineRunner.ts);
 * tests provide a fake through RunnerContext.
 */
export interface Runner {
    /** Why runs cannot start from this browser yet (shown instead of the Run buttons). */
    unavailable?: string
    run(request: RunRequest, options: RunOptions): Promise<RunOutcome>
}

/** Lets tests (or a future provider) supply the runner; undefined means "use the pipeline's". */
export const RunnerContext = createContext<Runner | undefined>(undefined)

import { startProgress, updateProgress, type RunProgress } from '../../core/runs/progress'
import type { RunSummary } from '../../core/summary/types'
import type { Runner, RunOptions, RunOutcome, RunRequest } from '../run/runner'

export const SUCCEEDED: RunSummary = {
    status: 'succeeded',
    dryRun: false,
    tracker: {
        created: 5,
        updated: 0,
        deleted: 0,
        unchanged: 0,
        failed: 0,
        skipped: 0,
        waiting: 0,
    },
    errors: [],
    errorsOmitted: 0,
}

/**
 * A runner the test drives: each run waits until the test emits progress, finishes or fails it.
 * `calls` keeps every request and its options (the signal, to see a cancel).
 */
export function fakeRunner() {
    const calls: Array<{ request: RunRequest; options: RunOptions }> = []
    let settle: { finish: (o: RunOutcome) => void; fail: (e: Error) => void } | undefined
    let progress: RunProgress = startProgress(Date.parse('2024-06-03T08:00:00.000Z'))
    const runner: Runner = {
        run(request, options) {
            calls.push({ request, options })
            progress = startProgress(Date.parse('2024-06-03T08:00:00.000Z'))
            return new Promise<RunOutcome>((finish, fail) => {
                settle = { finish, fail }
                options.signal.addEventListener('abort', () =>
                    finish({
                        summary: { ...SUCCEEDED, status: 'cancelled', dryRun: request.dryRun },
                        progress: updateProgress(progress, { phase: 'cancelled' }),
                    })
                )
            })
        },
    }
    return {
        runner,
        calls,
        emit(update: Parameters<typeof updateProgress>[1]) {
            progress = updateProgress(progress, update)
            calls.at(-1)?.options.onProgress(progress)
        },
        finish(outcome: Partial<RunOutcome> = {}) {
            settle?.finish({
                summary: SUCCEEDED,
                progress: updateProgress(progress, { phase: 'done' }),
                ...outcome,
            })
        },
        fail(message: string) {
            settle?.fail(new Error(message))
        },
    }
}

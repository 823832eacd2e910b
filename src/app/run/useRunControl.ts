import { useCallback, useEffect, useRef, useState } from 'react'
import type { RunProgress } from '../../core/runs/progress'
import type { RunOutcome, RunRequest } from './runner'
import { useRunner } from './useRunner'

export type RunState =
    | { status: 'idle' }
    | { status: 'running'; request: RunRequest; progress?: RunProgress }
    | { status: 'finished'; request: RunRequest; outcome: RunOutcome }
    /** The runner threw: the run could not start or broke off without a summary. */
    | { status: 'error'; request: RunRequest; message: string; progress?: RunProgress }

/** Starts a run through the runner seam, follows its progress, and cancels it on request or unmount. */
export function useRunControl() {
    const runner = useRunner()
    const [state, setState] = useState<RunState>({ status: 'idle' })
    const controller = useRef<AbortController | undefined>(undefined)
    useEffect(() => () => controller.current?.abort(), [])

    const start = useCallback(
        async (request: RunRequest) => {
            if (controller.current && !controller.current.signal.aborted) return
            const current = new AbortController()
            controller.current = current
            let last: RunProgress | undefined
            setState({ status: 'running', request })
            try {
                const outcome = await runner.run(request, {
                    signal: current.signal,
                    onProgress: (progress) => {
                        last = progress
                        setState({ status: 'running', request, progress })
                    },
                })
                setState({ status: 'finished', request, outcome })
            } catch (error) {
                setState({
                    status: 'error',
                    request,
                    message: error instanceof Error ? error.message : String(error),
                    ...(last ? { progress: last } : {}),
                })
            } finally {
                controller.current = undefined
            }
        },
        [runner]
    )

    const cancel = useCallback(() => controller.current?.abort(), [])
    const reset = useCallback(() => setState({ status: 'idle' }), [])
    return { runner, state, start, cancel, reset }
}

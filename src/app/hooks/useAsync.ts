import { useCallback, useEffect, useState } from 'react'

export interface AsyncState<T> {
    loading: boolean
    error: Error | undefined
    value: T | undefined
    reload: () => void
}

/**
 * Runs `load` (an adapter call over the app-runtime engine) when `key` changes or on reload; the
 * signal aborts it when the component goes away or the key changes. `key` undefined: nothing runs.
 */
export function useAsync<T>(
    key: string | undefined,
    load: (signal: AbortSignal) => Promise<T>
): AsyncState<T> {
    const [generation, setGeneration] = useState(0)
    const [state, setState] = useState<Omit<AsyncState<T>, 'reload'>>({
        loading: key !== undefined,
        error: undefined,
        value: undefined,
    })
    useEffect(() => {
        if (key === undefined) return
        const controller = new AbortController()
        setState((s) => ({ ...s, loading: true, error: undefined }))
        load(controller.signal).then(
            (value) => {
                if (!controller.signal.aborted)
                    setState({ loading: false, error: undefined, value })
            },
            (error: unknown) => {
                if (!controller.signal.aborted) {
                    setState({
                        loading: false,
                        error: error instanceof Error ? error : new Error(String(error)),
                        value: undefined,
                    })
                }
            }
        )
        return () => controller.abort()
        // `load` is a fresh closure each render; `key` says when its inputs changed.
        // eslint-disable-next-line react-hooks/exhaustive-deps
    }, [key, generation])
    const reload = useCallback(() => setGeneration((g) => g + 1), [])
    return { ...state, reload }
}

import { useContext } from 'react'
import { RunnerContext, type Runner } from './runner'
import { usePipelineRunner } from './usePipelineRunner'

/** The runner the Run page and retries use: the injected one (tests), else the pipeline's. */
export function useRunner(): Runner {
    const injected = useContext(RunnerContext)
    const pipeline = usePipelineRunner()
    return injected ?? pipeline
}

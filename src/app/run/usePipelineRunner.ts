import i18n from '@dhis2/d2-i18n'
import { useMemo } from 'react'
import type { Runner } from './runner'

/**
 * THE SEAM for the sync pipeline's author: return a Runner that builds the pipeline from the
 * data engine (useDataEngine), the configuration in the dataStore, the OpenSRP source through the
 * route and the browser's sync store, and runs it under the run lock, saving the run report
 * (saveRunReport) and returning its id. Until then runs cannot start from the app.
 */
export function usePipelineRunner(): Runner {
    return useMemo(
        () => ({
            unavailable: i18n.t(
                'Imports cannot be started from this version of the app yet. Use the command-line runner.'
            ),
            run: () =>
                Promise.reject(new Error('The sync pipeline is not connected to the app yet.')),
        }),
        []
    )
}

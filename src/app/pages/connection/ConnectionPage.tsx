import { useConfig } from '@dhis2/app-runtime'
import { CircularLoader } from '@dhis2/ui'
import React from 'react'
import type { EventSelection } from '../../../core/ports/openSrpSource'
import { useConfiguration } from '../../config/useConfiguration'
import { DirectSection } from './DirectSection'
import { RouteSection } from './RouteSection'

const GET_ALL: EventSelection = { endpoint: 'getAll' }

/** Connection: the DHIS2 route (2.40+), or direct calls from the browser on older servers. */
export function ConnectionPage() {
    const { serverVersion } = useConfig()
    const config = useConfiguration()
    const minor = serverVersion?.minor ?? 40
    if (minor < 40) return <DirectSection minor={minor} />
    if (config.loading && !config.loaded) return <CircularLoader small />
    // The test reads events the way runs will (getAll needs ALL_EVENTS, sync does not).
    const selection = config.loaded?.ok ? config.loaded.settings.events : GET_ALL
    return <RouteSection minor={minor} selection={selection} />
}

import { useConfig } from '@dhis2/app-runtime'
import React from 'react'
import { DirectSection } from './DirectSection'
import { RouteSection } from './RouteSection'

/** Connection: the DHIS2 route (2.40+), or direct calls from the browser on older servers. */
export function ConnectionPage() {
    const { serverVersion } = useConfig()
    const minor = serverVersion?.minor ?? 40
    if (minor < 40) return <DirectSection minor={minor} />
    return <RouteSection minor={minor} selection={{ endpoint: 'getAll' }} />
}

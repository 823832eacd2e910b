import { useDataEngine } from '@dhis2/app-runtime'
import { createMetadataReader } from '../../../adapters/dhis2/metadata'
import { createOpenSrpSource } from '../../../adapters/opensrp/source'
import type { ConnectorSettings } from '../../../core/config/types'
import type { OpenSrpLocation } from '../../../core/domain/opensrp'
import type { Dhis2OrgUnit } from '../../../core/ports/metadata'
import { engineRouteTransport } from '../../connection/engineRouteTransport'
import { useAsync } from '../../hooks/useAsync'

export interface LocationsAndOrgUnits {
    locations: OpenSrpLocation[]
    /** OpenSRP locations the adapter could not read, with why. */
    unreadable: number
    orgUnits: Dhis2OrgUnit[]
}

/**
 * OpenSRP's locations (through the DHIS2 route, by the data engine) and DHIS2's org units (the
 * metadata adapter), for the review table. Direct mode has no route to read through.
 */
export function useLocationsAndOrgUnits(settings: ConnectorSettings) {
    const engine = useDataEngine()
    const access = settings.opensrp
    return useAsync<LocationsAndOrgUnits>(
        access.mode === 'route' ? access.routeCode : undefined,
        async (signal) => {
            if (access.mode !== 'route') throw new Error('direct mode')
            const source = createOpenSrpSource(engineRouteTransport(engine, access.routeCode))
            const [{ locations, quarantined }, orgUnits] = await Promise.all([
                source.listLocations({ signal }),
                createMetadataReader(engine).listOrgUnits({ signal }),
            ])
            return { locations, unreadable: quarantined.length, orgUnits }
        }
    )
}

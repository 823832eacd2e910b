import { useDataEngine } from '@dhis2/app-runtime'
import { createMetadataReader } from '../../../adapters/dhis2/metadata'
import { createOpenSrpSource } from '../../../adapters/opensrp/source'
import { systemClock } from '../../../adapters/runner/systemClock'
import type { ConnectorSettings } from '../../../core/config/types'
import type { KeyValueStore } from '../../../core/ports/keyValueStore'
import type { OpenSrpLocation } from '../../../core/domain/opensrp'
import type { Dhis2OrgUnit } from '../../../core/ports/metadata'
import { openSrpTransportFor } from '../../connection/openSrpTransport'
import { useAsync } from '../../hooks/useAsync'

export interface LocationsAndOrgUnits {
    locations: OpenSrpLocation[]
    /** OpenSRP locations the adapter could not read, with why. */
    unreadable: number
    orgUnits: Dhis2OrgUnit[]
}

/**
 * OpenSRP's locations (through the DHIS2 route, by the data engine) and DHIS2's org units (the
 * metadata adapter), for the review table; directly on servers without routes.
 */
export function useLocationsAndOrgUnits(settings: ConnectorSettings, kv: KeyValueStore) {
    const engine = useDataEngine()
    const access = settings.opensrp
    return useAsync<LocationsAndOrgUnits>(
        access.mode === 'route' ? access.routeCode : access.baseUrl,
        async (signal) => {
            const transport = await openSrpTransportFor(
                settings,
                { engine, kv, clock: systemClock },
                { signal }
            )
            const source = createOpenSrpSource(transport)
            const [{ locations, quarantined }, orgUnits] = await Promise.all([
                source.listLocations({ signal }),
                createMetadataReader(engine).listOrgUnits({ signal }),
            ])
            return { locations, unreadable: quarantined.length, orgUnits }
        }
    )
}

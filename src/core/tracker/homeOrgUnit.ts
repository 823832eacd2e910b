import type { TrackerMapping } from '../config/types'
import type { OpenSrpClient } from '../domain/opensrp'
import type { OrgUnitResolution } from '../orgUnits/types'
import { valueIgnoringCase } from './readValue'

export interface OrgUnitLookups {
    resolveOrgUnit: (locationId: string) => OrgUnitResolution
    /** OrgUnitResolver.resolveFacilityName; without it the address is not consulted. */
    resolveFacilityName?: (name: string) => OrgUnitResolution
}

function addressFacility(client: OpenSrpClient, field: string): string | undefined {
    const addresses = [...client.addresses].sort(
        (a, b) => Number(b.preferred === true) - Number(a.preferred === true)
    )
    for (const address of addresses) {
        const name = valueIgnoringCase(address.addressFields, field)
        if (name !== undefined) return name
    }
    return undefined
}

/**
 * The client's home facility: its `locationId`. ZEIR/BD mothers have none; their address names
 * the vaccination centre (`address4`) by the OpenSRP location's name, which the generator and the
 * fixtures show to be exact, so that is the fallback when the mapping names the field.
 */
export function homeOrgUnitOf(
    client: OpenSrpClient,
    mapping: Pick<TrackerMapping, 'addressFacilityField'>,
    lookups: OrgUnitLookups
): OrgUnitResolution {
    const locationId = client.locationId?.trim()
    if (locationId) return lookups.resolveOrgUnit(locationId)
    const field = mapping.addressFacilityField
    const facility = field ? addressFacility(client, field) : undefined
    if (facility !== undefined && lookups.resolveFacilityName)
        return lookups.resolveFacilityName(facility)
    return {
        ok: false,
        code: 'OSRP_NO_ORG_UNIT',
        message:
            'The client has no home facility: no locationId' +
            (field ? ` and no ${field} in its address.` : '.'),
    }
}

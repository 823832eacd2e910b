import type { OrgUnitMapping } from '../config/types'
import type { OpenSrpLocation } from '../domain/opensrp'
import { resolveInIndex } from './matchLocation'
import { normaliseName } from './normalise'
import { indexOrgUnits } from './orgUnitIndex'
import type { Dhis2OrgUnit, OrgUnitResolution, OrgUnitResolver } from './types'

/**
 * Builds the OpenSRP location → DHIS2 org unit resolver once per run. Answers are cached per
 * location id, so each record costs one Map read. The functions are plain closures: `resolver.resolve`
 * can be passed on by itself.
 */
export function createOrgUnitResolver(
    mapping: OrgUnitMapping,
    locations: readonly OpenSrpLocation[],
    orgUnits: readonly Dhis2OrgUnit[]
): OrgUnitResolver {
    const index = indexOrgUnits(mapping, locations, orgUnits)
    const byLocation = new Map<string, OrgUnitResolution>()
    const byFacilityName = new Map<string, OrgUnitResolution>()

    const resolve = (locationId: string): OrgUnitResolution => {
        let answer = byLocation.get(locationId)
        if (!answer) {
            answer = resolveInIndex(index, mapping, locationId)
            byLocation.set(locationId, answer)
        }
        return answer
    }

    const facilityByName = (name: string): OrgUnitResolution => {
        const named = index.locationsByName.get(normaliseName(name)) ?? []
        const [location] = named
        if (named.length === 1 && location) return resolve(location.id)
        if (named.length === 0) {
            return {
                ok: false,
                code: 'OSRP_NO_ORG_UNIT',
                message: `No OpenSRP location is named "${name.trim()}", the facility in the client's address.`,
            }
        }
        return {
            ok: false,
            code: 'OSRP_AMBIGUOUS_ORG_UNIT',
            message:
                `${named.length} OpenSRP locations are named "${name.trim()}", the facility in the ` +
                `client's address (${named.map((l) => l.id).join(', ')}); the client needs a locationId.`,
        }
    }

    const resolveFacilityName = (name: string): OrgUnitResolution => {
        let answer = byFacilityName.get(name)
        if (!answer) {
            answer = facilityByName(name)
            byFacilityName.set(name, answer)
        }
        return answer
    }

    return { resolve, resolveFacilityName }
}

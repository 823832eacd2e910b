import type { OrgUnitMapping } from '../config/types'
import type { OpenSrpLocation, OpenSrpLocationStatus } from '../domain/opensrp'
import { candidatesInIndex, resolveInIndex } from './matchLocation'
import { indexOrgUnits } from './orgUnitIndex'
import type { Dhis2OrgUnit, OrgUnitErrorCode, OrgUnitMatch } from './types'

/** One OpenSRP location as the admin's review screen shows it. */
export interface LocationMatch {
    locationId: string
    locationName: string
    locationCode?: string
    status: OpenSrpLocationStatus
    /** What the mapping resolves it to today; absent when it does not resolve. */
    match?: OrgUnitMatch
    /** Every org unit the explicit entry or any rule points at (the match included), to choose from. */
    candidates: OrgUnitMatch[]
    /** Why it does not resolve. */
    problem?: { code: OrgUnitErrorCode; message: string }
}

/** Runs the mapping over every OpenSRP location, for review before a sync (DESIGN §6). */
export function autoMatchLocations(
    mapping: OrgUnitMapping,
    locations: readonly OpenSrpLocation[],
    orgUnits: readonly Dhis2OrgUnit[]
): LocationMatch[] {
    const index = indexOrgUnits(mapping, locations, orgUnits)
    return [...index.locations.values()].map((location) => {
        const resolution = resolveInIndex(index, mapping, location.id)
        const row: LocationMatch = {
            locationId: location.id,
            locationName: location.name,
            status: location.status,
            candidates: candidatesInIndex(index, mapping, location.id),
        }
        if (location.code !== undefined) row.locationCode = location.code
        if (resolution.ok)
            row.match = { orgUnit: resolution.orgUnit, matchedBy: resolution.matchedBy }
        else row.problem = { code: resolution.code, message: resolution.message }
        return row
    })
}

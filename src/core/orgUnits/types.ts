/** DHIS2 org units as the resolver needs them (the adapter reads `id,code,name,path,attributeValues`). */
export interface Dhis2OrgUnit {
    id: string
    code?: string
    name: string
    path?: string
    attributeValues: Array<{ attribute: string; value: string }>
}

/** Which step of the OrgUnitMapping found the org unit. */
export type MatchedBy = 'explicit' | 'uid' | 'attribute' | 'code' | 'name'

export interface OrgUnitMatch {
    orgUnit: Dhis2OrgUnit
    matchedBy: MatchedBy
}

export type OrgUnitErrorCode = 'OSRP_NO_ORG_UNIT' | 'OSRP_AMBIGUOUS_ORG_UNIT'

export type OrgUnitResolution =
    ({ ok: true } & OrgUnitMatch) | { ok: false; code: OrgUnitErrorCode; message: string }

export interface OrgUnitResolver {
    /** The org unit of an OpenSRP location id (an event's or a client's `locationId`). */
    resolve(locationId: string): OrgUnitResolution
    /**
     * The org unit of a facility known only by name (a client's address, when it has no
     * locationId): the OpenSRP location of that name, then `resolve` on its id.
     */
    resolveFacilityName(name: string): OrgUnitResolution
}

/**
 * OpenSRP records after validation at the adapter edge (reference/opensrp-api.md §4).
 * Field names follow OpenSRP's JSON except `_id`/`_rev`, which become `id`/`rev`.
 * Date-time fields hold the original ISO text; `localDateOf` turns them into calendar dates.
 */

export interface OpenSrpAddress {
    addressType?: string
    preferred?: boolean
    addressFields: Record<string, string>
    cityVillage?: string
    countyDistrict?: string
    stateProvince?: string
    country?: string
    subTown?: string
    town?: string
    subDistrict?: string
    postalCode?: string
    latitude?: string
    longitude?: string
}

export type AttributeValue = string | number | boolean

export interface OpenSrpClient {
    id: string
    rev?: string
    baseEntityId: string
    firstName?: string
    middleName?: string
    lastName?: string
    gender?: string
    birthdate?: string
    birthdateApprox?: boolean
    deathdate?: string
    clientType?: string
    identifiers: Record<string, string>
    attributes: Record<string, AttributeValue>
    addresses: OpenSrpAddress[]
    relationships: Record<string, string[]>
    locationId?: string
    teamId?: string
    voided: boolean
    dateCreated?: string
    dateEdited?: string
    serverVersion: number
}

export interface OpenSrpObs {
    fieldType: string
    fieldDataType?: string
    fieldCode: string
    parentCode?: string
    formSubmissionField?: string
    values: Array<string | null>
    humanReadableValues: Array<string | null>
}

export interface OpenSrpEvent {
    id: string
    rev?: string
    /** Empty for an out-of-area vaccination the server could not attach to a client (§5.3). */
    baseEntityId: string
    eventType: string
    entityType?: string
    eventDate: string
    locationId?: string
    childLocationId?: string
    providerId?: string
    team?: string
    teamId?: string
    formSubmissionId?: string
    identifiers: Record<string, string>
    details: Record<string, string>
    obs: OpenSrpObs[]
    voided: boolean
    voidReason?: string
    /** Device clock in epoch ms; never a period or a cursor. */
    version?: number
    dateCreated?: string
    dateEdited?: string
    serverVersion: number
}

export type OpenSrpLocationStatus = 'Active' | 'Inactive' | 'Pending Review' | 'Not Eligible'

export interface OpenSrpLocation {
    id: string
    name: string
    parentId?: string
    code?: string
    geographicLevel?: number
    /** As the server writes LocationProperty.PropertyStatus; it lists Active and Pending Review as active. */
    status: OpenSrpLocationStatus
    tags: string[]
    serverVersion?: number
}

export type OpenSrpRecordType = 'client' | 'event' | 'location'

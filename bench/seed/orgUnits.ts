import { arrayAt, getJson, objectAt, stringAt, type BasicCredentials } from './http'
import { OPENSRP_LOCATION_ATTRIBUTE } from './bdMetadata'

/**
 * OpenSRP location → DHIS2 org unit, read from DHIS2 once per run: by the org unit's "OpenSRP
 * location ID" attribute, by its UID, and, for mothers whose address names their vaccination
 * centre instead of carrying a locationId, by its name. The seed sent one hard-coded org unit
 * for everything (defect 1), which DHIS2 rejects wherever the program is not assigned.
 */

export interface OrgUnitTable {
    byLocationId: Map<string, string>
    byName: Map<string, string>
}

export async function readOrgUnitTable(
    dhis2Url: string,
    credentials: BasicCredentials
): Promise<OrgUnitTable> {
    const fields = 'id,name,attributeValues[attribute[id],value]'
    const reply = await getJson(
        `${dhis2Url}/api/organisationUnits?paging=false&fields=${encodeURIComponent(fields)}`,
        credentials
    )
    if (reply.status !== 200) throw new Error(`DHIS2 organisationUnits answered ${reply.status}`)
    const table: OrgUnitTable = { byLocationId: new Map(), byName: new Map() }
    for (const unit of arrayAt(reply.body, 'organisationUnits')) {
        const id = stringAt(unit, 'id')
        if (!id) continue
        table.byLocationId.set(id, id)
        const name = stringAt(unit, 'name')
        if (name) table.byName.set(name.trim().toLowerCase(), id)
        for (const value of arrayAt(unit, 'attributeValues')) {
            const location = stringAt(value, 'value')
            if (
                location &&
                stringAt(objectAt(value, 'attribute'), 'id') === OPENSRP_LOCATION_ATTRIBUTE
            )
                table.byLocationId.set(location, id)
        }
    }
    return table
}

/** The client's home facility: its locationId, else the vaccination centre (`address4`) named in an address. */
export function homeOrgUnit(
    client: Record<string, unknown>,
    table: OrgUnitTable
): string | undefined {
    const locationId = stringAt(client, 'locationId')
    if (locationId) return table.byLocationId.get(locationId)
    for (const address of arrayAt(client, 'addresses')) {
        const centre = stringAt(objectAt(address, 'addressFields'), 'address4')
        const id = centre ? table.byName.get(centre.trim().toLowerCase()) : undefined
        if (id) return id
    }
    return undefined
}

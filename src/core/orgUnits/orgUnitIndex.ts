import type { OrgUnitMapping } from '../config/types'
import type { OpenSrpLocation } from '../domain/opensrp'
import { normaliseCode, normaliseName } from './normalise'
import type { Dhis2OrgUnit } from './types'

export type OrgUnitRule = OrgUnitMapping['rules'][number]

/** Every lookup the mapping rules need, built once so that a record costs a few Map reads. */
export interface OrgUnitIndex {
    byId: Map<string, Dhis2OrgUnit>
    byCode: Map<string, Dhis2OrgUnit[]>
    byName: Map<string, Dhis2OrgUnit[]>
    /** attribute UID → value → org units; only the attributes the rules use. */
    byAttribute: Map<string, Map<string, Dhis2OrgUnit[]>>
    locations: Map<string, OpenSrpLocation>
    locationsByName: Map<string, OpenSrpLocation[]>
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
    const list = map.get(key)
    if (list) list.push(value)
    else map.set(key, [value])
}

export function indexOrgUnits(
    mapping: OrgUnitMapping,
    locations: readonly OpenSrpLocation[],
    orgUnits: readonly Dhis2OrgUnit[]
): OrgUnitIndex {
    const index: OrgUnitIndex = {
        byId: new Map(),
        byCode: new Map(),
        byName: new Map(),
        byAttribute: new Map(),
        locations: new Map(),
        locationsByName: new Map(),
    }
    const attributes = new Set(
        mapping.rules.flatMap((rule) => (rule.by === 'attribute' ? [rule.attribute] : []))
    )
    for (const attribute of attributes) index.byAttribute.set(attribute, new Map())
    for (const orgUnit of orgUnits) {
        // Paged reads can repeat an org unit; count it once or it would look ambiguous.
        if (index.byId.has(orgUnit.id)) continue
        index.byId.set(orgUnit.id, orgUnit)
        if (orgUnit.code?.trim()) push(index.byCode, normaliseCode(orgUnit.code), orgUnit)
        if (orgUnit.name.trim()) push(index.byName, normaliseName(orgUnit.name), orgUnit)
        for (const { attribute, value } of orgUnit.attributeValues) {
            const values = index.byAttribute.get(attribute)
            if (values && value.trim()) push(values, value.trim(), orgUnit)
        }
    }
    for (const location of locations) {
        if (index.locations.has(location.id)) continue
        index.locations.set(location.id, location)
        if (location.name.trim())
            push(index.locationsByName, normaliseName(location.name), location)
    }
    return index
}

/** The org units one rule points at for a location (none, one, or several: ambiguous). */
export function orgUnitsMatchedBy(
    index: OrgUnitIndex,
    rule: OrgUnitRule,
    locationId: string
): Dhis2OrgUnit[] {
    const location = index.locations.get(locationId)
    switch (rule.by) {
        case 'uid': {
            const orgUnit = index.byId.get(locationId)
            return orgUnit ? [orgUnit] : []
        }
        case 'attribute':
            return index.byAttribute.get(rule.attribute)?.get(locationId) ?? []
        case 'code':
            return location?.code?.trim()
                ? (index.byCode.get(normaliseCode(location.code)) ?? [])
                : []
        case 'name':
            return location?.name.trim()
                ? (index.byName.get(normaliseName(location.name)) ?? [])
                : []
    }
}

/** How a rule reads in a message: "by code", "by attribute DdF4IJAsTOS". */
export const describeRule = (rule: OrgUnitRule): string =>
    rule.by === 'attribute' ? `by attribute ${rule.attribute}` : `by ${rule.by}`

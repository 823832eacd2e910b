import type { OrgUnitMapping } from '../config/types'
import { describeRule, type OrgUnitIndex, orgUnitsMatchedBy } from './orgUnitIndex'
import type { OrgUnitMatch, OrgUnitResolution } from './types'

/**
 * Resolves one OpenSRP location id (OrgUnitMapping): the admin's explicit entry first, then the
 * rules in order. The first rule that finds anything decides: one org unit is the answer, several
 * are an error, never a guess (a later, weaker rule is not asked to break the tie).
 */

function describeLocation(index: OrgUnitIndex, locationId: string): string {
    const location = index.locations.get(locationId)
    return location
        ? `OpenSRP location ${locationId} ("${location.name}")`
        : `OpenSRP location ${locationId} (not among the locations OpenSRP listed)`
}

export function resolveInIndex(
    index: OrgUnitIndex,
    mapping: OrgUnitMapping,
    locationId: string
): OrgUnitResolution {
    const id = locationId.trim()
    if (!id) {
        return {
            ok: false,
            code: 'OSRP_NO_ORG_UNIT',
            message: 'The record names no OpenSRP location, so it has no DHIS2 org unit.',
        }
    }
    const explicit = mapping.explicit[id]
    if (explicit !== undefined) {
        const orgUnit = index.byId.get(explicit)
        if (orgUnit) return { ok: true, orgUnit, matchedBy: 'explicit' }
        return {
            ok: false,
            code: 'OSRP_NO_ORG_UNIT',
            message:
                `The org unit mapping sends ${describeLocation(index, id)} to org unit ${explicit}, ` +
                'which DHIS2 did not return (deleted, or outside what the connector user can see). ' +
                'Fix the entry on the org unit mapping screen.',
        }
    }
    for (const rule of mapping.rules) {
        const found = orgUnitsMatchedBy(index, rule, id)
        const [orgUnit] = found
        if (found.length === 1 && orgUnit) return { ok: true, orgUnit, matchedBy: rule.by }
        if (found.length > 1) {
            return {
                ok: false,
                code: 'OSRP_AMBIGUOUS_ORG_UNIT',
                message:
                    `${describeLocation(index, id)} matches ${found.length} DHIS2 org units ` +
                    `${describeRule(rule)} (${found.map((o) => o.id).join(', ')}). ` +
                    'Choose one on the org unit mapping screen.',
            }
        }
    }
    const tried = mapping.rules.map(describeRule).join(', ')
    return {
        ok: false,
        code: 'OSRP_NO_ORG_UNIT',
        message:
            `${describeLocation(index, id)} matches no DHIS2 org unit` +
            (tried ? ` (tried ${tried})` : ' (no matching rules are configured)') +
            '. Map it on the org unit mapping screen.',
    }
}

/** Every org unit the explicit entry or any rule points at, for the admin's review. */
export function candidatesInIndex(
    index: OrgUnitIndex,
    mapping: OrgUnitMapping,
    locationId: string
): OrgUnitMatch[] {
    const candidates: OrgUnitMatch[] = []
    const seen = new Set<string>()
    const add = (match: OrgUnitMatch) => {
        if (seen.has(match.orgUnit.id)) return
        seen.add(match.orgUnit.id)
        candidates.push(match)
    }
    const explicit = mapping.explicit[locationId]
    const explicitOrgUnit = explicit === undefined ? undefined : index.byId.get(explicit)
    if (explicitOrgUnit) add({ orgUnit: explicitOrgUnit, matchedBy: 'explicit' })
    for (const rule of mapping.rules) {
        for (const orgUnit of orgUnitsMatchedBy(index, rule, locationId))
            add({ orgUnit, matchedBy: rule.by })
    }
    return candidates
}

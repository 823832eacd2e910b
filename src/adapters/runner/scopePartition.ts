import type { TrackerMapping } from '../../core/config/types'
import type { OpenSrpClient, OpenSrpLocation } from '../../core/domain/opensrp'
import type { Dhis2OrgUnit, OrgUnitResolver } from '../../core/orgUnits/types'
import type { EventSelection } from '../../core/ports/openSrpSource'
import { orgUnitIdOf, scopeRoots, type RunScope } from '../../core/runs/scope'
import { homeOrgUnitOf } from '../../core/tracker/homeOrgUnit'

/**
 * A run over org unit subtrees (DESIGN §8: a partition of the national load). Its lock and cursors
 * are its own (scopeKey), and it reads only its part of OpenSRP:
 * - events through `/rest/event/sync` with the OpenSRP locations that map into the subtrees (the
 *   endpoint matches `locationId` exactly, so every location of the subtree is listed);
 * - clients from the usual client stream, keeping those whose home facility lies in the subtrees.
 *
 * The rule for records that straddle two subtrees (docs/scheduling.md, "Partitions"):
 * - an event belongs to the subtree of the place it happened (its locationId), as the DHIS2 event
 *   and the aggregate count do;
 * - a client belongs to the subtree of its home facility; that subtree's run sends every change;
 * - an event in this subtree of a client homed elsewhere takes the client's tracked entity and
 *   enrollment along, as any event whose client this store has not synced yet does (the same
 *   deterministic UIDs and content the home subtree sends: DHIS2 ends with one tracked entity);
 * - a client whose home cannot be placed belongs to no subtree: every subtree run reports it
 *   (OSRP_NO_ORG_UNIT), so it is never dropped silently;
 * - events without a locationId, or at a location that maps to no org unit, are only read by a
 *   whole-country run.
 */

/** The scope cannot run as asked; the message says why and what to do. */
export class RunScopeError extends Error {
    override readonly name = 'RunScopeError'
}

/**
 * OpenSRP takes the location ids of `/rest/event/sync` in the query string; servers (Tomcat's
 * default 8 KB request line and headers) refuse much more than this.
 */
export const MAX_LOCATION_ID_CHARS = 6000

const segments = (path: string | undefined) => (path ?? '').split('/').filter((s) => s !== '')

/**
 * The scope with each org unit written as its DHIS2 path (`/Country/Division/District`), so the
 * lock sees a district run and a run over one of its facilities as overlapping whatever the user
 * typed. An org unit DHIS2 does not know (or this user cannot see) stops the run here.
 */
export function scopeWithPaths(scope: RunScope, orgUnits: readonly Dhis2OrgUnit[]): RunScope {
    if (!scope.orgUnits || scope.orgUnits.length === 0) return scope
    const byId = new Map(orgUnits.map((ou) => [ou.id, ou]))
    const paths = scope.orgUnits.map((entry) => {
        const id = orgUnitIdOf(entry)
        const unit = id === undefined ? undefined : byId.get(id)
        if (!unit) {
            throw new RunScopeError(
                `DHIS2 has no organisation unit '${entry}' that this user can see; give the UID of the subtree's root (a district, a union …).`
            )
        }
        return unit.path ?? `/${unit.id}`
    })
    return { ...scope, orgUnits: [...new Set(paths)].sort() }
}

export interface ScopePartition {
    /** UIDs of the subtree roots. */
    roots: string[]
    /** OpenSRP locations whose org unit lies in the subtrees. */
    locations: OpenSrpLocation[]
    /** How this partition reads events. */
    events: EventSelection
    containsOrgUnit(orgUnitId: string): boolean
    /** Whether this partition writes the client (see the rule above). */
    ownsClient(client: OpenSrpClient): boolean
}

export interface PartitionInput {
    scope: RunScope
    orgUnits: readonly Dhis2OrgUnit[]
    locations: readonly OpenSrpLocation[]
    resolver: OrgUnitResolver
    /** The settings' event selection (a `sync` selection is narrowed to the subtrees). */
    events: EventSelection
    tracker?: Pick<TrackerMapping, 'addressFacilityField'>
}

/** The subtree partition of a scope; undefined for the whole country. */
export function partitionFor(input: PartitionInput): ScopePartition | undefined {
    const roots = scopeRoots(input.scope)
    if (roots.length === 0) return undefined
    const pathOf = new Map(input.orgUnits.map((ou) => [ou.id, segments(ou.path ?? `/${ou.id}`)]))
    const inside = new Map<string, boolean>()
    const containsOrgUnit = (orgUnitId: string): boolean => {
        let answer = inside.get(orgUnitId)
        if (answer === undefined) {
            const path = pathOf.get(orgUnitId) ?? [orgUnitId]
            answer = roots.some((root) => path.includes(root))
            inside.set(orgUnitId, answer)
        }
        return answer
    }
    const allowed = input.events.endpoint === 'sync' ? new Set(input.events.locationIds) : undefined
    const locations = input.locations.filter((location) => {
        if (allowed && !allowed.has(location.id)) return false
        const found = input.resolver.resolve(location.id)
        return found.ok && containsOrgUnit(found.orgUnit.id)
    })
    const locationIds = [...new Set(locations.map((l) => l.id))].sort()
    const where = roots.join(', ')
    if (locationIds.length === 0) {
        throw new RunScopeError(
            `No OpenSRP location maps to an organisation unit in ${where}${allowed ? ' among the locations the settings read' : ''}, so this scope has nothing to read. Check the org unit mapping, or choose another subtree.`
        )
    }
    const listed = locationIds.join(',').length
    if (listed > MAX_LOCATION_ID_CHARS) {
        throw new RunScopeError(
            `The subtree ${where} has ${locationIds.length} OpenSRP locations; OpenSRP takes them in one URL (${listed} characters), more than servers accept. Split it into smaller subtrees (one run per district or upazila).`
        )
    }
    const lookups = {
        resolveOrgUnit: input.resolver.resolve,
        resolveFacilityName: input.resolver.resolveFacilityName,
    }
    return {
        roots,
        locations,
        events: { endpoint: 'sync', locationIds },
        containsOrgUnit,
        ownsClient(client) {
            const home = homeOrgUnitOf(client, input.tracker ?? {}, lookups)
            return !home.ok || containsOrgUnit(home.orgUnit.id)
        },
    }
}

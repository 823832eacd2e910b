import type { Route, ServerContext } from '../context'
import type { HierarchyNode } from '../../shared/hierarchy'
import { jsonReply, methodNotAllowed, type SandboxUser } from '../http'
import type { JsonObject } from '../json'
import { stableUuid } from '../ids'
import { hashString } from '../prng'

/**
 * UserController (reference §2.5). The admin's team works at every EPI centre; `chw` at the
 * first one. The location tree holds the assigned centres and their ancestors.
 */

function assignedFacilities(context: ServerContext, user: SandboxUser): HierarchyNode[] {
    const facilities = context.geography.facilities.map((f) => f.node)
    return user.roles.includes('ALL_EVENTS') ? facilities : facilities.slice(0, 1)
}

function locationTree(context: ServerContext, assigned: HierarchyNode[]): JsonObject {
    const { geography } = context
    const byUid = new Map(geography.nodes.map((n) => [n.uid, n]))
    const included = new Map<string, HierarchyNode>()
    for (const node of assigned) {
        let current: HierarchyNode | undefined = node
        while (current && !included.has(current.uid)) {
            included.set(current.uid, current)
            current = current.parentUid ? byUid.get(current.parentUid) : undefined
        }
    }
    const idOf = (n: HierarchyNode): string => geography.locationIdOf(n)
    const tags = ['National', 'Division', 'District', 'Upazila', 'Union', 'EPI Centre']
    const build = (node: HierarchyNode): JsonObject => {
        const children = [...included.values()].filter((c) => c.parentUid === node.uid)
        const parent = node.parentUid ? byUid.get(node.parentUid) : undefined
        const entry: JsonObject = {
            id: idOf(node),
            label: node.name,
            node: {
                locationId: idOf(node),
                name: node.name,
                ...(parent ? { parentLocation: { locationId: idOf(parent), voided: false } } : {}),
                tags: [tags[node.level - 1] ?? `Level ${node.level}`],
                voided: false,
            },
        }
        if (parent) entry.parent = idOf(parent)
        if (children.length > 0)
            entry.children = Object.fromEntries(children.map((c) => [idOf(c), build(c)]))
        return entry
    }
    const roots = [...included.values()].filter((n) => !n.parentUid || !included.has(n.parentUid))
    const parentChildren: Record<string, string[]> = {}
    for (const node of included.values()) {
        const parent = node.parentUid ? included.get(node.parentUid) : undefined
        if (!parent) continue
        ;(parentChildren[idOf(parent)] ??= []).push(idOf(node))
    }
    return {
        locationsHierarchy: {
            map: Object.fromEntries(roots.map((r) => [idOf(r), build(r)])),
            parentChildren,
        },
    }
}

function authenticate(context: ServerContext, user: SandboxUser): JsonObject {
    const assigned = assignedFacilities(context, user)
    const first = context.geography.facilities.find((f) => f.node.uid === assigned[0]?.uid)
    const teamLocations = assigned.map((n) => ({
        uuid: context.geography.locationIdOf(n),
        name: n.name,
        display: n.name,
    }))
    const userId = stableUuid(hashString(user.username), 0x05e)
    return {
        user: {
            username: user.username,
            roles: user.roles,
            preferredName: user.preferredName,
            baseEntityId: userId,
            attributes: { _PERSON_UUID: userId },
            voided: false,
        },
        team: {
            identifier: user.username,
            uuid: stableUuid(hashString(user.username), 0x7ea),
            locations: teamLocations,
            team: {
                teamName: first?.team ?? 'EPI Team',
                display: first?.team ?? 'EPI Team',
                uuid: first?.teamId ?? stableUuid(0),
                organizationIds: [1],
                // NON_NULL: a team without locations has no `location` key, not null.
                ...(teamLocations[0] ? { location: teamLocations[0] } : {}),
            },
        },
        locations: locationTree(context, assigned),
        time: { time: new Date().toISOString(), timeZone: 'Asia/Dhaka' },
        jurisdictionIds: teamLocations.map((l) => l.uuid),
        jurisdictions: teamLocations.map((l) => l.name),
    }
}

export const securityRoutes: Route = (request, context) => {
    const { method, path, user } = request
    if (!user) return undefined
    if (path === '/security/authenticate' || path === '/security/authenticate/') {
        return method === 'GET'
            ? jsonReply(200, authenticate(context, user))
            : methodNotAllowed(method, ['GET'])
    }
    if (path === '/security/configuration' || path === '/security/configuration/') {
        return method === 'GET'
            ? jsonReply(200, { serverDatetime: new Date().toISOString() })
            : methodNotAllowed(method, ['GET'])
    }
    return undefined
}

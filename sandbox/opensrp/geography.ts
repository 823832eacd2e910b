import { buildHierarchy, type HierarchyNode } from '../shared/hierarchy'
import { stableUuid } from './ids'
import { hashString } from './prng'

/**
 * The facility hierarchy as OpenSRP sees it: location ids, the EPI teams and providers working at
 * each EPI centre, and the BD address names (reference §4, "Address") records carry.
 */

export const FACILITY_LEVEL = 6

export interface Facility {
    index: number
    node: HierarchyNode
    locationId: string
    name: string
    team: string
    teamId: string
    providerId: string
    division: string
    district: string
    upazila: string
    union: string
    ward: string
    subBlock: string
    latitude: number
    longitude: number
}

export interface Geography {
    nodes: HierarchyNode[]
    locationIdOf(node: HierarchyNode): string
    nodeByLocationId: Map<string, HierarchyNode>
    facilities: Facility[]
}

const strip = (name: string, suffix: string): string =>
    name.endsWith(suffix) ? name.slice(0, -suffix.length) : name

export function buildGeography(
    facilityCount: number,
    locationIdsAsOrgUnitUids: boolean
): Geography {
    const nodes = buildHierarchy(facilityCount)
    const byUid = new Map(nodes.map((n) => [n.uid, n]))
    const locationIdOf = (node: HierarchyNode): string =>
        locationIdsAsOrgUnitUids ? node.uid : node.openSrpLocationId
    const ancestorAt = (node: HierarchyNode, level: number): HierarchyNode | undefined => {
        let current: HierarchyNode | undefined = node
        while (current && current.level > level)
            current = current.parentUid ? byUid.get(current.parentUid) : undefined
        return current?.level === level ? current : undefined
    }
    const facilities = nodes
        .filter((n) => n.level === FACILITY_LEVEL)
        .map((node, index): Facility => {
            const wardNo = /Ward (\d+)/.exec(node.name)?.[1] ?? String(index + 1)
            const place = strip(node.name, ' EPI Centre')
            const h = hashString(node.uid)
            return {
                index,
                node,
                locationId: locationIdOf(node),
                name: node.name,
                team: `${place} EPI Team`,
                teamId: stableUuid(h, 0x7ea),
                providerId: `ha_${node.code.toLowerCase().replace(/^epi_/, '')}`,
                division: strip(ancestorAt(node, 2)?.name ?? 'Dhaka', ' Division'),
                district: strip(ancestorAt(node, 3)?.name ?? 'Gazipur', ' District'),
                upazila: strip(ancestorAt(node, 4)?.name ?? 'Kaliakair', ' Upazila'),
                union: strip(ancestorAt(node, 5)?.name ?? 'Mouchak', ' Union'),
                ward: `Ward-${wardNo}`,
                subBlock: `${wardNo}/${['Ka', 'Kha', 'Ga'][h % 3] ?? 'Ka'}`,
                latitude: 24.02 + ((h >>> 8) % 1000) / 10000,
                longitude: 90.18 + ((h >>> 18) % 1000) / 10000,
            }
        })
    const nodeByLocationId = new Map(nodes.map((n) => [locationIdOf(n), n]))
    return { nodes, locationIdOf, nodeByLocationId, facilities }
}

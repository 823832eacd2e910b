import { LOCATION_BASE } from './generator/layout'
import type { Geography } from './geography'
import type { JsonObject } from './json'

/**
 * PhysicalLocations mirroring the shared hierarchy (reference §2.4): same names and codes,
 * parents before children, only EPI centres carry a point geometry.
 */

const TAGS: Record<number, { name: string; description: string }> = {
    1: { name: 'National', description: 'Country' },
    2: { name: 'Division', description: 'Division' },
    3: { name: 'District', description: 'District (Zila)' },
    4: { name: 'Upazila', description: 'Upazila (sub-district)' },
    5: { name: 'Union', description: 'Union Parishad' },
    6: { name: 'EPI Centre', description: 'EPI outreach / fixed site' },
}

/** LocationProperty.PropertyStatus as Gson writes it (its @SerializedName values). */
export type LocationStatus = 'Active' | 'Inactive' | 'Pending Review' | 'Not Eligible'

/** LocationRepositoryImpl's default listing: `status IN (ACTIVE, PENDING_REVIEW)`. */
export const listedAsActive = (status: LocationStatus): boolean =>
    status === 'Active' || status === 'Pending Review'

export interface SandboxLocation {
    id: string
    parentId?: string
    name: string
    level: number
    status: LocationStatus
    serverVersion: number
    /** The full JSON with geometry; `withoutGeometry` drops it. */
    json: JsonObject
}

export function buildLocations(geography: Geography): SandboxLocation[] {
    const byUid = new Map(geography.nodes.map((n) => [n.uid, n]))
    const facilityByUid = new Map(geography.facilities.map((f) => [f.node.uid, f]))
    return geography.nodes.map((node, index) => {
        const id = geography.locationIdOf(node)
        const parent = node.parentUid ? byUid.get(node.parentUid) : undefined
        const parentId = parent ? geography.locationIdOf(parent) : undefined
        const tag = TAGS[node.level] ?? { name: `Level ${node.level}`, description: '' }
        const facility = facilityByUid.get(node.uid)
        const serverVersion = LOCATION_BASE + index * 137 + ((node.level * 31) % 97)
        const json: JsonObject = { type: 'Feature', id }
        if (facility) {
            json.geometry = {
                type: 'Point',
                coordinates: [
                    Number(facility.longitude.toFixed(4)),
                    Number(facility.latitude.toFixed(4)),
                ],
            }
        }
        json.properties = {
            status: 'Active',
            ...(parentId ? { parentId } : {}),
            name: node.name,
            geographicLevel: node.level,
            version: 0,
            code: node.code,
            ...(facility ? { customProperties: { session_days: 'Sun,Wed' } } : {}),
        }
        json.serverVersion = serverVersion
        json.locationTags = [
            { id: node.level, active: true, name: tag.name, description: tag.description },
        ]
        return {
            id,
            ...(parentId ? { parentId } : {}),
            name: node.name,
            level: node.level,
            status: 'Active' as const,
            serverVersion,
            json,
        }
    })
}

export function withoutGeometry(location: JsonObject): JsonObject {
    const { geometry: _geometry, ...rest } = location
    return rest
}

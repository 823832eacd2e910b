import { createHash } from 'crypto'
import { readFileSync } from 'fs'
import path from 'path'

/**
 * The facility hierarchy both sandboxes share: the Bangladesh EPI metadata package's org units,
 * extended with generated EPI centres when `--facilities N` asks for more than the package has.
 * Each OpenSRP location mirrors one org unit: same name, `properties.code` = the org unit's code,
 * `id` = the org unit's "OpenSRP location ID" attribute (or its UID, for deployments that imported
 * DHIS2 org units into OpenSRP).
 */

export const METADATA_PATH = path.join(__dirname, '..', 'data', 'bd-epi-metadata.json')
export const OPENSRP_LOCATION_ATTRIBUTE = 'DdF4IJAsTOS'
const FACILITY_LEVEL = 6
const UNION_LEVEL = 5
const FACILITIES_PER_UNION = 8

export interface HierarchyNode {
    uid: string
    code: string
    name: string
    shortName: string
    level: number
    parentUid?: string
    openSrpLocationId: string
    /** True for nodes generated beyond the metadata package. */
    generated: boolean
}

interface PackageOrgUnit {
    id: string
    name: string
    shortName: string
    code: string
    parent?: { id: string }
    attributeValues?: Array<{ attribute: { id: string }; value: string }>
}

export function readBdMetadata(): Record<string, unknown> {
    return JSON.parse(readFileSync(METADATA_PATH, 'utf8')) as Record<string, unknown>
}

function isPackageOrgUnit(value: unknown): value is PackageOrgUnit {
    if (typeof value !== 'object' || value === null) return false
    const unit = value as Record<string, unknown>
    return (
        typeof unit.id === 'string' &&
        typeof unit.name === 'string' &&
        typeof unit.code === 'string'
    )
}

/** Deterministic hex digest, so generated ids are stable across runs and across both sandboxes. */
function hashHex(text: string, length: number): string {
    return createHash('sha256').update(text).digest('hex').slice(0, length)
}

const UID_CHARS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'

function generatedUid(seed: string): string {
    const hex = hashHex(`uid:${seed}`, 32)
    let uid = UID_CHARS[parseInt(hex.slice(0, 2), 16) % 52] ?? 'a'
    for (let i = 1; i < 11; i++)
        uid += UID_CHARS[parseInt(hex.slice(i * 2, i * 2 + 2), 16) % 62] ?? '0'
    return uid
}

function generatedUuid(seed: string): string {
    const hex = hashHex(`uuid:${seed}`, 32)
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`
}

/**
 * The whole hierarchy, parents before children. `facilities` is the number of EPI centres wanted;
 * the package has 5, and more are added in generated unions of Kaliakair Upazila.
 */
export function buildHierarchy(facilities = 5): HierarchyNode[] {
    const metadata = readBdMetadata()
    const units = (
        Array.isArray(metadata.organisationUnits) ? metadata.organisationUnits : []
    ).filter(isPackageOrgUnit)
    const levels = new Map<string, number>()
    const levelOf = (unit: PackageOrgUnit): number => {
        const known = levels.get(unit.id)
        if (known !== undefined) return known
        const parent = units.find((u) => u.id === unit.parent?.id)
        const level = parent ? levelOf(parent) + 1 : 1
        levels.set(unit.id, level)
        return level
    }
    const nodes: HierarchyNode[] = units.map((unit) => ({
        uid: unit.id,
        code: unit.code,
        name: unit.name,
        shortName: unit.shortName,
        level: levelOf(unit),
        ...(unit.parent ? { parentUid: unit.parent.id } : {}),
        openSrpLocationId:
            unit.attributeValues?.find((v) => v.attribute.id === OPENSRP_LOCATION_ATTRIBUTE)
                ?.value ?? generatedUuid(unit.id),
        generated: false,
    }))
    nodes.sort((a, b) => a.level - b.level)

    const packageFacilities = nodes.filter((n) => n.level === FACILITY_LEVEL).length
    const upazila = nodes.find((n) => n.level === UNION_LEVEL - 1)
    if (!upazila) return nodes
    let union: HierarchyNode | undefined
    for (let i = 0; i < facilities - packageFacilities; i++) {
        if (i % FACILITIES_PER_UNION === 0) {
            const unionNo = i / FACILITIES_PER_UNION + 1
            union = {
                uid: generatedUid(`union-${unionNo}`),
                code: `BD_KALIAKAIR_GEN_U${unionNo}`,
                name: `Kaliakair Union ${unionNo}`,
                shortName: `Kaliakair U${unionNo}`,
                level: UNION_LEVEL,
                parentUid: upazila.uid,
                openSrpLocationId: generatedUuid(`union-${unionNo}`),
                generated: true,
            }
            nodes.push(union)
        }
        if (!union) continue
        const unionNo = Math.floor(i / FACILITIES_PER_UNION) + 1
        const wardNo = (i % FACILITIES_PER_UNION) + 1
        nodes.push({
            uid: generatedUid(`facility-${i}`),
            code: `EPI_GEN_U${unionNo}_W${wardNo}`,
            name: `Kaliakair Union ${unionNo} Ward ${wardNo} EPI Centre`,
            shortName: `Kaliakair U${unionNo} W${wardNo} EPI`,
            level: FACILITY_LEVEL,
            parentUid: union.uid,
            openSrpLocationId: generatedUuid(`facility-${i}`),
            generated: true,
        })
    }
    return nodes
}

export const facilitiesOf = (nodes: HierarchyNode[]) =>
    nodes.filter((n) => n.level === FACILITY_LEVEL)

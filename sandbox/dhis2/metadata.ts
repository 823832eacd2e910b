import { buildHierarchy, OPENSRP_LOCATION_ATTRIBUTE, readBdMetadata } from '../shared/hierarchy'
import { isRecord } from './http'
import { withMinistrySharing } from './ministrySharing'
import type { DataModel } from './model'

/** Imports the BD EPI package and, for `facilities` > 5, the generated EPI centres (sandbox/shared/hierarchy.ts). */

export function extraFacilitiesPayload(facilities: number): Record<string, unknown> | undefined {
    const generated = buildHierarchy(facilities).filter((node) => node.generated)
    if (generated.length === 0) return undefined
    const metadata = withMinistrySharing(readBdMetadata())
    const facilityUids = buildHierarchy(facilities)
        .filter((node) => node.level === 6)
        .map((node) => ({ id: node.uid }))
    // Full objects with the longer org unit list: a metadata import replaces the assignment.
    const assign = (key: 'dataSets' | 'programs') =>
        (Array.isArray(metadata[key]) ? metadata[key] : [])
            .filter(isRecord)
            .map((object) => ({ ...object, organisationUnits: facilityUids }))
    return {
        organisationUnits: generated.map((node) => ({
            id: node.uid,
            code: node.code,
            name: node.name,
            shortName: node.shortName,
            openingDate: '1990-01-01T00:00:00.000',
            ...(node.parentUid ? { parent: { id: node.parentUid } } : {}),
            attributeValues: [
                { attribute: { id: OPENSRP_LOCATION_ATTRIBUTE }, value: node.openSrpLocationId },
            ],
        })),
        dataSets: assign('dataSets'),
        programs: assign('programs'),
    }
}

function check(label: string, status: number, body: unknown): void {
    if (status !== 200) {
        throw new Error(
            `Importing ${label} failed with ${status}: ${JSON.stringify(body).slice(0, 2000)}`
        )
    }
}

export function loadSampleMetadata(model: DataModel, facilities: number): void {
    const pkg = model.importMetadata(withMinistrySharing(readBdMetadata()))
    check('the BD EPI metadata package', pkg.status, pkg.body)
    const extra = extraFacilitiesPayload(facilities)
    if (!extra) return
    const result = model.importMetadata(extra)
    check(`${facilities} facilities`, result.status, result.body)
}

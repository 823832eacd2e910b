import { EPI_IMPORTERS_GROUP, FACILITY_STAFF_GROUP } from './users'

const GROUP_DATA_WRITE = 'r-rw----'

/**
 * The BD EPI package (sandbox/data/bd-epi-metadata.json, identical to the team's shared package)
 * shares everything publicly for data entry (`rwrw----`). Ministries narrow that: the public may
 * only read the metadata, and data write goes to user groups. The sandbox sets the package up the
 * way a ministry would, so a user outside those groups is refused as DHIS2 refuses them; the
 * operator is in "EPI importers", the nurse in "EPI facility staff".
 */
export function withMinistrySharing(pkg: Record<string, unknown>): Record<string, unknown> {
    const userGroups = Object.fromEntries(
        [EPI_IMPORTERS_GROUP, FACILITY_STAFF_GROUP].map((group) => [
            group.id,
            { id: group.id, access: GROUP_DATA_WRITE },
        ])
    )
    const shared = Object.fromEntries(
        Object.entries(pkg).map(([type, objects]) => [
            type,
            Array.isArray(objects)
                ? objects.map((object: unknown) =>
                      typeof object === 'object' && object !== null && 'sharing' in object
                          ? {
                                ...object,
                                sharing: {
                                    public: 'r-------',
                                    external: false,
                                    users: {},
                                    userGroups,
                                },
                            }
                          : object
                  )
                : objects,
        ])
    )
    return {
        ...shared,
        userGroups: [
            { ...EPI_IMPORTERS_GROUP, code: 'EPI_IMPORTERS' },
            { ...FACILITY_STAFF_GROUP, code: 'EPI_FACILITY_STAFF' },
        ],
    }
}

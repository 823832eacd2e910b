import type { SandboxUser } from './contract'

export const ROOT_ORG_UNIT = 'NWRRJHHp571' // Bangladesh, root of the BD EPI metadata package
export const NURSE_FACILITY = 'yI54G6cBAtY' // Mouchak Ward 1 EPI Centre

/** Groups that get data write on the BD package's data sets, category options and programs;
 * the public may only read the metadata (ministrySharing.ts). */
export const EPI_IMPORTERS_GROUP = { id: 'iyc59MvPBNc', name: 'EPI importers' }
export const FACILITY_STAFF_GROUP = { id: 'qF3pZ8nTx2K', name: 'EPI facility staff' }

export const APP_AUTHORITY = 'M_opensrpconnector'
export const RUN_IMPORT_AUTHORITY = 'OPENSRP_CONNECTOR_RUN_IMPORT'

const TRACKER_AUTHORITIES = [
    'F_TRACKED_ENTITY_INSTANCE_SEARCH',
    'F_TRACKED_ENTITY_INSTANCE_ADD',
    'F_TRACKED_ENTITY_INSTANCE_DELETE',
    'F_PROGRAM_ENROLLMENT',
    'F_UNCOMPLETE_EVENT',
]

const DEFAULT_SETTINGS: Record<string, string> = {
    keyUiLocale: 'en',
    keyDbLocale: 'en',
    keyStyle: 'light_blue/light_blue.css',
    keyAnalysisDisplayProperty: 'name',
}

const scope = (units: string[]) => ({
    organisationUnits: units,
    dataViewOrganisationUnits: units,
    teiSearchOrganisationUnits: units,
})

/** The sandbox's users (fixed UIDs so tests and sample data can refer to them). */
export function createUsers(): SandboxUser[] {
    return [
        {
            id: 'M5zQapPyTZI',
            username: 'admin',
            password: 'district',
            firstName: 'John',
            surname: 'Traore',
            authorities: ['ALL'],
            ...scope([ROOT_ORG_UNIT]),
            userRoles: [{ id: 'yrB6vc5Ip3r', name: 'Superuser' }],
            userGroups: [{ id: 'wl5cDMuUhmF', name: 'Administrators' }],
            settings: { ...DEFAULT_SETTINGS },
        },
        {
            id: 'L46jEA1kmsI',
            username: 'operator',
            password: 'Operator123',
            firstName: 'Nusrat',
            surname: 'Rahman',
            authorities: [
                APP_AUTHORITY,
                RUN_IMPORT_AUTHORITY,
                'F_DATAVALUE_ADD',
                'F_DATAVALUE_DELETE',
                ...TRACKER_AUTHORITIES,
            ],
            ...scope([ROOT_ORG_UNIT]),
            userRoles: [{ id: 'dxNFMnqcEsb', name: 'OpenSRP import operator' }],
            userGroups: [{ ...EPI_IMPORTERS_GROUP }],
            settings: { ...DEFAULT_SETTINGS },
        },
        {
            id: 'aNk5AyC7ydy',
            username: 'nurse',
            password: 'Nurse123',
            firstName: 'Farida',
            surname: 'Begum',
            authorities: [APP_AUTHORITY],
            ...scope([NURSE_FACILITY]),
            userRoles: [{ id: 'Euq3XfEIEbx', name: 'Facility staff' }],
            userGroups: [{ ...FACILITY_STAFF_GROUP }],
            settings: { ...DEFAULT_SETTINGS },
        },
    ]
}

export const isSuperuser = (user: SandboxUser): boolean => user.authorities.includes('ALL')

export const hasAuthority = (user: SandboxUser, authority: string): boolean =>
    isSuperuser(user) || user.authorities.includes(authority)

export const hasAnyAuthority = (user: SandboxUser, authorities: readonly string[]): boolean =>
    isSuperuser(user) || authorities.some((a) => user.authorities.includes(a))

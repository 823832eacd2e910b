import type { useCurrentUserInfo } from '@dhis2/app-runtime'

export type CurrentUser = NonNullable<ReturnType<typeof useCurrentUserInfo>>

/** The sandbox's users, as the startup /api/me describes them. */
const base = (
    id: string,
    username: string,
    displayName: string,
    authorities: string[],
    orgUnits: string[],
    keyUiLocale = 'en'
): CurrentUser => ({
    id,
    username,
    displayName,
    authorities,
    organisationUnits: orgUnits.map((ou) => ({ id: ou })),
    settings: { keyUiLocale },
})

export const ROOT = 'NWRRJHHp571'
export const MOUCHAK_W1 = 'yI54G6cBAtY'
export const MOUCHAK_W2 = 'YA71Hl4qHqf'

export const admin = base('M5zQapPyTZI', 'admin', 'John Traore', ['ALL'], [ROOT])
export const operator = base(
    'L46jEA1kmsI',
    'operator',
    'Nusrat Rahman',
    ['M_opensrpconnector', 'OPENSRP_CONNECTOR_RUN_IMPORT', 'F_DATAVALUE_ADD'],
    [ROOT]
)
export const configurer = base(
    'Kq1vD2mXc8B',
    'configurer',
    'Rafiq Islam',
    ['M_opensrpconnector', 'OPENSRP_CONNECTOR_CONFIGURE'],
    [ROOT]
)
export const nurse = base(
    'aNk5AyC7ydy',
    'nurse',
    'Farida Begum',
    ['M_opensrpconnector'],
    [MOUCHAK_W1]
)

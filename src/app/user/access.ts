/** The app's own authorities (d2.config.js `customAuthorities`). */
export const CONFIGURE_AUTHORITY = 'OPENSRP_CONNECTOR_CONFIGURE'
export const RUN_IMPORT_AUTHORITY = 'OPENSRP_CONNECTOR_RUN_IMPORT'

export interface UserLike {
    id?: string
    username?: string
    displayName?: string
    authorities?: unknown
    organisationUnits?: unknown
    settings?: { keyUiLocale?: unknown } | undefined
}

export interface Access {
    userId: string | undefined
    username: string | undefined
    displayName: string | undefined
    /** Superusers (`ALL`) see every row of every report. */
    superuser: boolean
    canConfigure: boolean
    canRun: boolean
    /** The user's capture org units: report rows below them are theirs. */
    orgUnitIds: string[]
    /** keyUiLocale as DHIS2 stores it (`bn`, `en_GB`), when known. */
    uiLocale: string | undefined
}

const strings = (value: unknown): string[] =>
    Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []

const ids = (value: unknown): string[] =>
    Array.isArray(value)
        ? value.flatMap((item: unknown) => {
              const id: unknown =
                  typeof item === 'object' && item !== null ? Reflect.get(item, 'id') : undefined
              return typeof id === 'string' ? [id] : []
          })
        : []

/** What the current user may do, from the startup /api/me (authorities and capture org units). */
export function accessOf(user: UserLike | undefined): Access {
    const authorities = strings(user?.authorities)
    const superuser = authorities.includes('ALL')
    const locale = user?.settings?.keyUiLocale
    return {
        userId: user?.id,
        username: user?.username,
        displayName: user?.displayName,
        superuser,
        canConfigure: superuser || authorities.includes(CONFIGURE_AUTHORITY),
        canRun: superuser || authorities.includes(RUN_IMPORT_AUTHORITY),
        orgUnitIds: ids(user?.organisationUnits),
        uiLocale: typeof locale === 'string' && locale !== '' ? locale : undefined,
    }
}

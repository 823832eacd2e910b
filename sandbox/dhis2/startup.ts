import type { ApiResponse, SandboxUser } from './contract'
import { appMenu } from './apps/serve'
import { filterFields } from './fields'
import { webMessage } from './http'
import type { Dhis2State, ShellHandler, ShellRequest } from './state'
import { isoNoZone } from './state'
import { isSuperuser } from './users'
import { versionString } from './versions'

/** The startup requests of platform 12.11 (reference §4.2) and a few neighbours. */

const PROGRAMS = ['C15BBx4PSBf', 'HTqzpjctuad']
const DATA_SETS = ['Qnf0P01U3T1', 'ORjrZOfdUfU']

export const SYSTEM_SETTINGS: Record<string, unknown> = {
    applicationTitle: 'DHIS2 Bangladesh EPI (sandbox)',
    helpPageLink: 'https://docs.dhis2.org/en/use/user-guides/dhis-core-version-master/',
    keyCustomTranslationsEnabled: false,
    keyUiLocale: 'en',
    keyDbLocale: 'en',
    keyCalendar: 'iso8601',
    keyDateFormat: 'yyyy-MM-dd',
    keyAccountRecovery: false,
    keyOpenIdProvider: '',
}

function systemInfo(state: Dhis2State, request: ShellRequest): Record<string, unknown> {
    const now = state.now()
    const ua = request.headers['user-agent']
    const info: Record<string, unknown> = {
        contextPath: state.baseUrl,
        userAgent: typeof ua === 'string' ? ua : '',
        calendar: 'iso8601',
        dateFormat: 'yyyy-mm-dd',
        serverDate: isoNoZone(now),
        serverTimeZoneId: 'Etc/UTC',
        serverTimeZoneDisplayName: 'Coordinated Universal Time',
        lastAnalyticsTableSuccess: isoNoZone(new Date(now.getTime() - 8 * 3600_000)),
        intervalSinceLastAnalyticsTableSuccess: '8 h, 0 m, 0 s',
        lastAnalyticsTableRuntime: '3 m, 12 s',
        databaseInfo: { spatialSupport: true },
        version: versionString(state.version),
        revision: 'sandbox',
        buildTime: '2024-11-05T14:41:02.000',
        encryption: false,
        emailConfigured: false,
        redisEnabled: false,
        systemId: state.systemId,
        systemName: SYSTEM_SETTINGS.applicationTitle,
        instanceBaseUrl: state.baseUrl,
        isMetadataVersionEnabled: true,
        isMetadataSyncEnabled: false,
    }
    if (state.version.minor >= 43) {
        info.sessionTimeout = 3600
        info.capability = { analyticsTotalCounts: false }
    }
    if (isSuperuser(request.user)) {
        // Superusers also see the runtime (reference §3.7).
        Object.assign(info, {
            javaVersion: '17.0.12',
            javaVendor: 'Eclipse Adoptium',
            osName: 'Linux',
            osArchitecture: 'amd64',
            osVersion: process.version,
            memoryInfo: 'Mem Total in JVM: 2048 Mb',
            cpuCores: 4,
            environmentVariable: 'DHIS2_HOME',
            fileStoreProvider: 'filesystem',
            readOnlyMode: 'off',
            nodeId: 'sandbox',
        })
    }
    return info
}

export function meBody(state: Dhis2State, user: SandboxUser): Record<string, unknown> {
    const ids = (uids: string[]) => uids.map((id) => ({ id }))
    const me: Record<string, unknown> = {
        id: user.id,
        username: user.username,
        surname: user.surname,
        firstName: user.firstName,
        name: `${user.firstName} ${user.surname}`,
        displayName: `${user.firstName} ${user.surname}`,
        email: `${user.username}@example.org`,
        created: '2024-01-10T09:12:44.512',
        lastUpdated: '2024-05-20T11:03:17.908',
        externalAccess: false,
        access: {
            manage: true,
            externalize: true,
            write: true,
            read: true,
            update: true,
            delete: true,
        },
        settings: {
            keyMessageEmailNotification: true,
            keyMessageSmsNotification: true,
            ...user.settings,
        },
        programs: PROGRAMS,
        authorities: user.authorities,
        dataSets: DATA_SETS,
        organisationUnits: ids(user.organisationUnits),
        dataViewOrganisationUnits: ids(user.dataViewOrganisationUnits),
        teiSearchOrganisationUnits: ids(user.teiSearchOrganisationUnits),
        userGroups: user.userGroups.map(({ id }) => ({ id })),
        userRoles: user.userRoles.map(({ id }) => ({ id })),
        favorites: [],
        translations: [],
        patTokens: [],
    }
    if (state.version.minor >= 43) {
        delete me.externalAccess // 2.43: dropped, `canImpersonate` added (reference §7)
        me.canImpersonate = isSuperuser(user)
    }
    return me
}

const json = (body: unknown): ApiResponse => ({ status: 200, body })

function systemSetting(key: string): ApiResponse {
    if (!(key in SYSTEM_SETTINGS)) {
        return webMessage(404, `Setting does not exist or is marked as confidential: ${key}`)
    }
    return json({ [key]: SYSTEM_SETTINGS[key] })
}

const ICON_SVG =
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><circle cx="12" cy="12" r="10" fill="#147cd7"/></svg>'

export const startupEndpoints: ShellHandler = (state, request) => {
    if (request.method !== 'GET') return undefined
    const { path, user, query } = request
    if (path === 'system/info') return json(systemInfo(state, request))
    if (path === 'me') return json(filterFields(meBody(state, user), query.get('fields')))
    if (path === 'me/dashboard')
        return json({ unreadInterpretations: 0, unreadMessageConversations: 0 })
    if (path === 'me/authorization') return json(user.authorities)
    if (path === 'systemSettings') return json({ ...SYSTEM_SETTINGS })
    const setting = /^systemSettings\/([^/]+)$/.exec(path)?.[1]
    if (setting !== undefined) return systemSetting(setting)
    if (/^staticContent\/[^/]+$/.test(path)) return webMessage(404, 'No custom file found.')
    if (path === 'apps/menu') return appMenu(state, user)
    if (/^icons\/[^/]+\/icon(\.svg)?$/.test(path)) {
        return { status: 200, body: ICON_SVG, contentType: 'image/svg+xml' }
    }
    return undefined
}

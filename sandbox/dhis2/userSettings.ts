import type { ApiResponse, SandboxUser } from './contract'
import { webMessage } from './http'
import type { Dhis2State, ShellHandler, ShellRequest } from './state'
import { isSuperuser } from './users'
import { hasErrorCodes } from './versions'

/**
 * `/api/userSettings` (dhis2/dhis2-core `UserSettingController`, from 2.42
 * `UserSettingsController`): GET all / one, and POST `/{key}` with the value from `?value=` or the
 * raw request body (any content type: Spring reads `@RequestBody String` as sent), for the current
 * user or `?user=`/`?userId=`. Success is a 200 WebMessage "User setting saved" in every version.
 */

/** `UserSettingKey` names; a key already held by the user also counts (later additions). */
const KNOWN_KEYS = new Set([
    'keyStyle',
    'keyMessageEmailNotification',
    'keyMessageSmsNotification',
    'keyUiLocale',
    'keyDbLocale',
    'keyAnalysisDisplayProperty',
    'keyTrackerDashboardLayout',
    'keyAutoSaveCaseEntryForm',
    'keyAutoSavetTrackedEntityForm',
    'keyAutoSaveDataEntryForm',
])

const errorCode = (state: Dhis2State, code: string): Record<string, string> =>
    hasErrorCodes(state.version) ? { errorCode: code } : {}

const notFound = (state: Dhis2State, message: string): ApiResponse =>
    webMessage(404, message, errorCode(state, 'E1005'))

const conflict = (state: Dhis2State, message: string): ApiResponse =>
    webMessage(409, message, errorCode(state, 'E1004'))

/**
 * The user whose settings are meant. Up to 2.41 `getUser(userId, username)`: unknown → 409, not
 * modifiable → 401. From 2.42 `userId` goes through `getUsername` (404 / 403) while `user` is
 * passed on unchecked, and an unknown username is a 409 from `UserSettingsService.putAll`.
 * "Modifiable" is simplified to: yourself, or anyone for a superuser.
 */
function targetUser(state: Dhis2State, request: ShellRequest): SandboxUser | ApiResponse {
    const userId = request.query.get('userId')
    const username = request.query.get('user')
    const current = request.user
    if (userId === null && username === null) return current
    const modern = state.version.minor >= 42
    const found = state.users.find((u) =>
        userId !== null ? u.id === userId : u.username === username
    )
    if (!found) {
        if (!modern) return conflict(state, `Could not find user '${userId ?? username ?? ''}'`)
        return userId !== null
            ? notFound(state, `User with id ${userId} could not be found.`)
            : conflict(state, `User with username ${username ?? ''} could not be found.`)
    }
    const allowed = found.id === current.id || isSuperuser(current)
    if (allowed || (modern && userId === null)) return found
    const message = `You are not authorized to access user: ${found.username}`
    return webMessage(modern ? 403 : 401, message)
}

function saveSetting(state: Dhis2State, request: ShellRequest, key: string): ApiResponse {
    const modern = state.version.minor >= 42
    if (!KNOWN_KEYS.has(key) && !(key in request.user.settings)) {
        return notFound(
            state,
            modern ? `Setting does not exist: ${key}` : `No user setting found with key: ${key}`
        )
    }
    // 2.42 checks the value before the user, earlier releases the user first.
    const value = request.query.get('value') ?? request.rawBody.toString('utf8')
    if (modern && value === '') return conflict(state, 'You need to specify a new value')
    const user = targetUser(state, request)
    if ('status' in user) return user
    if (value === '') return conflict(state, 'You need to specify a new value')
    user.settings[key] = value
    return webMessage(200, 'User setting saved')
}

export const userSettingsEndpoints: ShellHandler = (state, request) => {
    const key = /^userSettings\/([^/]+)$/.exec(request.path)?.[1]
    if (request.method === 'GET') {
        if (request.path === 'userSettings')
            return { status: 200, body: { ...request.user.settings } }
        if (key !== undefined) return { status: 200, body: request.user.settings[key] ?? null }
        return undefined
    }
    if (request.method === 'POST' && key !== undefined) return saveSetting(state, request, key)
    return undefined
}

import { SandboxUser } from '../contract'
import { JsonRecord, asString, isRecord, records } from './json'

/**
 * Sharing checks as `DefaultAclService` (dhis2/dhis2-core, dhis-service-acl) makes them for the
 * data-shareable types (data sets, category options, programs, program stages, tracked entity
 * types). Access strings are `rwrw----`: metadata read/write, then data read/write. Superusers
 * (`ALL`) pass every check; being the owner gives metadata access only, never data access.
 */

/** What `AclService.resetSharing` gives an object created without sharing: public `rw------`. */
export const DEFAULT_PUBLIC_ACCESS = 'rw------'

type Permission = 'dataRead' | 'dataWrite'

const POSITION: Record<Permission, number> = { dataRead: 2, dataWrite: 3 }

const allows = (access: string | undefined, permission: Permission): boolean => {
    const char = access?.[POSITION[permission]]
    return char === (permission === 'dataRead' ? 'r' : 'w')
}

interface Grants {
    publicAccess: string
    users: Array<{ id: string; access: string }>
    userGroups: Array<{ id: string; access: string }>
}

/** `{id: {id, access}}` (2.36+ `sharing`) or `[{id, access}]` (legacy `userGroupAccesses`). */
function entries(value: unknown): Array<{ id: string; access: string }> {
    const list = isRecord(value)
        ? Object.entries(value).map(([key, item]) => (isRecord(item) ? { id: key, ...item } : {}))
        : records(value)
    return list.flatMap((item: JsonRecord) => {
        const id = asString(item.id)
        const access = asString(item.access)
        return id && access ? [{ id, access }] : []
    })
}

function grantsOf(object: JsonRecord): Grants {
    const sharing = isRecord(object.sharing) ? object.sharing : undefined
    if (sharing) {
        return {
            publicAccess: asString(sharing.public) ?? DEFAULT_PUBLIC_ACCESS,
            users: entries(sharing.users),
            userGroups: entries(sharing.userGroups),
        }
    }
    return {
        publicAccess: asString(object.publicAccess) ?? DEFAULT_PUBLIC_ACCESS,
        users: entries(object.userAccesses),
        userGroups: entries(object.userGroupAccesses),
    }
}

/** `checkSharingPermission`: public access, then the user's groups, then the user itself. */
function hasPermission(user: SandboxUser, object: JsonRecord, permission: Permission): boolean {
    if (user.authorities.includes('ALL')) return true
    const grants = grantsOf(object)
    if (allows(grants.publicAccess, permission)) return true
    const groups = new Set(user.userGroups.map((g) => g.id))
    if (grants.userGroups.some((g) => groups.has(g.id) && allows(g.access, permission))) return true
    return grants.users.some((u) => u.id === user.id && allows(u.access, permission))
}

/** `AclService.canDataWrite(user, object)`. */
export const canDataWrite = (user: SandboxUser, object: JsonRecord): boolean =>
    hasPermission(user, object, 'dataWrite')

/** `AclService.canDataRead(user, object)`: data read or data write. */
export const canDataRead = (user: SandboxUser, object: JsonRecord): boolean =>
    hasPermission(user, object, 'dataRead') || hasPermission(user, object, 'dataWrite')

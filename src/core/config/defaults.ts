import type { ConnectorSettings } from './types'

/** The DHIS2 route the connector creates and reads OpenSRP through (DESIGN §3.5). */
export const DEFAULT_ROUTE_CODE = 'opensrp'

/** Bangladesh, where the connector's first users are; admins change it for other countries. */
export const DEFAULT_TIME_ZONE = 'Asia/Dhaka'

export const MIN_UID_SALT_LENGTH = 16

/** Settings for a new installation: OpenSRP through the route, conservative batch sizes. */
export function defaultSettings({ uidSalt }: { uidSalt: string }): ConnectorSettings {
    if (uidSalt.length < MIN_UID_SALT_LENGTH) {
        throw new Error(`The UID salt must have at least ${MIN_UID_SALT_LENGTH} characters`)
    }
    return {
        version: 1,
        opensrp: { mode: 'route', routeCode: DEFAULT_ROUTE_CODE },
        events: { endpoint: 'getAll' },
        timeZone: DEFAULT_TIME_ZONE,
        uidSalt,
        pageSize: 500,
        trackerBatchSize: 1000,
        aggregateBatchSize: 1000,
        trackerWriter: 'auto',
        maxAttempts: 5,
    }
}

const HEX = '0123456789abcdef'

/**
 * A fresh installation salt: the hex of the random bytes the caller drew (the core has no
 * crypto; callers pass `crypto.getRandomValues(new Uint8Array(16))`).
 */
export function newUidSalt(randomBytes: Uint8Array): string {
    if (randomBytes.length * 2 < MIN_UID_SALT_LENGTH) {
        throw new Error(`A UID salt needs at least ${MIN_UID_SALT_LENGTH / 2} random bytes`)
    }
    let salt = ''
    for (const byte of randomBytes) salt += (HEX[byte >> 4] ?? '0') + (HEX[byte & 15] ?? '0')
    return salt
}

import type { OpenSrpConnection } from '../adapters/opensrp/connection'
import type { ConnectorSettings } from '../core/config/types'
import { UsageError, type ConnectionOptions } from './options'

export interface DirectOpenSrp {
    url?: string
    user?: string
    password?: string
}

/**
 * How the runner reaches OpenSRP: through the DHIS2 route named in the settings (the credentials
 * stay in DHIS2), or directly when --opensrp-url (or OPENSRP_URL) is given with its credentials.
 */
export function openSrpConnection(
    settings: ConnectorSettings,
    dhis2: ConnectionOptions,
    direct: DirectOpenSrp
): OpenSrpConnection {
    if (direct.url) {
        if (!direct.user || !direct.password)
            throw new UsageError(
                '--opensrp-url needs --opensrp-user and --opensrp-password (or OPENSRP_USER, OPENSRP_PASSWORD).'
            )
        return {
            mode: 'direct',
            baseUrl: direct.url,
            auth: { type: 'basic', username: direct.user, password: direct.password },
        }
    }
    if (settings.opensrp.mode === 'direct') {
        throw new UsageError(
            `The settings read OpenSRP directly at ${settings.opensrp.baseUrl}; give --opensrp-url, --opensrp-user and --opensrp-password (or OPENSRP_URL, OPENSRP_USER, OPENSRP_PASSWORD).`
        )
    }
    return {
        mode: 'route',
        dhis2BaseUrl: dhis2.url,
        routeCode: settings.opensrp.routeCode,
        ...(dhis2.auth.type === 'token'
            ? { dhis2ApiToken: dhis2.auth.token }
            : { dhis2Basic: { username: dhis2.auth.username, password: dhis2.auth.password } }),
    }
}

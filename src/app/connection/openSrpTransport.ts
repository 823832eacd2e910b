import i18n from '@dhis2/d2-i18n'
import { createTransport, type OpenSrpTransport } from '../../adapters/opensrp/transport'
import type { ConnectorSettings } from '../../core/config/types'
import type { Clock } from '../../core/ports/clock'
import type { KeyValueStore } from '../../core/ports/keyValueStore'
import { engineRouteTransport, type QueryEngine } from './engineRouteTransport'
import { retryingTransport } from './retryingTransport'
import { readSecrets } from './secrets'

export class NoOpenSrpCredentials extends Error {
    override readonly name = 'NoOpenSrpCredentials'
}

/**
 * How this browser reaches OpenSRP for the settings: through the DHIS2 route by the data engine
 * (2.40+), or directly with the credentials DHIS2 keeps encrypted (older servers; OpenSRP must
 * allow this origin). Temporary failures are retried either way.
 */
export async function openSrpTransportFor(
    settings: ConnectorSettings,
    deps: { engine: QueryEngine; kv: KeyValueStore; clock: Pick<Clock, 'sleep'> },
    options: { signal?: AbortSignal } = {}
): Promise<OpenSrpTransport> {
    const access = settings.opensrp
    if (access.mode === 'route') {
        return retryingTransport(engineRouteTransport(deps.engine, access.routeCode), deps.clock)
    }
    const auth = await readSecrets(deps.kv, options)
    if (!auth) {
        throw new NoOpenSrpCredentials(
            i18n.t('No OpenSRP user name and password are saved. Save them on the Connection page.')
        )
    }
    return createTransport({ mode: 'direct', baseUrl: access.baseUrl, auth })
}

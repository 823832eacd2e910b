import i18n from '@dhis2/d2-i18n'
import type { OpenSrpError } from '../../../adapters/opensrp/errors'
import type { CheckName } from '../../connection/connectionChecks'
import { plain } from '../../i18n/plain'
import { RUN_IMPORT_AUTHORITY } from '../../user/access'

/** getAll endpoints need ALL_EVENTS; every other /rest path needs OPENMRS (reference §1). */
const roleFor = (check: CheckName, eventsFromGetAll: boolean) =>
    check === 'locations' || (check === 'events-read' && eventsFromGetAll)
        ? 'ALL_EVENTS'
        : 'OPENMRS'

/** What to do about a failed check, in the user's language. */
export function adviceFor(
    error: OpenSrpError,
    check: CheckName,
    { viaRoute, eventsFromGetAll }: { viaRoute: boolean; eventsFromGetAll: boolean }
): string {
    switch (error.code) {
        case 'route-missing':
            return i18n.t('The route does not exist in DHIS2 yet. Save the connection first.')
        case 'route-forbidden':
            return i18n.t(
                'Your DHIS2 user may not use the route. Users who import need the {{authority}} authority.',
                plain({ authority: RUN_IMPORT_AUTHORITY })
            )
        case 'credentials-rejected':
            if (viaRoute && error.status === 401 && /session/i.test(error.message)) {
                return i18n.t('Your DHIS2 session has ended. Log in to DHIS2 again.')
            }
            return viaRoute
                ? i18n.t(
                      'OpenSRP did not accept the credentials stored in the route. Type them again and save the route.'
                  )
                : i18n.t('OpenSRP did not accept the user name or password.')
        case 'missing-role':
            return i18n.t(
                'The OpenSRP user lacks the {{role}} role. Give the user this role in OpenSRP (Keycloak).',
                plain({ role: roleFor(check, eventsFromGetAll) })
            )
        case 'not-found':
            return i18n.t(
                'OpenSRP answered "not found". Check that the address points at OpenSRP (it usually ends in /opensrp).'
            )
        case 'network':
        case 'timeout':
            return viaRoute
                ? i18n.t(
                      'DHIS2 could not reach OpenSRP. Check the address, that OpenSRP is running, and that DHIS2 may call it ({{setting}} in dhis.conf).',
                      plain({ setting: 'route.remote_servers_allowed' })
                  )
                : i18n.t(
                      'This browser could not reach OpenSRP. Check the address, that OpenSRP is running, and that it allows requests from this DHIS2 (CORS).'
                  )
        case 'login-page':
        case 'not-json':
            return i18n.t(
                'Something other than OpenSRP answered, such as a login page or a proxy. Check the address.'
            )
        case 'server-error':
        case 'rate-limited':
            return i18n.t('OpenSRP had a problem answering. Try again in a few minutes.')
        case 'aborted':
            return i18n.t('The test was cancelled.')
        case 'bad-request':
        case 'page-cap':
            return i18n.t('OpenSRP refused the request. The details below say why.')
    }
}

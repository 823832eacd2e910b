import type { Mappings } from '../config/types'
import type { OpenSrpEvent } from '../domain/opensrp'
import { isOutOfAreaDeviceCopy, isOutOfAreaHomeCopy } from '../opensrp/vaccination'
import type { LedgerSkip } from './ledgerContext'

/**
 * An out-of-area dose arrives up to three times (reference opensrp-api.md §5.3): the device's
 * Vaccination at the vaccinating site, the server's copy at the home facility, and the "Out of
 * Area Service - Vaccination" event (skipped by its type). Here: which of the two Vaccination
 * copies Mappings.outOfAreaKeep leaves out. Both share a dose count key, so the dose counts once
 * either way; this decides where.
 */
export function outOfAreaCopySkip(
    event: OpenSrpEvent,
    keep: Mappings['outOfAreaKeep']
): LedgerSkip | undefined {
    if (keep === 'vaccinating-site' && isOutOfAreaHomeCopy(event)) {
        return {
            reason: 'out-of-area-copy',
            message:
                "This is OpenSRP's home-facility copy of a dose given out of area; the dose is counted at the facility that gave it.",
        }
    }
    // A device copy OpenSRP could not link to a client has no home copy: it is not skipped here
    // (it becomes an OSRP_NO_CLIENT error rather than a silently lost dose).
    if (keep === 'home' && isOutOfAreaDeviceCopy(event) && event.baseEntityId.trim() !== '') {
        return {
            reason: 'out-of-area-copy',
            message:
                "This is the vaccinating site's record of a dose given out of area; the dose is counted at the child's home facility.",
        }
    }
    return undefined
}

import type { ExplanationTable } from './explanation'
import { FIX_IN_OPENSRP, FIX_MAPPING, RUN_AGAIN } from './explanation'

/** Our own codes: records we could not map, and requests that failed as a whole. */
export const CONNECTOR_EXPLANATIONS: ExplanationTable = {
    OSRP_NO_ORG_UNIT: {
        title: 'The OpenSRP location of this record is not linked to a DHIS2 facility.',
        action: 'An administrator should add the location to the org unit mapping (Settings → Org units), then run the import again.',
    },
    OSRP_AMBIGUOUS_ORG_UNIT: {
        title: 'The OpenSRP location matches more than one DHIS2 facility.',
        action: 'An administrator should pick the right facility in the org unit mapping (Settings → Org units).',
    },
    OSRP_UNKNOWN_ANTIGEN: {
        title: 'The vaccine of this record is not in the connector’s vaccine list.',
        action: 'An administrator should add the vaccine to the antigen mapping, or correct the record in OpenSRP.',
    },
    OSRP_NO_PROGRAM_FOR_ANTIGEN: {
        title: 'No DHIS2 program is set up to receive this vaccine.',
        action: FIX_MAPPING,
    },
    OSRP_NO_VACCINE_CODE: {
        title: 'The vaccine has no matching choice in DHIS2’s vaccine list.',
        action: FIX_MAPPING,
    },
    OSRP_NO_VACCINATION_DATE: { title: 'The vaccination has no date.', action: FIX_IN_OPENSRP },
    OSRP_BAD_VACCINATION_DATE: {
        title: 'The vaccination date cannot be read as a date.',
        action: FIX_IN_OPENSRP,
    },
    OSRP_NO_DOSE: {
        title: 'The vaccination does not say which dose it was.',
        action: FIX_IN_OPENSRP,
    },
    OSRP_BAD_DATE: {
        title: 'A date in this record cannot be read as a date.',
        action: FIX_IN_OPENSRP,
    },
    OSRP_BAD_EVENT_DATE: {
        title: 'The date of this visit cannot be read as a date.',
        action: FIX_IN_OPENSRP,
    },
    OSRP_BAD_OBS_VALUE: {
        title: 'A recorded value (such as place of birth or weight) cannot be read.',
        action: FIX_IN_OPENSRP,
    },
    OSRP_FUTURE_DATE: { title: 'A date in this record is in the future.', action: FIX_IN_OPENSRP },
    OSRP_DATE_BEFORE_BIRTH: {
        title: 'The vaccination date is before the child’s birth date.',
        action: FIX_IN_OPENSRP,
    },
    OSRP_UNKNOWN_OPTION: {
        title: 'A value is not one of the choices DHIS2 allows.',
        action: 'Correct the value in OpenSRP, or an administrator adds it to the option mapping.',
    },
    OSRP_MISSING_VALUE: {
        title: 'A value DHIS2 requires is missing from the record.',
        action: FIX_IN_OPENSRP,
    },
    OSRP_NO_CLIENT: {
        title: 'The vaccination belongs to a child the connector has not found in OpenSRP.',
        action: 'Check that the child is registered in OpenSRP; the vaccination is sent once the child is.',
    },
    OSRP_CLIENT_REFUSED: {
        title: 'Not sent, because the child’s own record could not be sent.',
        action: 'Fix the problem shown for the child; the vaccination follows in a run after that.',
    },
    OSRP_UNKNOWN_SEX: {
        title: 'The child’s sex is missing or not one the mapping knows.',
        action: 'Correct the sex in OpenSRP, or an administrator adds the value to the sex mapping.',
    },
    OSRP_QUARANTINED: {
        title: 'OpenSRP sent a record that is damaged or incomplete, so it was set aside.',
        action: 'Open the record in OpenSRP and correct or complete it; the next run reads it again.',
    },
    OSRP_LEGACY_UNSUPPORTED: {
        title: 'This DHIS2 cannot take this kind of record through the old tracker endpoints.',
        action: 'An administrator should switch the connector to the modern tracker writer (Settings), then run the import again.',
    },
    DHIS2_UNREACHABLE: {
        title: 'DHIS2 could not be reached, or had a temporary problem.',
        action: 'Nothing was lost: the records are sent again in the next run. If it keeps happening, tell the DHIS2 administrator.',
    },
    DHIS2_ACCESS: {
        title: 'DHIS2 refused the login or the access of the importing user.',
        action: 'An administrator should check the token or password and the user’s roles, then run the import again.',
    },
    DHIS2_ACCESS_DENIED: {
        title: 'DHIS2 refused the login or the access of the importing user.',
        action: 'An administrator should check the token or password and the user’s roles, then run the import again.',
    },
    DHIS2_REQUEST_REFUSED: {
        title: 'DHIS2 refused the whole request.',
        action: 'Tell the connector’s administrator, with the message shown here.',
    },
    DHIS2_IMPORT_REPORT_LOST: {
        title: 'DHIS2 lost track of the import (it was probably restarted).',
        action: RUN_AGAIN,
    },
    DHIS2_IMPORT_TIMEOUT: {
        title: 'DHIS2 took too long to finish the import.',
        action: 'Nothing was lost: the records are sent again in the next run. If it keeps happening, try smaller batches.',
    },
    DHIS2_IMPORT_ABORTED: {
        title: 'DHIS2 stopped the import before it checked the records.',
        action: 'The records are sent again in the next run. If it keeps happening, tell the DHIS2 administrator.',
    },
    DHIS2_UNEXPECTED_ANSWER: {
        title: 'DHIS2 gave an answer the connector could not read.',
        action: 'The records are sent again in the next run. If it keeps happening, tell the connector’s administrator.',
    },
    DHIS2_LEGACY_CONFLICT: {
        title: 'DHIS2 refused this record; its message says why.',
        action: 'Read the message shown with it; fix the record in OpenSRP or the mapping as it says.',
    },
    DHIS2_CONFLICT: {
        title: 'DHIS2 refused this value; its message says why.',
        action: 'Read the message shown with it; fix the mapping or the record as it says.',
    },
}

import type { Explanation, ExplanationTable } from './explanation'
import { ASK_ADMIN_SHARING, FIX_MAPPING } from './explanation'

const PERIOD_CLOSED: Explanation = {
    title: 'DHIS2 no longer accepts data for this period (it expired or is locked).',
    action: 'Ask a DHIS2 administrator to extend the data set’s expiry days or unlock the period, then run the import again for that period.',
}
const PERIOD_NOT_OPEN: Explanation = {
    title: 'DHIS2 does not accept data for this period yet.',
    action: 'Nothing to fix: the counts are posted once the period is open (usually after it ends).',
}
const APPROVED: Explanation = {
    title: 'This period’s data was already approved, so DHIS2 refuses changes.',
    action: 'Ask the approver to unapprove the period in DHIS2 if the counts must be corrected.',
}
const NOT_ASSIGNED: Explanation = {
    title: 'The facility does not report this data set in DHIS2.',
    action: 'Ask a DHIS2 administrator to assign the facility to the data set, or fix the facility mapping.',
}
const NOT_FOUND = (what: string): Explanation => ({
    title: `The ${what} in the mapping does not exist in DHIS2, or the user cannot see it.`,
    action: FIX_MAPPING,
})
const DATA_SET_WRITE_DENIED: Explanation = {
    title: 'The importing user may not write data to this data set.',
    action: ASK_ADMIN_SHARING,
}
const BAD_VALUE: Explanation = {
    title: 'A count does not have the form DHIS2 expects (for example a negative number).',
    action: 'Report this to the connector’s administrator: counts should never look like this.',
}

/** dataValueSets conflict codes: 2.38–2.42 (E76xx, dhis2-core ErrorCode) and 2.43 (E8xxx, §7). */
export const DATA_VALUE_EXPLANATIONS: ExplanationTable = {
    E7600: NOT_FOUND('data set'),
    E7601: DATA_SET_WRITE_DENIED,
    E7602: { title: 'The import did not name its data set.', action: FIX_MAPPING },
    E7603: NOT_FOUND('facility'),
    E7604: NOT_FOUND('attribute option combination'),
    E7610: NOT_FOUND('data element'),
    E7611: {
        title: 'The period is not valid.',
        action: 'Report this to the connector’s administrator: the period was computed wrongly.',
    },
    E7612: NOT_FOUND('facility'),
    E7613: NOT_FOUND('category option combination (disaggregation)'),
    E7614: {
        title: 'The importing user may not write data for this disaggregation (category option).',
        action: ASK_ADMIN_SHARING,
    },
    E7615: NOT_FOUND('attribute option combination'),
    E7616: {
        title: 'The importing user may not write data for this attribute option.',
        action: ASK_ADMIN_SHARING,
    },
    E7617: {
        title: 'The facility is outside the importing user’s data capture area.',
        action: 'Ask a DHIS2 administrator to add the facility (or a level above it) to the importing user’s data capture org units.',
    },
    E7618: { title: 'A value was empty.', action: 'Report this to the connector’s administrator.' },
    E7619: BAD_VALUE,
    E7620: {
        title: 'A comment was refused.',
        action: 'Report this to the connector’s administrator.',
    },
    E7621: BAD_VALUE,
    E7630: {
        title: 'The disaggregation (category option combination) is missing.',
        action: FIX_MAPPING,
    },
    E7631: { title: 'The attribute option combination is missing.', action: FIX_MAPPING },
    E7632: {
        title: 'The period type does not match the data set (for example weekly instead of monthly).',
        action: FIX_MAPPING,
    },
    E7633: { title: 'The data element is not part of the data set.', action: FIX_MAPPING },
    E7634: {
        title: 'The disaggregation does not belong to the data element (for example a sex split that it does not have).',
        action: FIX_MAPPING,
    },
    E7635: {
        title: 'The attribute option combination does not fit the data set.',
        action: FIX_MAPPING,
    },
    E7636: NOT_ASSIGNED,
    E7637: {
        title: 'DHIS2 refused the “stored by” value.',
        action: 'Report this to the connector’s administrator.',
    },
    E7638: {
        title: 'The period is outside the dates of the attribute option.',
        action: FIX_MAPPING,
    },
    E7639: { title: 'The facility cannot use this attribute option.', action: FIX_MAPPING },
    E7640: PERIOD_CLOSED,
    E7641: PERIOD_NOT_OPEN,
    E7642: APPROVED,
    E7643: PERIOD_NOT_OPEN,
    E7644: PERIOD_NOT_OPEN,
    E8000: {
        title: 'DHIS2 refused the whole import because one value was refused (atomic import).',
        action: 'Fix the other conflicts listed; everything is sent again in the next run.',
    },
    E8001: NOT_FOUND('data set'),
    E8002: {
        title: 'The data element belongs to no data set, and none was named.',
        action: FIX_MAPPING,
    },
    E8003: {
        title: 'The data element belongs to several data sets, and none was named.',
        action: FIX_MAPPING,
    },
    E8009: {
        title: 'A completion date needs the data set, facility and period at the top of the import.',
        action: 'Report this to the connector’s administrator.',
    },
    E8010: DATA_SET_WRITE_DENIED,
    E8011: {
        title: 'The facility is outside the importing user’s data capture area.',
        action: 'Ask a DHIS2 administrator to add the facility (or a level above it) to the importing user’s data capture org units.',
    },
    E8012: {
        title: 'The importing user may not write data for this disaggregation or attribute option.',
        action: ASK_ADMIN_SHARING,
    },
    E8020: { title: 'The data element is not part of the data set.', action: FIX_MAPPING },
    E8021: {
        title: 'The period type does not match the data set (for example weekly instead of monthly).',
        action: FIX_MAPPING,
    },
    E8022: NOT_ASSIGNED,
    E8023: {
        title: 'The attribute option combination does not fit the data set.',
        action: FIX_MAPPING,
    },
    E8024: {
        title: 'The disaggregation does not belong to the data element.',
        action: FIX_MAPPING,
    },
    E8030: PERIOD_NOT_OPEN,
    E8031: {
        title: 'The facility is closed for this period in DHIS2.',
        action: 'Ask a DHIS2 administrator to check the facility’s closing date, or fix the facility mapping.',
    },
    E8032: PERIOD_CLOSED,
    E8033: APPROVED,
    E8100: {
        title: 'The period is not valid.',
        action: 'Report this to the connector’s administrator: the period was computed wrongly.',
    },
    E8101: { title: 'An ID does not have DHIS2’s format.', action: FIX_MAPPING },
    E8103: NOT_FOUND('data element'),
    E8107: NOT_FOUND('facility'),
    E8108: NOT_FOUND('category option combination'),
    E8110: NOT_FOUND('attribute option combination'),
    E8120: { title: 'A value was empty.', action: 'Report this to the connector’s administrator.' },
    E8121: BAD_VALUE,
    E8122: BAD_VALUE,
    E8123: BAD_VALUE,
    E8124: {
        title: 'A comment is too long.',
        action: 'Report this to the connector’s administrator.',
    },
    E8125: BAD_VALUE,
    E8128: {
        title: 'The same count was sent twice in one import.',
        action: 'Report this to the connector’s administrator: it is a connector error.',
    },
}

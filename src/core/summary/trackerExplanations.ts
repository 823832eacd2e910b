import type { ExplanationTable } from './explanation'
import { ASK_ADMIN_SHARING, FIX_IN_OPENSRP, FIX_MAPPING, RUN_AGAIN } from './explanation'

/** DHIS2 tracker import codes (dhis2-core ValidationCode; reference §3.2, §7). */
export const TRACKER_EXPLANATIONS: ExplanationTable = {
    E1000: {
        title: 'The importing user may not write data for this facility.',
        action: 'Ask a DHIS2 administrator to add the facility (or a level above it) to the importing user’s data capture org units.',
    },
    E1001: {
        title: 'The importing user may not write this kind of person record (tracked entity type).',
        action: ASK_ADMIN_SHARING,
    },
    E1002: {
        title: 'This person already exists in DHIS2.',
        action: 'Nothing is lost: the connector updates existing records. If it repeats, tell an administrator.',
    },
    E1003: {
        title: 'The person is registered in a facility outside the importing user’s search area.',
        action: 'Ask a DHIS2 administrator to widen the importing user’s search org units.',
    },
    E1005: {
        title: 'The tracked entity type in the mapping does not exist in DHIS2.',
        action: FIX_MAPPING,
    },
    E1006: { title: 'An attribute in the mapping does not exist in DHIS2.', action: FIX_MAPPING },
    E1007: {
        title: 'A value does not have the form DHIS2 expects (a date, number or phone number).',
        action: FIX_IN_OPENSRP,
    },
    E1010: {
        title: 'The program of this vaccination does not exist in DHIS2.',
        action: FIX_MAPPING,
    },
    E1011: {
        title: 'The facility of this vaccination does not exist in DHIS2.',
        action: FIX_MAPPING,
    },
    E1013: {
        title: 'The program stage in the mapping does not exist in DHIS2.',
        action: FIX_MAPPING,
    },
    E1014: {
        title: 'The program in the mapping does not register people (it is an event program).',
        action: FIX_MAPPING,
    },
    E1015: {
        title: 'The person is already enrolled (active) in this program under another enrollment.',
        action: 'An administrator should check the person in DHIS2 Capture and close or merge the extra enrollment.',
    },
    E1016: {
        title: 'The person is already enrolled in this program, which allows one enrollment only.',
        action: 'An administrator should check the person in DHIS2 Capture; the existing enrollment is kept.',
    },
    E1018: {
        title: 'A value the program requires is missing (for example name, sex or birth date).',
        action: FIX_IN_OPENSRP,
    },
    E1019: {
        title: 'The mapping sends an attribute that is not part of the program.',
        action: FIX_MAPPING,
    },
    E1020: { title: 'The enrollment date is in the future.', action: FIX_IN_OPENSRP },
    E1021: { title: 'The birth or incident date is in the future.', action: FIX_IN_OPENSRP },
    E1022: {
        title: 'The person is of another type than the program expects.',
        action: FIX_MAPPING,
    },
    E1023: { title: 'The birth or incident date is missing.', action: FIX_IN_OPENSRP },
    E1025: { title: 'The enrollment date is missing or not a date.', action: FIX_IN_OPENSRP },
    E1029: {
        title: 'The facility of this vaccination is not assigned to the program.',
        action: 'Ask a DHIS2 administrator to assign the facility to the program, or fix the facility mapping.',
    },
    E1030: { title: 'This vaccination already exists in DHIS2.', action: RUN_AGAIN },
    E1031: { title: 'The vaccination date is missing.', action: FIX_IN_OPENSRP },
    E1032: {
        title: 'The vaccination is not in DHIS2 (already removed?).',
        action: 'Nothing to do when it was being deleted.',
    },
    E1033: {
        title: 'The vaccination is not linked to an enrollment.',
        action: 'The child’s registration must be sent first; the next run retries it.',
    },
    E1039: {
        title: 'This stage allows one event per child, and one already exists.',
        action: 'An administrator should make the stage repeatable in DHIS2 or check for duplicate vaccinations in OpenSRP.',
    },
    E1041: {
        title: 'The facility is not assigned to the program.',
        action: 'Ask a DHIS2 administrator to assign the facility to the program, or fix the facility mapping.',
    },
    E1048: {
        title: 'An ID does not have DHIS2’s format.',
        action: 'Report this to the connector’s administrator: it is a connector or mapping error.',
    },
    E1049: { title: 'The facility of this person does not exist in DHIS2.', action: FIX_MAPPING },
    E1050: { title: 'The scheduled date is missing.', action: FIX_IN_OPENSRP },
    E1054: {
        title: 'The attribute option combination does not fit the program.',
        action: FIX_MAPPING,
    },
    E1055: {
        title: 'The program needs an attribute option combination, and none was sent.',
        action: FIX_MAPPING,
    },
    E1056: {
        title: 'The vaccination date is before the first date its category option allows.',
        action: 'An administrator checks the category option’s start date in DHIS2; otherwise correct the date in OpenSRP.',
    },
    E1057: {
        title: 'The vaccination date is after the last date its category option allows.',
        action: 'An administrator checks the category option’s end date in DHIS2; otherwise correct the date in OpenSRP.',
    },
    E1063: {
        title: 'The person is not in DHIS2.',
        action: 'The registration is sent first in the next run; if it repeats, tell an administrator.',
    },
    E1064: {
        title: 'Another person in DHIS2 already has this ID (a unique value).',
        action: 'An administrator should look up both records in DHIS2 Capture: if they are the same child, remove the duplicate; if not, correct the ID in OpenSRP.',
    },
    E1075: { title: 'An attribute in the mapping has no UID.', action: FIX_MAPPING },
    E1076: { title: 'A value every person must have is empty.', action: FIX_IN_OPENSRP },
    E1077: { title: 'A value is longer than DHIS2 allows.', action: FIX_IN_OPENSRP },
    E1068: {
        title: 'The enrollment points to a person that is not in DHIS2.',
        action: 'The person is sent first in the next run; if it repeats, tell an administrator.',
    },
    E1069: { title: 'The program in the mapping does not exist in DHIS2.', action: FIX_MAPPING },
    E1070: {
        title: 'The facility of this enrollment does not exist in DHIS2.',
        action: FIX_MAPPING,
    },
    E1079: {
        title: 'The vaccination belongs to another program than its enrollment.',
        action: FIX_MAPPING,
    },
    E1080: { title: 'This enrollment already exists in DHIS2.', action: RUN_AGAIN },
    E1081: {
        title: 'The enrollment is not in DHIS2.',
        action: 'The registration is sent first in the next run; if it repeats, tell an administrator.',
    },
    E1082: {
        title: 'This vaccination was deleted in DHIS2 and cannot be changed.',
        action: 'An administrator decides whether to restore it in DHIS2; the connector leaves it alone.',
    },
    E1084: {
        title: 'A value does not have the form DHIS2 expects.',
        action: FIX_IN_OPENSRP,
    },
    E1085: {
        title: 'A value does not have the form DHIS2 expects.',
        action: FIX_IN_OPENSRP,
    },
    E1087: {
        title: 'A data element in the mapping does not exist in DHIS2.',
        action: FIX_MAPPING,
    },
    E1089: {
        title: 'The program stage in the mapping belongs to another program.',
        action: FIX_MAPPING,
    },
    E1090: {
        title: 'A value every person must have is missing (for example the OpenSRP ID).',
        action: FIX_IN_OPENSRP,
    },
    E1091: {
        title: 'The importing user may not write data to this program.',
        action: ASK_ADMIN_SHARING,
    },
    E1095: {
        title: 'The importing user may not write data to this program stage.',
        action: ASK_ADMIN_SHARING,
    },
    E1096: {
        title: 'The importing user may not read data of this program.',
        action: ASK_ADMIN_SHARING,
    },
    E1099: {
        title: 'The importing user may not write data for this category option.',
        action: ASK_ADMIN_SHARING,
    },
    E1100: {
        title: 'Deleting this person needs an authority the importing user lacks.',
        action: 'Ask a DHIS2 administrator for the “delete tracked entity and its data” authority.',
    },
    E1102: {
        title: 'Another facility owns this person’s record in this program.',
        action: 'An administrator can transfer ownership in DHIS2 Capture or give the user access.',
    },
    E1103: {
        title: 'Deleting this enrollment needs an authority the importing user lacks.',
        action: 'Ask a DHIS2 administrator for the “delete enrollment and its events” authority.',
    },
    E1104: {
        title: 'The importing user may not read this kind of person record.',
        action: ASK_ADMIN_SHARING,
    },
    E1113: {
        title: 'This enrollment was deleted in DHIS2 and cannot be changed.',
        action: 'An administrator decides whether to restore it in DHIS2.',
    },
    E1114: {
        title: 'This person was deleted in DHIS2 and cannot be changed.',
        action: 'An administrator decides whether to restore the person in DHIS2.',
    },
    E1115: { title: 'A category option combination does not exist in DHIS2.', action: FIX_MAPPING },
    E1116: {
        title: 'A category option in the mapping does not exist in DHIS2.',
        action: FIX_MAPPING,
    },
    E1117: {
        title: 'No category option combination fits the category options in the mapping.',
        action: FIX_MAPPING,
    },
    E1121: { title: 'A required part of the person record is missing.', action: FIX_MAPPING },
    E1122: { title: 'A required part of the enrollment is missing.', action: FIX_MAPPING },
    E1123: { title: 'A required part of the vaccination is missing.', action: FIX_MAPPING },
    E1124: { title: 'The mother–child link is missing a required part.', action: FIX_MAPPING },
    E1125: {
        title: 'A value is not one of the allowed choices (for example sex or vaccine).',
        action: 'Correct the value in OpenSRP, or an administrator adds it to the option mapping.',
    },
    E1126: {
        title: 'A part of the person record that cannot change was changed (such as its type).',
        action: 'Tell an administrator: the record must be corrected in DHIS2 by hand.',
    },
    E1127: {
        title: 'A part of the enrollment that cannot change was changed (such as its program).',
        action: 'Tell an administrator: the record must be corrected in DHIS2 by hand.',
    },
    E1128: {
        title: 'A part of the vaccination that cannot change was changed (such as its stage).',
        action: 'Tell an administrator: the record must be corrected in DHIS2 by hand.',
    },
    E1302: {
        title: 'A vaccination value does not have the expected form.',
        action: FIX_IN_OPENSRP,
    },
    E1303: {
        title: 'A value the vaccination stage requires is missing (vaccine or dose).',
        action: FIX_IN_OPENSRP,
    },
    E1304: { title: 'A data element in the mapping does not exist in DHIS2.', action: FIX_MAPPING },
    E1305: {
        title: 'A data element in the mapping is not part of the program stage.',
        action: FIX_MAPPING,
    },
    E1326: {
        title: 'This vaccination is completed in DHIS2 and its stage does not allow changes after completion.',
        action: 'An administrator reopens the event in DHIS2 Capture if the change must be made; the connector leaves it alone.',
    },
    E4000: {
        title: 'A mother–child link points from a person to the same person.',
        action: FIX_IN_OPENSRP,
    },
    E4001: {
        title: 'An end of the mother–child link is not a single person record.',
        action: FIX_MAPPING,
    },
    E4006: {
        title: 'The relationship type in the mapping does not exist in DHIS2.',
        action: FIX_MAPPING,
    },
    E4010: {
        title: 'The relationship type in the mapping does not link two people.',
        action: FIX_MAPPING,
    },
    E4012: {
        title: 'A person in the mother–child link is not in DHIS2.',
        action: 'Both people are sent first in the next run; if it repeats, tell an administrator.',
    },
    E4015: { title: 'This mother–child link already exists.', action: RUN_AGAIN },
    E4016: { title: 'The mother–child link is not in DHIS2.', action: RUN_AGAIN },
    E4017: {
        title: 'This mother–child link was deleted in DHIS2 and cannot be changed.',
        action: 'An administrator decides whether to restore it in DHIS2.',
    },
    E4014: {
        title: 'The relationship type in the mapping is for another kind of person record.',
        action: FIX_MAPPING,
    },
    E4018: {
        title: 'This mother and child are already linked in DHIS2 by another link.',
        action: 'Nothing is lost: the existing link stays. If it repeats, tell an administrator.',
    },
    E4020: {
        title: 'The importing user may not write mother–child links (relationship type sharing).',
        action: ASK_ADMIN_SHARING,
    },
    E5000: {
        title: 'Not saved because the record it belongs to was refused.',
        action: 'Fix the error on the person or enrollment it belongs to; this one follows in the next run.',
    },
}

import { Dhis2Minor } from '../../contract'
import { JsonRecord } from '../json'
import { TrackerType } from './payload'

/** Message templates of `ValidationCode.java` (§3.2), as 2.38–2.42 word them. */
const MESSAGES: Readonly<Record<string, string>> = {
    E1000: 'User: `{0}`, has no write access to OrganisationUnit: `{1}`.',
    E1002: 'TrackedEntity: `{0}`, already exists.',
    E1005: 'Could not find TrackedEntityType: `{0}`.',
    E1006: 'Attribute: `{0}`, does not exist.',
    E1007: 'Error validating attribute value type: `{0}`; Error: `{1}`.',
    E1010: 'Could not find Program: `{0}`, linked to Event.',
    E1011: 'Could not find OrganisationUnit: `{0}`, linked to Event.',
    E1013: 'Could not find ProgramStage: `{0}`, linked to Event.',
    E1014: 'Provided Program: `{0}`, is a Program without registration. An Enrollment cannot be created into Program without registration.',
    E1015: 'TrackedEntity: `{0}`, already has an active Enrollment in Program `{1}`.',
    E1016: 'TrackedEntity: `{0}`, already has an active enrollment in Program: `{1}`, and this program only allows enrolling one time.',
    E1018: 'Attribute: `{0}`, is mandatory in program `{1}` but not declared in enrollment `{2}`.',
    E1019: 'Only Program attributes is allowed for enrollment; Non valid attribute: `{0}`.',
    E1020: 'Enrollment date: `{0}`, can`t be future date.',
    E1021: 'Incident date: `{0}`, can`t be future date.',
    E1022: 'TrackedEntity: `{0}`, must have same TrackedEntityType as Program `{1}`.',
    E1023: 'Incident date: `{0}`, is not a valid date.',
    E1025: 'Enrollment date: `{0}`, is not a valid date.',
    E1029: 'Event OrganisationUnit: `{0}`, and Program: `{1}`, don`t match.',
    E1030: 'Event: `{0}`, already exists.',
    E1031: 'Event occurredAt date is missing.',
    E1032: 'Event: `{0}`, do not exist.',
    E1033: 'Event: `{0}`, Enrollment value is NULL.',
    E1039: 'ProgramStage: `{0}`, is not repeatable and an event already exists.',
    E1041: 'Enrollment OrganisationUnit: `{0}`, and Program: `{1}`, don`t match.',
    E1048: 'Object: `{0}`, uid: `{1}`, has an invalid uid format.',
    E1049: 'Could not find OrganisationUnit: `{0}`, linked to Tracked Entity.',
    E1050: 'Event ScheduledAt date is missing.',
    E1054: 'AttributeOptionCombo `{0}` is not in the event programs category combo `{1}`.',
    E1055: 'Default AttributeOptionCombo is not allowed since program has non-default CategoryCombo.',
    E1063: 'TrackedEntity: `{0}`, does not exist.',
    E1064: 'Non-unique attribute value `{0}` for attribute `{1}`',
    E1068: 'Could not find TrackedEntity: `{0}`, linked to Enrollment.',
    E1069: 'Could not find Program: `{0}`, linked to Enrollment.',
    E1070: 'Could not find OrganisationUnit: `{0}`, linked to Enrollment.',
    E1079: 'Event: `{0}`, program: `{1}` is different from program defined in enrollment `{2}`.',
    E1080: 'Enrollment: `{0}`, already exists.',
    E1081: 'Enrollment: `{0}`, do not exist.',
    E1082: 'Event: `{0}`, is already deleted and can`t be modified.',
    E1087: 'Could not find DataElement: `{0}`, linked to DataValue.',
    E1089: 'Event: `{0}`, references a Program Stage `{1}` that does not belong to Program `{2}`.',
    E1090: 'Attribute: `{0}`, is mandatory in tracked entity type `{1}` but not declared in tracked entity `{2}`.',
    E1100: 'User: `{0}`, is lacking `F_TEI_CASCADE_DELETE` authority to delete TrackedEntity: `{1}`.',
    E1103: 'User: `{0}`, is lacking `F_ENROLLMENT_CASCADE_DELETE` authority to delete Enrollment : `{1}`.',
    E1113: 'Enrollment: `{0}`, is already deleted and can`t be modified.',
    E1114: 'TrackedEntity: `{0}`, is already deleted and can`t be modified.',
    E1115: 'Could not find CategoryOptionCombo: `{0}`.',
    E1121: 'Missing required tracked entity property: `{0}`.',
    E1122: 'Missing required enrollment property: `{0}`.',
    E1123: 'Missing required event property: `{0}`.',
    E1125: 'Value `{0}` is not a valid option for {1} `{2}` in option set `{3}`',
    E1126: 'Not allowed to update Tracked Entity property: {0}.',
    E1127: 'Not allowed to update Enrollment property: {0}.',
    E1128: 'Not allowed to update Event property: {0}.',
    E1302: 'DataElement `{0}` value is not valid: `{1}`',
    E1303: 'Mandatory DataElement `{0}` is not present',
    E1305: 'DataElement `{0}` is not part of `{1}` program stage.',
    E4006: 'Could not find relationship Type: `{0}`.',
    E4012: 'Could not find `{0}`: `{1}`, linked to Relationship.',
    E4015: 'Relationship: `{0}`, already exists.',
    E4016: 'Relationship: `{0}`, do not exist.',
    E4017: 'Relationship: `{0}`, is already deleted and cannot be modified.',
    E5000: '"{0}" `{1}` cannot be persisted because "{2}" `{3}` referenced by it cannot be persisted.',
}

export interface TrackerError {
    errorCode: string
    trackerType: TrackerType
    uid: string
    args: string[]
}

/** 2.43 rewords E1000 and drops the commas after arguments (§7). */
export function trackerMessage(minor: Dhis2Minor, code: string, args: readonly string[]): string {
    let template = MESSAGES[code] ?? code
    if (minor >= 43) {
        template =
            code === 'E1000'
                ? 'User: `{0}` has no capture scope access to OrganisationUnit: `{1}`.'
                : template.replace(/`, /g, '` ')
    }
    return template.replace(/\{(\d+)\}/g, (_, i: string) => args[Number(i)] ?? 'null')
}

/** An error report as the ImportReport shows it; `args` only from 2.41 (§3.2). */
export function errorReportJson(minor: Dhis2Minor, error: TrackerError): JsonRecord {
    return {
        message: trackerMessage(minor, error.errorCode, error.args),
        errorCode: error.errorCode,
        trackerType: error.trackerType,
        uid: error.uid,
        ...(minor >= 41 ? { args: error.args } : {}),
    }
}

import type { RecordError, RecordKind } from '../summary/types'

/**
 * Our codes for records the tracker mapping cannot place (RecordError.kind `mapping`). Messages
 * name the record by its OpenSRP ids and the attribute by what it means, never by personal data.
 */
export type TrackerMappingErrorCode =
    | 'OSRP_NO_ORG_UNIT'
    | 'OSRP_AMBIGUOUS_ORG_UNIT'
    | 'OSRP_MISSING_VALUE'
    | 'OSRP_BAD_DATE'
    | 'OSRP_FUTURE_DATE'
    | 'OSRP_UNKNOWN_OPTION'
    | 'OSRP_NO_CLIENT'
    | 'OSRP_UNKNOWN_ANTIGEN'
    | 'OSRP_NO_VACCINATION_DATE'
    | 'OSRP_BAD_VACCINATION_DATE'
    | 'OSRP_NO_DOSE'
    | 'OSRP_DATE_BEFORE_BIRTH'
    | 'OSRP_NO_PROGRAM_FOR_ANTIGEN'
    | 'OSRP_NO_VACCINE_CODE'

export interface MappingProblem {
    code: TrackerMappingErrorCode
    message: string
}

export function mappingErrors(
    recordKind: RecordKind,
    sourceId: string,
    problems: readonly MappingProblem[],
    orgUnit: string | undefined
): RecordError[] {
    return problems.map(({ code, message }) => ({
        sourceId,
        recordKind,
        kind: 'mapping',
        code,
        message,
        ...(orgUnit !== undefined ? { orgUnit } : {}),
    }))
}

import { isIsoCalendarDate } from '../dates'
import type { OpenSrpEvent } from '../domain/opensrp'
import type { AntigenRule } from '../config/types'

/**
 * Reads one dose from a Vaccination event (reference opensrp-api.md §5.2): two obs share a
 * `parentCode` naming the antigen; the date obs (fieldCode 1410…) holds `yyyy-MM-dd`, the dose obs
 * (1418…, `<field>_dose`) the dose number. The antigen comes from the parentCode, with the
 * formSubmissionField prefix as the fallback (spellings vary between app builds).
 */

export const VACCINATION_EVENT = 'Vaccination'
export const OUT_OF_AREA_SERVICE_EVENT = 'Out of Area Service - Vaccination'
export const VOID_EVENT = 'Void Event'
const DATE_CONCEPT = '1410AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'
const DOSE_CONCEPT = '1418AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'

export interface Vaccination {
    antigen: string
    dose: number
    /** yyyy-MM-dd, as the vaccinator wrote it. */
    date: string
    /** The obs field name (`bcg`, `opv_0` …). */
    field: string
}

export type VaccinationReading =
    | { ok: true; value: Vaccination }
    | {
          ok: false
          code:
              | 'OSRP_UNKNOWN_ANTIGEN'
              | 'OSRP_NO_VACCINATION_DATE'
              | 'OSRP_BAD_VACCINATION_DATE'
              | 'OSRP_NO_DOSE'
          message: string
      }

function antigenOf(
    parentCode: string | undefined,
    field: string,
    rules: AntigenRule[]
): string | undefined {
    const prefix = field.toLowerCase().replace(/_?\d+$/, '')
    const byPrefix = rules.find((rule) =>
        rule.fieldPrefixes.some((p) => p.toLowerCase() === prefix)
    )?.antigen
    // "Measles 2 / MR 2" carries both antigens' codes joined by `/` (reference §5.2); the library
    // then tells them apart by name, and so do we.
    const codes = (parentCode ?? '').split('/').map((code) => code.trim())
    const byCode = [
        ...new Set(
            rules
                .filter((rule) => rule.parentCodes.some((code) => codes.includes(code)))
                .map((rule) => rule.antigen)
        ),
    ]
    if (byCode.length === 1) return byCode[0]
    if (byCode.length > 1)
        return byPrefix !== undefined && byCode.includes(byPrefix) ? byPrefix : undefined
    return byPrefix
}

/** The dose number: the dose obs, else the digits that end the field name (`opv_2` → 2). */
function doseOf(
    event: OpenSrpEvent,
    parentCode: string | undefined,
    field: string
): number | undefined {
    const doseObs = event.obs.find(
        (obs) =>
            obs.fieldCode === DOSE_CONCEPT &&
            (obs.formSubmissionField === `${field}_dose` ||
                (parentCode !== undefined && obs.parentCode === parentCode))
    )
    const text = doseObs?.values[0] ?? /_(\d+)$/.exec(field)?.[1]
    if (text === undefined || text === null || !/^\d{1,2}$/.test(text.trim())) return undefined
    return Number(text.trim())
}

export function readVaccination(event: OpenSrpEvent, rules: AntigenRule[]): VaccinationReading {
    const dateObs =
        event.obs.find((obs) => obs.fieldCode === DATE_CONCEPT && obs.fieldDataType === 'date') ??
        event.obs.find((obs) => obs.fieldCode === DATE_CONCEPT)
    if (!dateObs) {
        return {
            ok: false,
            code: 'OSRP_NO_VACCINATION_DATE',
            message: 'The vaccination event has no vaccination date (obs 1410).',
        }
    }
    const field = dateObs.formSubmissionField ?? ''
    const parentCode = dateObs.parentCode || undefined
    const antigen = antigenOf(parentCode, field, rules)
    if (!antigen) {
        return {
            ok: false,
            code: 'OSRP_UNKNOWN_ANTIGEN',
            message: `The vaccine '${field || parentCode || '?'}' is not one of the mapped antigens.`,
        }
    }
    const date = dateObs.values[0]?.trim() ?? ''
    if (!isIsoCalendarDate(date)) {
        return {
            ok: false,
            code: 'OSRP_BAD_VACCINATION_DATE',
            message: `The vaccination date '${date}' is not a yyyy-MM-dd date.`,
        }
    }
    const dose = doseOf(event, parentCode, field)
    if (dose === undefined) {
        return {
            ok: false,
            code: 'OSRP_NO_DOSE',
            message: `The ${antigen} vaccination has no dose number.`,
        }
    }
    return { ok: true, value: { antigen, dose, date, field } }
}

/** The key of an event that survives edits: formSubmissionId when present (§5.4), else `_id`. */
export const eventKeyOf = (event: Pick<OpenSrpEvent, 'id' | 'formSubmissionId'>): string =>
    event.formSubmissionId || event.id

/** True for the server's home-facility copy of an out-of-area vaccination (§5.3). */
export const isOutOfAreaHomeCopy = (event: OpenSrpEvent): boolean =>
    event.details['out_of_catchment_provider_id'] !== undefined

const OUT_OF_AREA_IDENTIFIERS = new Set(['zeir_id', 'opensrp_id'])

/**
 * True for the vaccinating device's own copy of an out-of-area vaccination (§5.3): the device had
 * no baseEntityId for the child and named it by ZEIR_ID/OPENSRP_ID in `identifiers`, which the
 * server keeps on this copy. Ordinary Vaccination events carry no client identifier.
 */
export const isOutOfAreaDeviceCopy = (event: OpenSrpEvent): boolean =>
    event.eventType === VACCINATION_EVENT &&
    !isOutOfAreaHomeCopy(event) &&
    Object.entries(event.identifiers).some(
        ([type, value]) => OUT_OF_AREA_IDENTIFIERS.has(type.toLowerCase()) && value.trim() !== ''
    )

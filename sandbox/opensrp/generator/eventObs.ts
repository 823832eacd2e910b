import type { JsonObject } from '../json'
import type { Rng } from '../prng'
import { isoDay } from './dates'
import * as names from './names'
import type { ChildPlan, PlannedDose } from './plan'
import { facilityAt, motherProfile, type Device, type RecordContext } from './profiles'
import { CONCEPT_DATE, CONCEPT_DOSE } from './schedule'

/** Event obs (reference §4 "Obs", §5.1, §5.2): the Birth Registration form and a dose's pair. */

function obs(
    fieldType: string,
    fieldCode: string,
    fieldDataType: string,
    field: string,
    values: string[],
    humanReadableValues: string[] = [],
    parentCode = ''
): JsonObject {
    return {
        fieldType,
        fieldCode,
        parentCode,
        fieldDataType,
        formSubmissionField: field,
        values,
        humanReadableValues,
    }
}

const concept = (code: string): string => code.padEnd(36, 'A')

export function birthObs(
    ctx: RecordContext,
    plan: ChildPlan,
    rng: Rng,
    device: Device
): JsonObject[] {
    const home = facilityAt(ctx, plan.home)
    const mother = motherProfile(ctx, plan.motherOwner)
    const weight = Math.max(
        1.4,
        Math.min(4.6, 2.9 + (rng.next() + rng.next() + rng.next() - 1.5) * 0.8)
    )
    const day = isoDay(plan.registeredDay)
    const start = rng.between(9 * 3600, 16 * 3600)
    const clock = (s: number): string => `${day} ${new Date(s * 1000).toISOString().slice(11, 19)}`
    const list = [
        obs('formsubmissionField', 'Home_Facility', 'text', 'Home_Facility', [home.locationId]),
        obs('concept', concept('163260'), 'date', 'First_Health_Facility_Contact', [day]),
        obs('concept', concept('5916'), 'text', 'Birth_Weight', [
            weight.toFixed(rng.chance(0.5) ? 1 : 2),
        ]),
        plan.homeBirth
            ? obs(
                  'concept',
                  concept('1572'),
                  'select one',
                  'Place_Birth',
                  [concept('1536')],
                  ['Home']
              )
            : obs(
                  'concept',
                  concept('1572'),
                  'select one',
                  'Place_Birth',
                  [concept('1588')],
                  ['Health facility']
              ),
    ]
    if (!plan.homeBirth) {
        list.push(
            obs('concept', concept('163531'), 'text', 'Birth_Facility_Name', [
                rng.pick(names.FACILITY_NAMES),
            ])
        )
    }
    list.push(
        obs(
            'formsubmissionField',
            'Mother_Guardian_First_Name',
            'text',
            'Mother_Guardian_First_Name',
            [mother.firstName]
        ),
        obs('formsubmissionField', 'Father_Guardian_Name', 'text', 'Father_Guardian_Name', [
            mother.husband,
        ]),
        obs('formsubmissionField', 'Mother_Guardian_Number', 'text', 'Mother_Guardian_Number', [
            mother.phone,
        ]),
        obs('concept', concept('163137'), 'start', 'start', [clock(start)]),
        obs('concept', concept('163138'), 'end', 'end', [clock(start + rng.between(60, 400))]),
        obs('concept', concept('163149'), 'deviceid', 'deviceid', [device.deviceId])
    )
    return list
}

/** One vaccination: its date (1410) and dose number (1418), sharing the antigen's parentCode. */
export function doseObs(dose: PlannedDose): JsonObject[] {
    return [
        obs('concept', CONCEPT_DATE, 'date', dose.field, [isoDay(dose.day)], [], dose.parentCode),
        obs(
            'concept',
            CONCEPT_DOSE,
            'calculate',
            `${dose.field}_dose`,
            [String(dose.dose)],
            [],
            dose.parentCode
        ),
    ]
}

import { ModelContext } from '../context'
import { JsonRecord, asString, records } from '../json'
import { DEFAULT_CATEGORY_COMBO, DEFAULT_COC } from '../metadata/schema'
import { IdScheme } from '../metadata/store'
import { Period, parsePeriod, periodContaining, shiftPeriod } from '../periods'
import { InputDataValue, InputDataValueSet } from './parse'

/** A payload value with its identifiers looked up; `undefined` members were not found. */
export interface ResolvedValue {
    input: InputDataValue
    dataElementKey?: string
    dataElement?: JsonRecord
    periodKey?: string
    period?: Period
    orgUnitKey?: string
    orgUnit?: JsonRecord
    cocKey?: string
    coc?: JsonRecord
    aocKey?: string
    aoc?: JsonRecord
}

export function resolveValue(
    ctx: ModelContext,
    set: InputDataValueSet,
    input: InputDataValue,
    schemes: {
        dataElement: IdScheme
        orgUnit: IdScheme
        categoryOptionCombo: IdScheme
        attributeOptionCombo: IdScheme
    }
): ResolvedValue {
    const { store } = ctx
    const find = (collection: string, scheme: IdScheme, key: string | undefined) =>
        key === undefined ? undefined : store.find(collection, scheme, key)
    const periodKey = input.period ?? set.period
    const orgUnitKey = input.orgUnit ?? set.orgUnit
    const aocKey = input.attributeOptionCombo ?? set.attributeOptionCombo
    return {
        input,
        dataElementKey: input.dataElement,
        dataElement: find('dataElements', schemes.dataElement, input.dataElement),
        periodKey,
        period: periodKey === undefined ? undefined : parsePeriod(periodKey),
        orgUnitKey,
        orgUnit: find('organisationUnits', schemes.orgUnit, orgUnitKey),
        cocKey: input.categoryOptionCombo,
        coc:
            input.categoryOptionCombo === undefined
                ? store.get('categoryOptionCombos', DEFAULT_COC)
                : find(
                      'categoryOptionCombos',
                      schemes.categoryOptionCombo,
                      input.categoryOptionCombo
                  ),
        aocKey,
        aoc:
            aocKey === undefined
                ? store.get('categoryOptionCombos', DEFAULT_COC)
                : find('categoryOptionCombos', schemes.attributeOptionCombo, aocKey),
    }
}

export const uidOf = (object: JsonRecord | undefined): string => asString(object?.id) ?? ''

export function comboOf(object: JsonRecord | undefined): string {
    const combo = object?.categoryCombo
    return (
        (combo && typeof combo === 'object' && 'id' in combo && typeof combo.id === 'string'
            ? combo.id
            : undefined) ?? DEFAULT_CATEGORY_COMBO
    )
}

export function isLocked(ctx: ModelContext, dataSetId: string, periodId: string): boolean {
    return ctx.lockedPeriods.some((lock) => lock.dataSet === dataSetId && lock.period === periodId)
}

/** False when `period` lies after the data set's last open future period (E7641 / E8030-ish). */
export function isWithinOpenFuture(dataSet: JsonRecord, period: Period, now: Date): boolean {
    const type = asString(dataSet.periodType) ?? period.type
    const current = periodContaining(type, now)
    if (!current) return true
    const open = typeof dataSet.openFuturePeriods === 'number' ? dataSet.openFuturePeriods : 0
    const latest = shiftPeriod(current, open)
    return !latest || period.start.getTime() <= latest.end.getTime()
}

export function dataSetOrgUnits(dataSet: JsonRecord): string[] {
    return records(dataSet.organisationUnits)
        .map((o) => asString(o.id))
        .filter((id): id is string => id !== undefined)
}

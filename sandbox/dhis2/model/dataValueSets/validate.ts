import { SandboxUser } from '../../contract'
import { ModelContext } from '../context'
import { JsonRecord, asString, refId } from '../json'
import { Conflicts } from './conflicts'
import { DataImportOptions } from './parse'
import {
    ResolvedValue,
    comboOf,
    dataSetOrgUnits,
    isLocked,
    isWithinOpenFuture,
    uidOf,
} from './resolve'
import { valueTypeError } from '../valueTypes'

/** A category or attribute option combo: required when the setting says so, else it must exist. */
function checkOptionCombo(
    conflicts: Conflicts,
    index: number,
    combo: {
        key: string | undefined
        found: boolean
        required: boolean
        property: 'categoryOptionCombo' | 'attributeOptionCombo'
        label: string
        codes: { missing: string; notFound: string }
    }
): void {
    if (combo.key === undefined && combo.required) {
        conflicts.add(
            {
                objects: {},
                value: `${combo.label} is required but is not specified`,
                errorCode: combo.codes.missing,
                property: combo.property,
            },
            index
        )
    } else if (!combo.found) {
        const key = combo.key ?? 'null'
        conflicts.add(
            {
                object: key,
                objects: { [combo.property]: key },
                value: `${combo.label} not found or not accessible for writing data: \`${key}\``,
                errorCode: combo.codes.notFound,
                property: combo.property,
            },
            index
        )
    }
}

/**
 * The per-value checks of DHIS2 2.38–2.42 (`DataValueSetImportValidator`): existence, capture
 * scope, value type/option set, locking and open future periods always; the `strict*`/`require*`
 * checks only when the import options (or the server's system settings) turn them on.
 * Returns false when the value is rejected (a conflict was added).
 */
export function validateClassic(
    ctx: ModelContext,
    v: ResolvedValue,
    options: DataImportOptions,
    user: SandboxUser,
    dataSet: JsonRecord | undefined,
    conflicts: Conflicts
): boolean {
    const index = v.input.index
    const strict = (flag: keyof DataImportOptions['strict']) =>
        options.strict[flag] || ctx.strictDataImport
    const before = conflicts.rejected.has(index)
    if (!v.dataElement) {
        const key = v.dataElementKey ?? 'null'
        conflicts.add(
            {
                object: key,
                objects: { dataElement: key },
                value: `Data element not found or not accessible: \`${key}\``,
                errorCode: 'E7610',
                property: 'dataElement',
            },
            index
        )
    }
    if (!v.period) {
        const key = v.periodKey ?? 'null'
        conflicts.add(
            {
                object: key,
                objects: { period: key },
                value: `Period not valid: \`${key}\``,
                errorCode: 'E7611',
                property: 'period',
            },
            index
        )
    }
    if (!v.orgUnit) {
        const key = v.orgUnitKey ?? 'null'
        conflicts.add(
            {
                object: key,
                objects: { organisationUnit: key },
                value: `Organisation unit not found or not accessible: \`${key}\``,
                errorCode: 'E7612',
                property: 'orgUnit',
            },
            index
        )
    }
    checkOptionCombo(conflicts, index, {
        key: v.cocKey,
        found: v.coc !== undefined,
        required: strict('requireCategoryOptionCombo'),
        property: 'categoryOptionCombo',
        label: 'Category option combo',
        codes: { missing: 'E7630', notFound: 'E7613' },
    })
    checkOptionCombo(conflicts, index, {
        key: v.aocKey,
        found: v.aoc !== undefined,
        required: strict('requireAttributeOptionCombo'),
        property: 'attributeOptionCombo',
        label: 'Attribute option combo',
        codes: { missing: 'E7631', notFound: 'E7615' },
    })
    if (conflicts.rejected.has(index) && !before) return false
    const de = v.dataElement
    const ou = v.orgUnit
    const period = v.period
    if (!de || !ou || !period) return false
    const deId = uidOf(de)
    const ouId = uidOf(ou)
    if (!ctx.store.isInHierarchy(ouId, user.organisationUnits)) {
        conflicts.add(
            {
                object: ouId,
                objects: { organisationUnit: ouId, user: user.id },
                value: `Organisation unit: \`${ouId}\` not in hierarchy of current user: \`${user.id}\``,
                errorCode: 'E7617',
                property: 'orgUnit',
            },
            index
        )
        return false
    }
    const value = v.input.value
    if (value !== undefined && value !== '' && options.importStrategy !== 'DELETE') {
        const error = valueTypeError(asString(de.valueType) ?? 'TEXT', value)
        if (error) {
            conflicts.add(
                {
                    object: deId,
                    objects: { dataElement: deId, value: error },
                    value: `Value must match value type of data element \`${deId}\`: \`${error}\``,
                    errorCode: 'E7619',
                    property: 'value',
                },
                index
            )
            return false
        }
        const optionSet = refId(de.optionSet)
        const codes = optionSet ? ctx.store.optionCodes(optionSet) : undefined
        if (codes && !codes.includes(value)) {
            conflicts.add(
                {
                    object: deId,
                    objects: { dataElement: deId },
                    value: `Data value is not a valid option of the data element option set: \`${deId}\``,
                    errorCode: 'E7621',
                    property: 'value',
                },
                index
            )
            return false
        }
    }
    if ((v.input.comment?.length ?? 0) > 50_000) {
        conflicts.add(
            {
                object: deId,
                objects: { dataElement: deId },
                value: 'Invalid comment: comment_length_greater_than_max_length',
                errorCode: 'E7620',
                property: 'comment',
            },
            index
        )
        return false
    }
    const dataSets = dataSet ? [dataSet] : ctx.store.dataSetsOfDataElement(deId)
    const cocId = uidOf(v.coc)
    const aocId = uidOf(v.aoc)
    if (strict('strictCategoryOptionCombos') && !ctx.store.cocIdsOf(comboOf(de)).includes(cocId)) {
        conflicts.add(
            {
                object: cocId,
                objects: { categoryOptionCombo: cocId, dataElement: deId },
                value: `Category option combo: \`${cocId}\` must be part of category combo of data element: \`${deId}\``,
                errorCode: 'E7622',
                property: 'categoryOptionCombo',
            },
            index
        )
        return false
    }
    if (
        strict('strictAttributeOptionCombos') &&
        !dataSets.some((ds) => ctx.store.cocIdsOf(comboOf(ds)).includes(aocId))
    ) {
        conflicts.add(
            {
                object: aocId,
                objects: { attributeOptionCombo: aocId, dataElement: deId },
                value: `Attribute option combo: \`${aocId}\` must be part of category combo of data sets of data element: \`${deId}\``,
                errorCode: 'E7623',
                property: 'attributeOptionCombo',
            },
            index
        )
        return false
    }
    if (
        strict('strictOrganisationUnits') &&
        !dataSets.some((ds) => dataSetOrgUnits(ds).includes(ouId))
    ) {
        conflicts.add(
            {
                object: deId,
                objects: { dataElement: deId, organisationUnit: ouId },
                value: `Data element: \`${deId}\` must be assigned through data sets to organisation unit: \`${ouId}\``,
                errorCode: 'E7624',
                property: 'orgUnit',
            },
            index
        )
        return false
    }
    if (strict('strictPeriods') && !dataSets.some((ds) => ds.periodType === period.type)) {
        conflicts.add(
            {
                object: period.id,
                objects: { period: period.id },
                value: `Period: \`${period.id}\` does not conform to the open periods of associated data sets`,
                errorCode: 'E7644',
                property: 'period',
            },
            index
        )
        return false
    }
    if (
        dataSet &&
        strict('strictDataElements') &&
        !ctx.store.dataElementIdsOfDataSet(dataSet).includes(deId)
    ) {
        const dsId = uidOf(dataSet)
        conflicts.add(
            {
                object: deId,
                objects: { dataElement: deId, dataSet: dsId },
                value: `Data element: \`${deId}\` is not part of dataset: \`${dsId}\``,
                errorCode: 'E7633',
                property: 'dataElement',
            },
            index
        )
        return false
    }
    const latestClosed = dataSets.find((ds) => !isWithinOpenFuture(ds, period, ctx.now()))
    if (latestClosed) {
        conflicts.add(
            {
                object: period.id,
                objects: { period: period.id, dataElement: deId },
                value: `Period: \`${period.id}\` is after latest open future period for data element: \`${deId}\``,
                errorCode: 'E7641',
                property: 'period',
            },
            index
        )
        return false
    }
    const bypass = options.force && user.authorities.includes('ALL')
    const locked = dataSets.find((ds) => isLocked(ctx, uidOf(ds), period.id))
    if (locked && !bypass) {
        conflicts.add(
            {
                object: period.id,
                objects: { period: period.id, dataSet: uidOf(locked) },
                value: `Current date is past expiry days for period: \`${period.id}\` and data set: \`${uidOf(locked)}\``,
                errorCode: 'E7640',
                property: 'period',
            },
            index
        )
        return false
    }
    return true
}

import { SandboxUser } from '../../contract'
import { ModelContext } from '../context'
import { JsonRecord, asString, refId } from '../json'
import { Conflict } from './conflicts'
import { DataImportOptions } from './parse'
import { firstPeriodConflict } from './periodChecks'
import { ResolvedValue, comboOf, dataSetOrgUnits, uidOf } from './resolve'
import { valueTypeError } from '../valueTypes'

type Found = Omit<Conflict, 'indexes'>

interface Checked {
    v: ResolvedValue
    de: JsonRecord
    deId: string
    ouId: string
    period: NonNullable<ResolvedValue['period']>
    cocId: string
    aocId: string
    /** Every data set holding the data element (DHIS2's `DataElement.getDataSets()`). */
    ownSets: JsonRecord[]
}

/** One conflict per identifier type, as `DataValueImportConflict` builds them (objects by type). */
const conflict = (
    errorCode: string,
    value: string,
    objects: Record<string, string>,
    property?: string
): Found => {
    const first = Object.values(objects)[0]
    return {
        ...(first === undefined ? {} : { object: first }),
        objects,
        value,
        errorCode,
        ...(property ? { property } : {}),
    }
}

/** Existence, capture scope, value and comment checks (E7610–E7621), in DHIS2's order. */
function firstInputConflict(
    ctx: ModelContext,
    v: ResolvedValue,
    options: DataImportOptions,
    user: SandboxUser
): Found | undefined {
    if (!v.dataElement) {
        const key = v.dataElementKey ?? 'null'
        return conflict(
            'E7610',
            `Data element not found or not accessible: \`${key}\``,
            { dataElement: key },
            'dataElement'
        )
    }
    if (!v.period) {
        const key = v.periodKey ?? 'null'
        return conflict('E7611', `Period not valid: \`${key}\``, { period: key }, 'period')
    }
    if (!v.orgUnit) {
        const key = v.orgUnitKey ?? 'null'
        return conflict(
            'E7612',
            `Organisation unit not found or not accessible: \`${key}\``,
            { organisationUnit: key },
            'orgUnit'
        )
    }
    if (v.cocKey !== undefined && !v.coc) {
        return conflict(
            'E7613',
            `Category option combo not found or not accessible for writing data: \`${v.cocKey}\``,
            { categoryOptionCombo: v.cocKey },
            'categoryOptionCombo'
        )
    }
    if (v.aocKey !== undefined && !v.aoc) {
        return conflict(
            'E7615',
            `Attribute option combo not found or not accessible for writing data: \`${v.aocKey}\``,
            { attributeOptionCombo: v.aocKey },
            'attributeOptionCombo'
        )
    }
    const deId = uidOf(v.dataElement)
    const ouId = uidOf(v.orgUnit)
    if (!ctx.store.isInHierarchy(ouId, user.organisationUnits)) {
        return conflict(
            'E7617',
            `Organisation unit: \`${ouId}\` not in hierarchy of current user: \`${user.id}\``,
            { organisationUnit: ouId, user: user.id },
            'orgUnit'
        )
    }
    const { value, comment, deleted } = v.input
    // `DataValueEntry.isNullValue()`: neither value nor comment; only a deletion may say nothing.
    if (
        value === undefined &&
        comment === undefined &&
        deleted !== true &&
        options.importStrategy !== 'DELETE'
    ) {
        return conflict(
            'E7618',
            `Data value or comment not specified for data element: \`${deId}\``,
            { dataElement: deId },
            'value'
        )
    }
    if (value !== undefined && value !== '' && options.importStrategy !== 'DELETE') {
        const error = valueTypeError(asString(v.dataElement.valueType) ?? 'TEXT', value)
        if (error) {
            return conflict(
                'E7619',
                `Value must match value type of data element \`${deId}\`: \`${error}\``,
                { dataElement: deId, value: error },
                'value'
            )
        }
    }
    if ((comment?.length ?? 0) > 50_000) {
        return conflict(
            'E7620',
            'Invalid comment: comment_length_greater_than_max_length',
            { dataElement: deId },
            'comment'
        )
    }
    if (value !== undefined && value !== '' && options.importStrategy !== 'DELETE') {
        const codes = ctx.store.optionCodes(refId(v.dataElement.optionSet))
        if (codes && !codes.includes(value)) {
            return conflict(
                'E7621',
                `Data value is not a valid option of the data element option set: \`${deId}\``,
                { dataElement: deId },
                'value'
            )
        }
    }
    return undefined
}

/** The `require*` / `strict*` constraints (E7630–E7636), each only when its setting is on. */
function firstStrictConflict(
    ctx: ModelContext,
    c: Checked,
    options: DataImportOptions,
    dataSet: JsonRecord | undefined
): Found | undefined {
    const strict = (flag: keyof DataImportOptions['strict']) =>
        options.strict[flag] || ctx.strictDataImport
    const { v, deId, ouId, period, cocId, aocId } = c
    if (v.cocKey === undefined && strict('requireCategoryOptionCombo')) {
        return {
            objects: {},
            value: 'Category option combo is required but is not specified',
            errorCode: 'E7630',
            property: 'categoryOptionCombo',
        }
    }
    if (v.aocKey === undefined && strict('requireAttributeOptionCombo')) {
        return {
            objects: {},
            value: 'Attribute option combo is required but is not specified',
            errorCode: 'E7631',
            property: 'attributeOptionCombo',
        }
    }
    // `DataElement.getPeriodTypes()`: the period types of all data sets holding the element.
    if (strict('strictPeriods') && !c.ownSets.some((ds) => ds.periodType === period.type)) {
        return conflict(
            'E7632',
            `Period type of period: \`${period.id}\` not valid for data element: \`${deId}\``,
            { period: period.id, dataElement: deId }
        )
    }
    if (
        dataSet &&
        strict('strictDataElements') &&
        !ctx.store.dataElementIdsOfDataSet(dataSet).includes(deId)
    ) {
        const dsId = uidOf(dataSet)
        return conflict(
            'E7633',
            `Data element: \`${deId}\` is not part of dataset: \`${dsId}\``,
            { dataElement: deId, dataSet: dsId },
            'dataElement'
        )
    }
    if (
        strict('strictCategoryOptionCombos') &&
        !ctx.store.cocIdsOf(comboOf(c.de)).includes(cocId)
    ) {
        return conflict(
            'E7634',
            `Category option combo: \`${cocId}\` must be part of category combo of data element: \`${deId}\``,
            { categoryOptionCombo: cocId, dataElement: deId },
            'categoryOptionCombo'
        )
    }
    // `DataElement.getDataSetCategoryOptionCombos()`: the AOCs of all its data sets.
    if (
        strict('strictAttributeOptionCombos') &&
        !c.ownSets.some((ds) => ctx.store.cocIdsOf(comboOf(ds)).includes(aocId))
    ) {
        return conflict(
            'E7635',
            `Attribute option combo: \`${aocId}\` must be part of category combo of data sets of data element: \`${deId}\``,
            { categoryOptionCombo: aocId, dataElement: deId },
            'attributeOptionCombo'
        )
    }
    // `OrganisationUnit.hasDataElement()`: some data set of the org unit holds the element.
    if (
        strict('strictOrganisationUnits') &&
        !c.ownSets.some((ds) => dataSetOrgUnits(ds).includes(ouId))
    ) {
        return conflict(
            'E7636',
            `Data element: \`${deId}\` must be assigned through data sets to organisation unit: \`${ouId}\``,
            { organisationUnit: ouId, dataElement: deId },
            'orgUnit'
        )
    }
    return undefined
}

/**
 * The per-value checks of DHIS2 2.38–2.42 (`DataValueSetImportValidator`), in its registration
 * order; like DHIS2 it stops at the first conflict of a value. Existence, capture scope, value
 * type/option set, locking and open future periods always apply; the `strict*`/`require*` checks
 * only when the import options (or the server's system settings) turn them on.
 * Returns the conflict that rejects the value, or undefined when it may be written.
 */
export function validateClassic(
    ctx: ModelContext,
    v: ResolvedValue,
    options: DataImportOptions,
    user: SandboxUser,
    dataSet: JsonRecord | undefined
): Found | undefined {
    const input = firstInputConflict(ctx, v, options, user)
    if (input) return input
    const de = v.dataElement
    const period = v.period
    if (!de || !period) return undefined
    const deId = uidOf(de)
    const ownSets = ctx.store.dataSetsOfDataElement(deId)
    const checked: Checked = {
        v,
        de,
        deId,
        ouId: uidOf(v.orgUnit),
        period,
        cocId: uidOf(v.coc),
        aocId: uidOf(v.aoc),
        ownSets,
    }
    return (
        firstStrictConflict(ctx, checked, options, dataSet) ??
        firstPeriodConflict(ctx, { deId, period, dataSet, ownSets }, options, user)
    )
}

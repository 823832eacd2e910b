import { ModelContext } from '../context'
import { JsonRecord } from '../json'
import { Conflict } from './conflicts'
import { DataImportOptions } from './parse'
import { ResolvedValue, comboOf, dataSetOrgUnits, uidOf } from './resolve'
import { valueConflict } from './valueConflict'

type Found = Omit<Conflict, 'indexes'>

/** A value whose identifiers were all found, with what the constraint checks need. */
export interface Checked {
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

/** The `require*` / `strict*` constraints (E7630–E7636), each only when its setting is on. */
export function firstStrictConflict(
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
        return valueConflict(
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
        return valueConflict(
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
        return valueConflict(
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
        return valueConflict(
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
        return valueConflict(
            'E7636',
            `Data element: \`${deId}\` must be assigned through data sets to organisation unit: \`${ouId}\``,
            { organisationUnit: ouId, dataElement: deId },
            'orgUnit'
        )
    }
    return undefined
}

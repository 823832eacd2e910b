import { SandboxUser } from '../../contract'
import { ModelContext } from '../context'
import { JsonRecord, asString, refId } from '../json'
import { Conflict } from './conflicts'
import { DataImportOptions } from './parse'
import { firstPeriodConflict } from './periodChecks'
import { ResolvedValue, uidOf } from './resolve'
import { Checked, firstStrictConflict } from './strictChecks'
import { valueConflict } from './valueConflict'
import { optionAccessConflicts } from './accessChecks'
import { valueTypeError } from '../valueTypes'
import { normalizeBoolean } from './booleans'
import { firstAocConflict } from './aocChecks'

type Found = Omit<Conflict, 'indexes'>

/**
 * Existence, category option access, capture scope, value and comment checks (E7610–E7621), in
 * DHIS2's order; E7614/E7616 give one conflict per unwritable category option.
 */
function firstInputConflicts(
    ctx: ModelContext,
    v: ResolvedValue,
    options: DataImportOptions,
    user: SandboxUser
): Found | Found[] | undefined {
    if (!v.dataElement) {
        const key = v.dataElementKey ?? 'null'
        return valueConflict(
            'E7610',
            `Data element not found or not accessible: \`${key}\``,
            { dataElement: key },
            'dataElement'
        )
    }
    if (!v.period) {
        const key = v.periodKey ?? 'null'
        return valueConflict('E7611', `Period not valid: \`${key}\``, { period: key }, 'period')
    }
    if (!v.orgUnit) {
        const key = v.orgUnitKey ?? 'null'
        return valueConflict(
            'E7612',
            `Organisation unit not found or not accessible: \`${key}\``,
            { organisationUnit: key },
            'orgUnit'
        )
    }
    if (v.cocKey !== undefined && !v.coc) {
        return valueConflict(
            'E7613',
            `Category option combo not found or not accessible for writing data: \`${v.cocKey}\``,
            { categoryOptionCombo: v.cocKey },
            'categoryOptionCombo'
        )
    }
    const cocAccess = optionAccessConflicts(ctx, user, v.coc, v.cocKey, 'categoryOptionCombo')
    if (cocAccess.length > 0) return cocAccess
    if (v.aocKey !== undefined && !v.aoc) {
        return valueConflict(
            'E7615',
            `Attribute option combo not found or not accessible for writing data: \`${v.aocKey}\``,
            { attributeOptionCombo: v.aocKey },
            'attributeOptionCombo'
        )
    }
    const aocAccess = optionAccessConflicts(ctx, user, v.aoc, v.aocKey, 'attributeOptionCombo')
    if (aocAccess.length > 0) return aocAccess
    const deId = uidOf(v.dataElement)
    const ouId = uidOf(v.orgUnit)
    if (!ctx.store.isInHierarchy(ouId, user.organisationUnits)) {
        return valueConflict(
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
        return valueConflict(
            'E7618',
            `Data value or comment not specified for data element: \`${deId}\``,
            { dataElement: deId },
            'value'
        )
    }
    if (value !== undefined && value !== '' && options.importStrategy !== 'DELETE') {
        const valueType = asString(v.dataElement.valueType) ?? 'TEXT'
        const error = valueTypeError(valueType, normalizeBoolean(value, valueType))
        if (error) {
            return valueConflict(
                'E7619',
                `Value must match value type of data element \`${deId}\`: \`${error}\``,
                { dataElement: deId, value: error },
                'value'
            )
        }
    }
    if ((comment?.length ?? 0) > 50_000) {
        return valueConflict(
            'E7620',
            'Invalid comment: comment_length_greater_than_max_length',
            { dataElement: deId },
            'comment'
        )
    }
    if (value !== undefined && value !== '' && options.importStrategy !== 'DELETE') {
        const codes = ctx.store.optionCodes(refId(v.dataElement.optionSet))
        if (codes && !codes.includes(value)) {
            return valueConflict(
                'E7621',
                `Data value is not a valid option of the data element option set: \`${deId}\``,
                { dataElement: deId },
                'value'
            )
        }
    }
    return undefined
}

/**
 * The per-value checks of DHIS2 2.38–2.42 (`DataValueSetImportValidator`), in its registration
 * order; like DHIS2 it stops at the first conflict of a value. Existence, capture scope, value
 * type/option set, locking and open future periods always apply; the `strict*`/`require*` checks
 * only when the import options (or the server's system settings) turn them on.
 * Returns the conflicts that reject the value (none when it may be written).
 */
export function validateClassic(
    ctx: ModelContext,
    v: ResolvedValue,
    options: DataImportOptions,
    user: SandboxUser,
    dataSet: JsonRecord | undefined
): Found[] {
    const input = firstInputConflicts(ctx, v, options, user)
    if (input) return Array.isArray(input) ? input : [input]
    const de = v.dataElement
    const period = v.period
    if (!de || !period) return []
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
    const found =
        firstStrictConflict(ctx, checked, options, dataSet) ??
        firstAocConflict(ctx, v.aoc, period, checked.ouId, {
            period: v.periodKey ?? period.id,
            orgUnit: v.orgUnitKey ?? checked.ouId,
            attributeOptionCombo: v.aocKey,
        }) ??
        firstPeriodConflict(
            ctx,
            {
                deId,
                period,
                orgUnitId: checked.ouId,
                aocId: checked.aocId,
                keys: {
                    period: v.periodKey ?? period.id,
                    orgUnit: v.orgUnitKey ?? checked.ouId,
                    attributeOptionCombo: v.aocKey ?? checked.aocId,
                },
                dataSet,
                ownSets,
            },
            options,
            user
        )
    return found ? [found] : []
}

import { ModelContext } from '../context'
import { asString, refId } from '../json'
import { valueTypeError } from '../valueTypes'
import { Conflict243, conflict243 } from './conflict243'
import { DataImportOptions } from './parse'
import { ResolvedValue } from './resolve'

/**
 * The 2.43 importer's value-level check (§7): a missing value without comment, a value not of
 * the value type or not in the option set, or an over-long comment; the value is then ignored.
 */
export function valueConflict243(
    ctx: ModelContext,
    v: ResolvedValue,
    options: DataImportOptions
): Conflict243 | undefined {
    const i = String(v.input.index)
    const value = v.input.value
    if (options.importStrategy === 'DELETE' || v.input.deleted === true) return undefined
    if (value === undefined || value === '') {
        if (v.input.comment !== undefined) return undefined
        return conflict243('E8120', `Value #${i} has no value; use \`"deleted": true\` to delete`, [
            i,
        ])
    }
    const valueType = asString(v.dataElement?.valueType) ?? 'TEXT'
    const error = valueTypeError(valueType, value)
    if (error)
        return conflict243(
            'E8122',
            `Value #${i} value \`${value}\` is no valid ${valueType}: ${error}`,
            [i, value, valueType, error]
        )
    const optionSet = refId(v.dataElement?.optionSet)
    const codes = optionSet ? ctx.store.optionCodes(optionSet) : undefined
    if (codes && !codes.includes(value))
        return conflict243('E8123', `Value #${i} value \`${value}\` is not a valid option`, [
            i,
            value,
        ])
    if ((v.input.comment?.length ?? 0) > 50_000)
        return conflict243('E8124', `Value #${i} comment is too long`, [i])
    return undefined
}

import { applyFields, parseFields } from './model/fields'
import { isRecord } from './model/json'

/**
 * DHIS2's `fields` parameter applied to the shell's own objects (`/api/me`): the same parser the
 * metadata endpoints use, with no references to resolve. No `fields` means every field.
 */
export function filterFields(value: unknown, fields: string | null | undefined): unknown {
    if (fields === null || fields === undefined || fields.trim() === '') return value
    const spec = parseFields(fields)
    const one = (item: unknown) =>
        isRecord(item) ? applyFields(item, spec, (_property, ref) => ref) : item
    return Array.isArray(value) ? value.map(one) : one(value)
}

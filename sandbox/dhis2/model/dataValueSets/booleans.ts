/**
 * `ValidationUtils.normalizeBoolean`, applied by the data value importer before it validates and
 * stores a value: for BOOLEAN and TRUE_ONLY data elements these spellings become `true`/`false`
 * (TRUE_ONLY takes only the true ones); anything else is left as it came, to fail validation.
 */
const TRUE_VARIANTS = new Set(['true', 'True', 'TRUE', 't', 'T', '1'])
const FALSE_VARIANTS = new Set(['false', 'False', 'FALSE', 'f', 'F', '0'])

export function normalizeBoolean(value: string, valueType: string): string {
    if (valueType !== 'BOOLEAN' && valueType !== 'TRUE_ONLY') return value
    if (FALSE_VARIANTS.has(value) && valueType !== 'TRUE_ONLY') return 'false'
    if (TRUE_VARIANTS.has(value)) return 'true'
    return value
}

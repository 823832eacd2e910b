import { isValidDate, parseDateTime } from './dates'
import { isUid } from './uid'

const MAX_LENGTH = 50_000
const INT_MAX = 2_147_483_647

const isNumber = (v: string) =>
    /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(v) && Number.isFinite(Number(v))
const isInteger = (v: string) => /^(0|[-+]?[1-9]\d*)$/.test(v) && Math.abs(Number(v)) <= INT_MAX

/**
 * DHIS2's value check (`ValidationUtils.valueIsValid`): undefined when valid, else the i18n key the
 * API reports (E7619 `objects.value`, tracker E1007/E1302 messages).
 */
export function valueTypeError(valueType: string, value: string): string | undefined {
    if (value.length > MAX_LENGTH) return 'value_length_greater_than_max_length'
    switch (valueType) {
        case 'NUMBER':
            return isNumber(value) ? undefined : 'value_not_numeric'
        case 'UNIT_INTERVAL':
            return isNumber(value) && Number(value) >= 0 && Number(value) <= 1
                ? undefined
                : 'value_not_unit_interval'
        case 'PERCENTAGE':
            return isNumber(value) && Number(value) >= 0 && Number(value) <= 100
                ? undefined
                : 'value_not_percentage'
        case 'INTEGER':
            return isInteger(value) ? undefined : 'value_not_integer'
        case 'INTEGER_POSITIVE':
            return isInteger(value) && Number(value) > 0 ? undefined : 'value_not_positive_integer'
        case 'INTEGER_NEGATIVE':
            return isInteger(value) && Number(value) < 0 ? undefined : 'value_not_negative_integer'
        case 'INTEGER_ZERO_OR_POSITIVE':
            return isInteger(value) && Number(value) >= 0
                ? undefined
                : 'value_not_zero_or_positive_integer'
        case 'BOOLEAN':
            return ['true', 'false', '1', '0'].includes(value.toLowerCase())
                ? undefined
                : 'value_not_bool'
        case 'TRUE_ONLY':
            return ['true', '1'].includes(value.toLowerCase()) ? undefined : 'value_not_true_only'
        case 'DATE':
        case 'AGE':
            return isValidDate(value.slice(0, 10)) && parseDateTime(value)
                ? undefined
                : 'value_not_valid_date'
        case 'DATETIME':
            return parseDateTime(value) ? undefined : 'value_not_valid_datetime'
        case 'TIME':
            return /^([01]\d|2[0-3]):[0-5]\d(:[0-5]\d)?$/.test(value)
                ? undefined
                : 'value_not_valid_time'
        case 'COORDINATE':
            return /^\[\s*-?\d+(\.\d+)?\s*,\s*-?\d+(\.\d+)?\s*\]$/.test(value)
                ? undefined
                : 'value_not_coordinate'
        case 'EMAIL':
            return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value) ? undefined : 'value_not_valid_email'
        case 'PHONE_NUMBER':
            return /^[0-9+\-() ]{3,50}$/.test(value) ? undefined : 'value_not_valid_phone_number'
        case 'LETTER':
            return /^\p{L}$/u.test(value) ? undefined : 'value_not_valid_letter'
        case 'URL':
            return /^(https?|ftp):\/\/\S+$/.test(value) ? undefined : 'value_not_url'
        case 'ORGANISATION_UNIT':
        case 'FILE_RESOURCE':
        case 'IMAGE':
            return isUid(value) ? undefined : 'value_not_valid_uid'
        default:
            return undefined
    }
}

const NUMERIC_TYPES = new Set([
    'NUMBER',
    'UNIT_INTERVAL',
    'PERCENTAGE',
    'INTEGER',
    'INTEGER_POSITIVE',
    'INTEGER_NEGATIVE',
    'INTEGER_ZERO_OR_POSITIVE',
])

export function isNumericType(valueType: string): boolean {
    return NUMERIC_TYPES.has(valueType)
}

/** DHIS2 stores booleans as `true`/`false` whatever spelling came in. */
export function normaliseValue(valueType: string, value: string): string {
    if (valueType === 'BOOLEAN' || valueType === 'TRUE_ONLY') {
        return value === '1' || value.toLowerCase() === 'true' ? 'true' : 'false'
    }
    return value
}

/**
 * DHIS2's messages quote what they refer to between backticks, and some quote the value that was
 * sent (E1077 quotes a whole attribute value, E1007 a wrong one): a name, a phone number or a
 * megabyte of text then lands in a summary. Quoted UIDs, codes, identifiers, numbers and dates are
 * kept, as a reviewer needs them; any other quoted text (a name, a phone number) is replaced, and
 * the message is kept short.
 */

const KEEP = [
    /^[A-Za-z][A-Za-z0-9]{10}$/, // a UID
    /^[A-Z][A-Z0-9_]*$/, // a value type, a strategy, a code such as DATE or CREATE
    /^[a-z][a-z0-9]*(?:_[a-z0-9]+)+$/, // a message key such as value_length_greater_than_max_length
    /^-?\d{1,10}(?:\.\d+)?$/, // a number (not a phone number)
    /^(?=.*[A-Za-z])(?=.*\d)[A-Za-z0-9][A-Za-z0-9_-]{0,39}$/, // an identifier such as BD-KAL-000123
    /^\d{4}-\d{2}-\d{2}(?:T[\d:.]+Z?)?$/, // a date
    /^\d{6}$|^\d{4}W\d{1,2}$|^\d{4}(?:Q\d|S\d|BiW\d{1,2})$/, // a period
]

export const QUOTED_VALUE = '`…`'
const MAX_LENGTH = 300

export function withoutQuotedValues(message: string): string {
    const quiet = message.replace(/`([^`]*)`/g, (quoted, inner: string) =>
        KEEP.some((pattern) => pattern.test(inner)) ? quoted : QUOTED_VALUE
    )
    return quiet.length > MAX_LENGTH ? `${quiet.slice(0, MAX_LENGTH - 1)}…` : quiet
}

import { Resolve } from './fields'
import { JsonRecord, isRecord, records, refId } from './json'

/** A metadata `filter=prop.path:op:value` (§3.8). */
export interface MetadataFilter {
    path: string[]
    operator: string
    value: string
    /** The last path segment is an attribute UID: match that attribute's value (2.39+). */
    attribute?: boolean
}

const NO_VALUE_OPERATORS = new Set(['null', '!null', 'empty', '!empty'])

/** DHIS2's `QueryParser` spellings that mean the same as another operator. */
const ALIASES: Readonly<Record<string, string>> = {
    gte: 'ge',
    lte: 'le',
    startsWith: '$ilike',
    endsWith: 'ilike$',
}

export function parseFilter(text: string): MetadataFilter | undefined {
    const first = text.indexOf(':')
    if (first < 0) return undefined
    const path = text.slice(0, first).split('.')
    const rest = text.slice(first + 1)
    const second = rest.indexOf(':')
    // Operators are case-sensitive (`EQ` is not one); a few are aliases of others.
    const given = second < 0 ? rest : rest.slice(0, second)
    const operator = ALIASES[given] ?? given
    const value = second < 0 ? '' : rest.slice(second + 1)
    if (second < 0 && !NO_VALUE_OPERATORS.has(operator)) return undefined
    return { path, operator, value }
}

function valuesAt(object: JsonRecord, path: string[], resolve: Resolve): unknown[] {
    const [head, ...rest] = path
    if (head === undefined) return [object]
    const value = object[head]
    if (value === undefined || value === null) return []
    const items = Array.isArray(value) ? value : [value]
    if (rest.length === 0) return items
    return items.flatMap((item) =>
        isRecord(item) ? valuesAt(resolve(head, item), rest, resolve) : []
    )
}

/** The attribute's value on each object the path leads to (`filter={attribute-uid}:op:value`). */
function attributeValuesAt(object: JsonRecord, path: string[], resolve: Resolve): unknown[] {
    const attribute = path[path.length - 1]
    const holders = path.length > 1 ? valuesAt(object, path.slice(0, -1), resolve) : [object]
    return holders.flatMap((holder) =>
        isRecord(holder)
            ? records(holder.attributeValues)
                  .filter((av) => refId(av.attribute) === attribute)
                  .map((av) => av.value)
                  .filter((value) => value !== undefined && value !== null)
            : []
    )
}

/** `identifiable:op:value` matches on id, code, name or shortName (DHIS2's `identifiable` path). */
const IDENTIFIABLE = ['id', 'code', 'name', 'shortName']

function filterValues(object: JsonRecord, filter: MetadataFilter, resolve: Resolve): unknown[] {
    if (filter.attribute) return attributeValuesAt(object, filter.path, resolve)
    if (filter.path.join('.') === 'identifiable') {
        return IDENTIFIABLE.flatMap((property) => valuesAt(object, [property], resolve))
    }
    return valuesAt(object, filter.path, resolve)
}

function text(value: unknown): string | undefined {
    if (typeof value === 'string') return value
    if (typeof value === 'number' || typeof value === 'boolean') return String(value)
    return undefined
}

function listValue(value: string): string[] {
    const inner = value.startsWith('[') && value.endsWith(']') ? value.slice(1, -1) : value
    return inner.split(',')
}

function compare(operator: string, actual: string, expected: string): boolean {
    const numeric = Number(actual) - Number(expected)
    const ordered = Number.isNaN(numeric) ? actual.localeCompare(expected) : numeric
    switch (operator) {
        case 'eq':
            return actual === expected
        case 'ieq':
            return actual.toLowerCase() === expected.toLowerCase()
        case 'like':
            return actual.includes(expected)
        case 'ilike':
        case 'token':
            return actual.toLowerCase().includes(expected.toLowerCase())
        case '$like':
            return actual.startsWith(expected)
        case '$ilike':
            return actual.toLowerCase().startsWith(expected.toLowerCase())
        case 'like$':
            return actual.endsWith(expected)
        case 'ilike$':
            return actual.toLowerCase().endsWith(expected.toLowerCase())
        case 'in':
            return listValue(expected).includes(actual)
        case 'gt':
            return ordered > 0
        case 'ge':
            return ordered >= 0
        case 'lt':
            return ordered < 0
        case 'le':
            return ordered <= 0
        default:
            return false
    }
}

const NEGATIONS: Readonly<Record<string, string>> = {
    '!eq': 'eq',
    ne: 'eq',
    neq: 'eq',
    '!like': 'like',
    '!ilike': 'ilike',
    '!in': 'in',
    '!$like': '$like',
    '!$ilike': '$ilike',
    '!like$': 'like$',
    '!ilike$': 'ilike$',
    '!token': 'token',
}

export function matchesFilter(
    object: JsonRecord,
    filter: MetadataFilter,
    resolve: Resolve
): boolean {
    const values = filterValues(object, filter, resolve)
    switch (filter.operator) {
        case 'null':
            return values.length === 0
        case '!null':
            return values.length > 0
        case 'empty':
            return values.length === 0
        case '!empty':
            return values.length > 0
    }
    const negated = NEGATIONS[filter.operator]
    const operator = negated ?? filter.operator
    const hit = values.some((value) => {
        const actual = text(value)
        return actual !== undefined && compare(operator, actual, filter.value)
    })
    return negated ? !hit : hit
}

/** The operators of DHIS2's metadata `QueryParser`; any other is "`op` is not a valid operator." */
export function isKnownOperator(operator: string): boolean {
    return (
        NO_VALUE_OPERATORS.has(operator) ||
        operator in NEGATIONS ||
        [
            'eq',
            'ieq',
            'like',
            'ilike',
            'token',
            '$like',
            '$ilike',
            'like$',
            'ilike$',
            'in',
            'gt',
            'ge',
            'lt',
            'le',
        ].includes(operator)
    )
}

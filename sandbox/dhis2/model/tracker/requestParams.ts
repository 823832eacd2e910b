import { Dhis2Minor } from '../../contract'
import { isUid } from '../uid'
import { TrackerStrategy } from './validation'

/**
 * The query parameters of `POST /api/tracker`, read as DHIS2 binds them, with the 400 message a
 * wrong value gets.
 *
 * 2.40+: `ImportRequestParams` (2.40 `RequestParams`) is bound by Spring's WebDataBinder with the
 * `CrudControllerAdvice.initBinder` editors: enums case-insensitive (`ConvertEnum`,
 * `EnumUtils.getEnumIgnoreCase`), idSchemes through `IdSchemeParamEditor`, booleans through
 * Spring's `CustomBooleanEditor`. The first failing field (the request's parameter order) is
 * answered by `handleBindException` → `handleTypeMismatchException`: "Value 'X' is not valid for
 * parameter p. Valid values are: [..]" ("p cannot be empty." for an empty value).
 * 2.38–2.39: `TrackerImportParamsValidator.validateRequest` checks importMode, importStrategy,
 * atomicMode, flushMode, validationMode, idScheme and reportMode in that order, case-sensitively
 * (Guava `Enums.getIfPresent`), answered by `CrudControllerAdvice.getEnumWebMessage`:
 * "Value X is not a valid p. Valid values are: [..]".
 */

export type ReportMode = 'FULL' | 'ERRORS' | 'WARNINGS'

export interface TrackerParams {
    importMode: 'COMMIT' | 'VALIDATE'
    importStrategy: TrackerStrategy
    atomicMode: 'ALL' | 'OBJECT'
    flushMode: 'OBJECT' | 'AUTO'
    validationMode: 'FULL' | 'FAIL_FAST' | 'SKIP'
    reportMode: ReportMode
    skipPatternValidation: boolean
    skipSideEffects: boolean
    skipRuleEngine: boolean
}

export const DEFAULT_TRACKER_PARAMS: TrackerParams = {
    importMode: 'COMMIT',
    importStrategy: 'CREATE_AND_UPDATE',
    atomicMode: 'ALL',
    flushMode: 'AUTO',
    validationMode: 'FULL',
    reportMode: 'ERRORS',
    skipPatternValidation: false,
    skipSideEffects: false,
    skipRuleEngine: false,
}

const REPORT_MODES: readonly ReportMode[] = ['FULL', 'ERRORS', 'WARNINGS']

/** Enum constants in declaration order (the order DHIS2 lists them in its message). */
function enumValues(minor: Dhis2Minor): Record<string, readonly string[]> {
    return {
        importMode: ['COMMIT', 'VALIDATE'],
        // PATCH was a constant of TrackerImportStrategy until 2.40.
        importStrategy:
            minor <= 40
                ? ['CREATE', 'UPDATE', 'PATCH', 'CREATE_AND_UPDATE', 'DELETE']
                : ['CREATE', 'UPDATE', 'CREATE_AND_UPDATE', 'DELETE'],
        atomicMode: ['ALL', 'OBJECT'],
        flushMode: ['OBJECT', 'AUTO'],
        validationMode: ['FULL', 'FAIL_FAST', 'SKIP'],
        reportMode: REPORT_MODES,
    }
}

const BOOLEAN_PARAMS = ['skipPatternValidation', 'skipSideEffects', 'skipRuleEngine'] as const
type BooleanParam = (typeof BOOLEAN_PARAMS)[number]
const isBooleanParam = (name: string): name is BooleanParam =>
    (BOOLEAN_PARAMS as readonly string[]).includes(name)

const ID_SCHEME_PARAMS = [
    'idScheme',
    'dataElementIdScheme',
    'orgUnitIdScheme',
    'programIdScheme',
    'programStageIdScheme',
    'categoryOptionComboIdScheme',
    'categoryOptionIdScheme',
]

const ID_SCHEMES_MESSAGE = 'Valid values are: [UID, CODE, NAME, ATTRIBUTE:attributeUid]'

/** 2.40+ `getNotValidValueMessage`. */
const notValid = (name: string, value: string): string =>
    value === ''
        ? `${name} cannot be empty.`
        : `Value '${value}' is not valid for parameter ${name}.`

/** Spring's `CustomBooleanEditor` (trimmed, case-insensitive). */
function parseBoolean(value: string): boolean | undefined {
    const text = value.trim().toLowerCase()
    if (['true', 'on', 'yes', '1'].includes(text)) return true
    if (['false', 'off', 'no', '0'].includes(text)) return false
    return undefined
}

/** `IdSchemeParamEditor.setAsText`: UID, CODE, NAME or ATTRIBUTE:<uid>. */
function isIdScheme(value: string): boolean {
    const parts = value.split(':')
    const [scheme, attribute] = parts
    if (!scheme || !['UID', 'CODE', 'NAME', 'ATTRIBUTE'].includes(scheme)) return false
    if (parts.length > 2) return false
    if (attribute !== undefined && !isUid(attribute)) return false
    return (scheme === 'ATTRIBUTE') === (attribute !== undefined)
}

export type ParamsResult = { params: TrackerParams } | { badRequest: string }

function readBound(query: URLSearchParams, minor: Dhis2Minor): ParamsResult {
    const params: TrackerParams = { ...DEFAULT_TRACKER_PARAMS }
    const enums = enumValues(minor)
    const seen = new Set<string>()
    for (const [name, value] of query) {
        // A repeated parameter binds its first value.
        if (seen.has(name)) continue
        seen.add(name)
        const allowed = enums[name]
        if (allowed) {
            const match = allowed.find((option) => option === value.toUpperCase())
            if (match === undefined)
                return {
                    badRequest: `${notValid(name, value)} Valid values are: [${allowed.join(', ')}]`,
                }
            setEnum(params, name, match)
        } else if (isBooleanParam(name)) {
            const flag = parseBoolean(value)
            if (flag === undefined)
                return { badRequest: `${notValid(name, value)} It should be of type boolean` }
            params[name] = flag
        } else if (ID_SCHEME_PARAMS.includes(name) && !isIdScheme(value)) {
            return { badRequest: `${notValid(name, value)} ${ID_SCHEMES_MESSAGE}` }
        }
    }
    return { params }
}

function readValidated(query: URLSearchParams, minor: Dhis2Minor): ParamsResult {
    const params: TrackerParams = { ...DEFAULT_TRACKER_PARAMS }
    const enums = enumValues(minor)
    const order = ['importMode', 'importStrategy', 'atomicMode', 'flushMode', 'validationMode']
    const checks: Array<[string, readonly string[]]> = [
        ...order.map((name): [string, readonly string[]] => [name, enums[name] ?? []]),
        ['idScheme', ['UID', 'CODE', 'NAME', 'ATTRIBUTE']],
        ['reportMode', REPORT_MODES],
    ]
    for (const [name, allowed] of checks) {
        const value = query.get(name)
        if (value === null) continue
        if (name === 'idScheme' && value.startsWith('ATTRIBUTE:')) continue
        if (!allowed.includes(value))
            return {
                badRequest: `Value ${value} is not a valid ${name}. Valid values are: [${allowed.join(', ')}]`,
            }
        setEnum(params, name, value)
    }
    for (const name of BOOLEAN_PARAMS) {
        const value = query.get(name)
        if (value !== null) params[name] = value.toLowerCase() === 'true'
    }
    return { params }
}

function setEnum(params: TrackerParams, name: string, value: string): void {
    switch (name) {
        case 'importMode':
            params.importMode = value === 'VALIDATE' ? 'VALIDATE' : 'COMMIT'
            break
        case 'importStrategy':
            // PATCH (until 2.40) is read as UPDATE: the sandbox has no partial update.
            params.importStrategy =
                value === 'PATCH' ? 'UPDATE' : (enumMatch(value) ?? 'CREATE_AND_UPDATE')
            break
        case 'atomicMode':
            params.atomicMode = value === 'OBJECT' ? 'OBJECT' : 'ALL'
            break
        case 'flushMode':
            params.flushMode = value === 'OBJECT' ? 'OBJECT' : 'AUTO'
            break
        case 'validationMode':
            params.validationMode =
                value === 'SKIP' ? 'SKIP' : value === 'FAIL_FAST' ? 'FAIL_FAST' : 'FULL'
            break
        case 'reportMode':
            params.reportMode = REPORT_MODES.find((mode) => mode === value) ?? 'ERRORS'
            break
    }
}

const STRATEGIES: readonly TrackerStrategy[] = ['CREATE', 'UPDATE', 'CREATE_AND_UPDATE', 'DELETE']
const enumMatch = (value: string): TrackerStrategy | undefined =>
    STRATEGIES.find((strategy) => strategy === value)

/** The import's parameters, or the 400 message DHIS2 answers a wrong one with. */
export function readTrackerParams(query: URLSearchParams, minor: Dhis2Minor): ParamsResult {
    return minor >= 40 ? readBound(query, minor) : readValidated(query, minor)
}

/**
 * `GET /api/tracker/jobs/{uid}/report?reportMode=`: a `@RequestParam` enum, converted by
 * `ConvertEnum` from 2.40 (case-insensitive; `methodArgumentTypeMismatchException`), by Spring's
 * case-sensitive enum converter before (`getEnumWebMessage`).
 */
export function readReportMode(
    query: URLSearchParams,
    minor: Dhis2Minor
): { reportMode: ReportMode } | { badRequest: string } {
    const value = query.get('reportMode')
    if (value === null) return { reportMode: 'ERRORS' }
    const wanted = minor >= 40 ? value.toUpperCase() : value.trim()
    const reportMode = REPORT_MODES.find((mode) => mode === wanted)
    if (reportMode) return { reportMode }
    const valid = `Valid values are: [${REPORT_MODES.join(', ')}]`
    return {
        badRequest:
            minor >= 40
                ? `${notValid('reportMode', value)} ${valid}`
                : `Value ${value} is not a valid reportMode. ${valid}`,
    }
}

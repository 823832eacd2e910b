import { JsonRecord, asBoolean, asString, asText, isRecord } from '../json'
import { IdScheme, parseIdScheme } from '../metadata/store'

export type DataImportStrategy = 'CREATE_AND_UPDATE' | 'CREATE' | 'UPDATE' | 'DELETE'

export const STRICT_FLAGS = [
    'strictPeriods',
    'strictDataElements',
    'strictCategoryOptionCombos',
    'strictAttributeOptionCombos',
    'strictOrganisationUnits',
    'requireCategoryOptionCombo',
    'requireAttributeOptionCombo',
] as const
export type StrictFlag = (typeof STRICT_FLAGS)[number]

export interface IdSchemes {
    dataElement: IdScheme
    orgUnit: IdScheme
    categoryOptionCombo: IdScheme
    attributeOptionCombo: IdScheme
    dataSet: IdScheme
    /** Only the schemes the client named, for `importOptions.idSchemes`. */
    given: Record<string, string>
}

export interface DataImportOptions {
    dryRun: boolean
    async: boolean
    force: boolean
    importStrategy: DataImportStrategy
    idSchemes: IdSchemes
    strict: Record<StrictFlag, boolean>
    skipExistingCheck: boolean
    skipAudit: boolean
}

export interface InputDataValue {
    index: number
    dataElement?: string
    period?: string
    orgUnit?: string
    categoryOptionCombo?: string
    attributeOptionCombo?: string
    value?: string
    comment?: string
    followup?: boolean
    deleted?: boolean
}

export interface InputDataValueSet {
    dataSet?: string
    period?: string
    orgUnit?: string
    attributeOptionCombo?: string
    completeDate?: string
    values: InputDataValue[]
}

const STRATEGIES: readonly DataImportStrategy[] = [
    'CREATE_AND_UPDATE',
    'CREATE',
    'UPDATE',
    'DELETE',
]

/** ImportStrategy's legacy names, still accepted: NEW, UPDATES, NEW_AND_UPDATES, DELETES. */
const LEGACY_STRATEGIES: Record<string, DataImportStrategy> = {
    NEW: 'CREATE',
    UPDATES: 'UPDATE',
    NEW_AND_UPDATES: 'CREATE_AND_UPDATE',
    DELETES: 'DELETE',
}

/** Params may come as query parameters or root attributes of the payload (§3.1). */
export function parseOptions(query: URLSearchParams, root: JsonRecord): DataImportOptions {
    const param = (name: string): string | undefined =>
        asText(root[name]) ?? query.get(name) ?? undefined
    const flag = (name: string): boolean => asBoolean(param(name)) ?? false
    const strategyText = param('importStrategy')?.toUpperCase()
    const importStrategy =
        STRATEGIES.find((s) => s === strategyText) ??
        LEGACY_STRATEGIES[strategyText ?? ''] ??
        'CREATE_AND_UPDATE'
    const given: Record<string, string> = {}
    const scheme = (name: string): IdScheme | undefined => {
        const parsed = parseIdScheme(param(name))
        if (parsed) given[name] = param(name)?.toUpperCase() ?? ''
        return parsed
    }
    const general = scheme('idScheme') ?? { type: 'UID' }
    const strict: Record<StrictFlag, boolean> = {
        strictPeriods: flag('strictPeriods'),
        strictDataElements: flag('strictDataElements'),
        strictCategoryOptionCombos: flag('strictCategoryOptionCombos'),
        strictAttributeOptionCombos: flag('strictAttributeOptionCombos'),
        strictOrganisationUnits: flag('strictOrganisationUnits'),
        requireCategoryOptionCombo: flag('requireCategoryOptionCombo'),
        requireAttributeOptionCombo: flag('requireAttributeOptionCombo'),
    }
    return {
        dryRun: flag('dryRun'),
        async: flag('async'),
        force: flag('force'),
        importStrategy,
        idSchemes: {
            dataElement: scheme('dataElementIdScheme') ?? general,
            orgUnit: scheme('orgUnitIdScheme') ?? general,
            categoryOptionCombo: scheme('categoryOptionComboIdScheme') ?? general,
            attributeOptionCombo:
                scheme('attributeOptionComboIdScheme') ??
                scheme('categoryOptionComboIdScheme') ??
                general,
            dataSet: scheme('dataSetIdScheme') ?? general,
            given,
        },
        strict,
        skipExistingCheck: flag('skipExistingCheck'),
        skipAudit: flag('skipAudit'),
    }
}

/**
 * Jackson as DHIS2 configures it (`JacksonObjectMapperConfig`, `EmptyStringToNullStdDeserializer`)
 * reads an empty JSON string as null, for every string field: `"value": ""` is no value.
 */
const given = (value: unknown): string | undefined => {
    const text = asString(value)
    return text === '' ? undefined : text
}

/**
 * `emptyIsAbsent` is JSON's rule; CSV cells come as they are (javacsv's `CsvReader.get` gives "" for
 * an empty cell: a value or comment that is there but empty, not a value "not specified").
 */
export function parseDataValueSet(
    body: unknown,
    emptyIsAbsent = true
): InputDataValueSet | undefined {
    const text = emptyIsAbsent ? given : asString
    if (!isRecord(body)) return undefined
    const rawValues = body.dataValues
    if (rawValues !== undefined && !Array.isArray(rawValues)) return undefined
    const values: InputDataValue[] = (rawValues ?? []).map((raw: unknown, index: number) => {
        const v = isRecord(raw) ? raw : {}
        return {
            index,
            dataElement: given(v.dataElement),
            period: given(v.period),
            orgUnit: given(v.orgUnit),
            categoryOptionCombo: given(v.categoryOptionCombo),
            attributeOptionCombo: given(v.attributeOptionCombo),
            value: text(asText(v.value)),
            comment: text(v.comment),
            followup: asBoolean(v.followup),
            deleted: asBoolean(v.deleted),
        }
    })
    return {
        dataSet: given(body.dataSet),
        period: given(body.period),
        orgUnit: given(body.orgUnit),
        attributeOptionCombo: given(body.attributeOptionCombo),
        completeDate: given(body.completeDate),
        values,
    }
}

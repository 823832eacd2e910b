import { z } from 'zod'
import type {
    AggregateMapping,
    AttributeMapping,
    ConnectorSettings,
    DataSetMapping,
    IndicatorRule,
    Mappings,
    OrgUnitMapping,
    ProgramMapping,
    TrackerMapping,
    ValueSource,
} from '../../core/config/types'
import { MIN_UID_SALT_LENGTH } from '../../core/config/defaults'
import { DHIS2_UID_PATTERN } from '../../core/uid'

/**
 * Runtime schemas of the configuration kept in the dataStore (src/core/config/types.ts, version 1).
 * Objects are strict: a misspelt key in an imported JSON is reported, not silently ignored.
 * `SchemasMatchTypes` at the end fails to compile when the schemas and the types drift apart.
 */

const shown = (input: unknown) => {
    const text = JSON.stringify(input) ?? String(input)
    return text.length > 40 ? `${text.slice(0, 40)}…` : text
}

const uid = z.string({ error: 'expected a DHIS2 UID' }).regex(DHIS2_UID_PATTERN, {
    error: (issue) =>
        `expected a DHIS2 UID (11 letters and digits, starting with a letter), not ${shown(issue.input)}`,
})

const text = z.string().trim().min(1, { error: 'must not be empty' })

const wholeNumber = (min: number, max: number) =>
    z
        .number()
        .int({ error: 'must be a whole number' })
        .min(min, { error: `must be at least ${min}` })
        .max(max, { error: `must be at most ${max}` })

/** The first member of a discriminated union names what the object is; say which ones exist. */
const oneOf = (key: string, values: readonly string[]) => ({
    error: `'${key}' must be one of: ${values.join(', ')}`,
})

function isTimeZone(zone: string): boolean {
    try {
        new Intl.DateTimeFormat('en', { timeZone: zone })
        return true
    } catch {
        return false
    }
}

const httpUrl = z.string().refine((value) => /^https?:\/\/[^\s/]+/.test(value), {
    error: 'expected an http(s) address such as https://opensrp.example.org/opensrp',
})

export const settingsSchema = z.strictObject({
    version: z.literal(1),
    opensrp: z.discriminatedUnion(
        'mode',
        [
            z.strictObject({
                mode: z.literal('route'),
                routeCode: z.string().regex(/^[A-Za-z0-9_-]+$/, {
                    error: 'expected a route code (letters, digits, - and _)',
                }),
            }),
            z.strictObject({ mode: z.literal('direct'), baseUrl: httpUrl }),
        ],
        oneOf('mode', ['route', 'direct'])
    ),
    events: z.discriminatedUnion(
        'endpoint',
        [
            z.strictObject({ endpoint: z.literal('getAll'), eventType: text.optional() }),
            z.strictObject({
                endpoint: z.literal('sync'),
                locationIds: z.array(text).min(1, { error: 'name at least one location' }),
            }),
        ],
        oneOf('endpoint', ['getAll', 'sync'])
    ),
    timeZone: z.string().refine(isTimeZone, {
        error: (issue) => `expected a time zone such as Asia/Dhaka, not ${shown(issue.input)}`,
    }),
    uidSalt: z.string().min(MIN_UID_SALT_LENGTH, {
        error: `must have at least ${MIN_UID_SALT_LENGTH} characters (keep the generated one)`,
    }),
    pageSize: wholeNumber(1, 10_000),
    trackerBatchSize: wholeNumber(1, 10_000),
    aggregateBatchSize: wholeNumber(1, 100_000),
    trackerWriter: z.enum(['auto', 'tracker', 'legacy']),
    maxAttempts: wholeNumber(1, 100),
})

const orgUnitMapping = z.strictObject({
    explicit: z.record(text, uid),
    rules: z.array(
        z.discriminatedUnion(
            'by',
            [
                z.strictObject({ by: z.literal('uid') }),
                z.strictObject({ by: z.literal('attribute'), attribute: uid }),
                z.strictObject({ by: z.literal('code') }),
                z.strictObject({ by: z.literal('name') }),
            ],
            oneOf('by', ['uid', 'attribute', 'code', 'name'])
        )
    ),
})

const CLIENT_FIELDS = [
    'firstName',
    'middleName',
    'lastName',
    'gender',
    'birthdate',
    'deathdate',
    'clientType',
] as const

const VALUE_SOURCES = [
    'baseEntityId',
    'field',
    'identifier',
    'attribute',
    'firstOf',
    'concat',
    'mother',
    'constant',
]

const valueSource: z.ZodType<ValueSource> = z.lazy(() =>
    z.discriminatedUnion(
        'from',
        [
            z.strictObject({ from: z.literal('baseEntityId') }),
            z.strictObject({ from: z.literal('field'), field: z.enum(CLIENT_FIELDS) }),
            z.strictObject({ from: z.literal('identifier'), name: text }),
            z.strictObject({ from: z.literal('attribute'), name: text }),
            z.strictObject({
                from: z.literal('firstOf'),
                sources: z.array(valueSource).min(1, { error: 'name at least one source' }),
            }),
            z.strictObject({
                from: z.literal('concat'),
                sources: z.array(valueSource).min(1, { error: 'name at least one source' }),
                separator: z.string(),
            }),
            z.strictObject({ from: z.literal('mother'), source: valueSource }),
            z.strictObject({ from: z.literal('constant'), value: z.string() }),
        ],
        oneOf('from', VALUE_SOURCES)
    )
)

const valueTransform = z.discriminatedUnion(
    'type',
    [
        z.strictObject({ type: z.literal('date') }),
        z.strictObject({ type: z.literal('optionMap'), map: z.record(z.string(), text) }),
        z.strictObject({ type: z.literal('trim') }),
        z.strictObject({ type: z.literal('placeholder'), values: z.array(z.string()) }),
    ],
    oneOf('type', ['date', 'optionMap', 'trim', 'placeholder'])
)

const attributeMapping = z.strictObject({
    attribute: uid,
    label: z.string().optional(),
    source: valueSource,
    transform: z.array(valueTransform).optional(),
    mandatory: z.boolean(),
})

const clientSelector = z.discriminatedUnion(
    'type',
    [
        z.strictObject({ type: z.literal('mother'), identifiers: z.array(text).optional() }),
        z.strictObject({ type: z.literal('child') }),
        z.strictObject({ type: z.literal('clientType'), value: text }),
        z.strictObject({ type: z.literal('all') }),
    ],
    oneOf('type', ['mother', 'child', 'clientType', 'all'])
)

const clientDate = z.enum(['birthdate', 'dateCreated'])

const programMapping = z.strictObject({
    program: uid,
    selector: clientSelector,
    enrolledAt: clientDate,
    occurredAt: clientDate.optional(),
    attributes: z.array(attributeMapping),
    vaccinations: z
        .strictObject({
            programStage: uid,
            antigens: z.array(text).min(1, { error: 'name at least one antigen' }),
            vaccineDataElement: uid,
            vaccineCodes: z.record(text, text),
            doseDataElement: uid.optional(),
            sourceIdDataElement: uid.optional(),
        })
        .optional(),
})

const trackerMapping = z.strictObject({
    trackedEntityType: uid,
    idAttribute: uid,
    attributes: z.array(attributeMapping),
    programs: z.array(programMapping).min(1, { error: 'map at least one program' }),
    motherChildRelationshipType: uid.optional(),
    addressFacilityField: text.optional(),
})

const disaggregation = z.enum(['none', 'sex'])

const indicatorTarget = {
    dataElement: uid,
    disaggregation,
    categoryOptionCombo: uid.optional(),
}

const indicatorRule = z.discriminatedUnion(
    'type',
    [
        z.strictObject({
            type: z.literal('dose'),
            antigen: text,
            dose: wholeNumber(0, 99).optional(),
            ...indicatorTarget,
        }),
        z.strictObject({ type: z.literal('eventCount'), eventType: text, ...indicatorTarget }),
        z.strictObject({
            type: z.literal('obsValue'),
            eventType: text,
            field: text,
            values: z.array(text).min(1, { error: 'name at least one value' }),
            ...indicatorTarget,
        }),
        z.strictObject({
            type: z.literal('obsBelow'),
            eventType: text,
            field: text,
            threshold: z.number().finite(),
            ...indicatorTarget,
        }),
    ],
    oneOf('type', ['dose', 'eventCount', 'obsValue', 'obsBelow'])
)

const dataSetMapping = z.strictObject({
    dataSet: uid,
    periodType: z.enum([
        'Monthly',
        'Weekly',
        'WeeklyWednesday',
        'WeeklyThursday',
        'WeeklySaturday',
        'WeeklySunday',
    ]),
    attributeOptionCombo: uid,
    sexCategoryOptionCombos: z.strictObject({ male: uid, female: uid }).optional(),
    defaultCategoryOptionCombo: uid,
    indicators: z.array(indicatorRule),
})

const aggregateMapping = z.strictObject({
    dataSets: z.array(dataSetMapping),
    closeAfterDays: wholeNumber(0, 366),
})

export const mappingsSchema = z.strictObject({
    version: z.literal(1),
    orgUnits: orgUnitMapping,
    antigens: z.array(
        z.strictObject({
            antigen: text,
            parentCodes: z.array(text),
            fieldPrefixes: z.array(text),
        })
    ),
    outOfAreaKeep: z.enum(['vaccinating-site', 'home']),
    tracker: trackerMapping.optional(),
    aggregate: aggregateMapping.optional(),
})

/** Identical types, optional keys included (mutual assignability would let an optional key go missing). */
type Same<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false
type Expect<T extends true> = T

/** Compiles only while every schema produces exactly its type. */
export type SchemasMatchTypes = [
    Expect<Same<z.infer<typeof settingsSchema>, ConnectorSettings>>,
    Expect<Same<z.infer<typeof mappingsSchema>, Mappings>>,
    Expect<Same<z.infer<typeof orgUnitMapping>, OrgUnitMapping>>,
    Expect<Same<z.infer<typeof attributeMapping>, AttributeMapping>>,
    Expect<Same<z.infer<typeof programMapping>, ProgramMapping>>,
    Expect<Same<z.infer<typeof trackerMapping>, TrackerMapping>>,
    Expect<Same<z.infer<typeof indicatorRule>, IndicatorRule>>,
    Expect<Same<z.infer<typeof dataSetMapping>, DataSetMapping>>,
    Expect<Same<z.infer<typeof aggregateMapping>, AggregateMapping>>,
]

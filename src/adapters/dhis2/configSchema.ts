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
} from '../../core/config/types'
import { MIN_UID_SALT_LENGTH } from '../../core/config/defaults'
import { oneOf, shown, text, uid, wholeNumber } from './configSchemaParts'
import { attributeMapping, programMapping, trackerMapping } from './trackerMappingSchema'

/**
 * Runtime schemas of the configuration kept in the dataStore (src/core/config/types.ts, version 1).
 * Objects are strict: a misspelt key in an imported JSON is reported, not silently ignored.
 * `SchemasMatchTypes` at the end fails to compile when the schemas and the types drift apart.
 */

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

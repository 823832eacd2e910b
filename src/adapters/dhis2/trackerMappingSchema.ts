import { z } from 'zod'
import type { ValueSource } from '../../core/config/types'
import { oneOf, text, uid } from './configSchemaParts'

/** The tracker part of the mappings schema (src/core/config/types.ts TrackerMapping). */

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

export const attributeMapping = z.strictObject({
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

export const programMapping = z.strictObject({
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

export const trackerMapping = z.strictObject({
    trackedEntityType: uid,
    idAttribute: uid,
    attributes: z.array(attributeMapping),
    programs: z.array(programMapping).min(1, { error: 'map at least one program' }),
    motherChildRelationshipType: uid.optional(),
    addressFacilityField: text.optional(),
})

import { z } from 'zod'
import type {
    CategoryComboFacts,
    DataSetFacts,
    Dhis2OrgUnit,
    MetadataAttributeFacts,
    OptionSetFacts,
    ProgramFacts,
    RelationshipConstraintFacts,
    RelationshipTypeFacts,
    TrackedEntityAttributeFacts,
    TrackedEntityTypeFacts,
} from '../../core/ports/metadata'

/**
 * What metadata.ts asks DHIS2 for (`fields`, reference/dhis2-api.md §3.8) and the schemas of the
 * answers, turned into the core's fact types. JSON omits null properties, and an object the user
 * may only partly see can lack a name: names fall back to the UID, flags to DHIS2's defaults.
 */

const OPTION_SET = 'optionSet[id,options[code]]'
const COMBO = 'categoryCombo[id,name,categoryOptionCombos[id,name]]'
const ATTRIBUTE = `id,name,unique,valueType,${OPTION_SET}`

export const FIELDS = {
    orgUnit: 'id,code,name,path,level,attributeValues[attribute[id],value]',
    dataSet:
        `id,name,periodType,openFuturePeriods,expiryDays,${COMBO},` +
        `dataSetElements[${COMBO},dataElement[id,name,valueType,${OPTION_SET},${COMBO}]],` +
        'organisationUnits[id]',
    program:
        'id,name,programType,displayIncidentDate,trackedEntityType[id],' +
        `programTrackedEntityAttributes[mandatory,trackedEntityAttribute[${ATTRIBUTE}]],` +
        `programStages[id,name,programStageDataElements[compulsory,dataElement[id,name,valueType,${OPTION_SET}]]],` +
        'organisationUnits[id]',
    trackedEntityType: `id,name,trackedEntityTypeAttributes[mandatory,trackedEntityAttribute[${ATTRIBUTE}]]`,
    relationshipType:
        'id,name,bidirectional,fromConstraint[relationshipEntity,trackedEntityType[id]],' +
        'toConstraint[relationshipEntity,trackedEntityType[id]]',
    attribute: 'id,name,unique,organisationUnitAttribute',
} as const

const ref = z.object({ id: z.string() })
const named = { id: z.string(), name: z.string().optional() }
const nameOf = (object: { id: string; name?: string | undefined }) => object.name || object.id
const ids = z
    .array(ref)
    .optional()
    .transform((refs) => (refs ?? []).map((r) => r.id))

const optionSet = z
    .object({
        id: z.string(),
        options: z.array(z.object({ code: z.string().optional() })).optional(),
    })
    .transform((set): OptionSetFacts => ({
        id: set.id,
        codes: (set.options ?? []).flatMap((o) => (o.code === undefined ? [] : [o.code])),
    }))

const categoryCombo = z
    .object({ ...named, categoryOptionCombos: z.array(z.object(named)).optional() })
    .transform((combo): CategoryComboFacts => ({
        id: combo.id,
        name: nameOf(combo),
        categoryOptionCombos: (combo.categoryOptionCombos ?? []).map((coc) => ({
            id: coc.id,
            name: nameOf(coc),
        })),
    }))

/** Up to 2.41 a list of `{attribute, value}`; tolerated as a map keyed by attribute UID too. */
const attributeValues = z
    .union([
        z.array(
            z.object({ attribute: ref, value: z.union([z.string(), z.number(), z.boolean()]) })
        ),
        z.record(z.string(), z.object({ value: z.union([z.string(), z.number(), z.boolean()]) })),
    ])
    .optional()
    .transform((values) =>
        Array.isArray(values)
            ? values.map((v) => ({ attribute: v.attribute.id, value: String(v.value) }))
            : Object.entries(values ?? {}).map(([attribute, v]) => ({
                  attribute,
                  value: String(v.value),
              }))
    )

export const orgUnitSchema = z
    .object({
        id: z.string(),
        code: z.string().optional(),
        name: z.string().optional(),
        path: z.string(),
        level: z.number().int(),
        attributeValues,
    })
    .transform((unit): Dhis2OrgUnit => ({
        id: unit.id,
        ...(unit.code === undefined ? {} : { code: unit.code }),
        name: nameOf(unit),
        path: unit.path,
        level: unit.level,
        attributeValues: unit.attributeValues,
    }))

const dataElement = z
    .object({ ...named, valueType: z.string(), optionSet: optionSet.optional(), categoryCombo })
    .transform((element) => ({
        id: element.id,
        name: nameOf(element),
        valueType: element.valueType,
        categoryCombo: element.categoryCombo,
        ...(element.optionSet ? { optionSet: element.optionSet } : {}),
    }))

export const dataSetSchema = z
    .object({
        ...named,
        periodType: z.string(),
        openFuturePeriods: z.number().int().optional(),
        expiryDays: z.number().optional(),
        categoryCombo,
        dataSetElements: z
            .array(z.object({ dataElement, categoryCombo: categoryCombo.optional() }))
            .optional(),
        organisationUnits: ids,
    })
    .transform((set): DataSetFacts => ({
        id: set.id,
        name: nameOf(set),
        periodType: set.periodType,
        openFuturePeriods: set.openFuturePeriods ?? 0,
        expiryDays: set.expiryDays ?? 0,
        categoryCombo: set.categoryCombo,
        dataSetElements: (set.dataSetElements ?? []).map((dse) => ({
            dataElement: dse.dataElement,
            ...(dse.categoryCombo ? { categoryCombo: dse.categoryCombo } : {}),
        })),
        organisationUnits: set.organisationUnits,
    }))

const trackedEntityAttribute = z
    .object({
        ...named,
        unique: z.boolean().optional(),
        valueType: z.string(),
        optionSet: optionSet.optional(),
    })
    .transform((attribute): TrackedEntityAttributeFacts => ({
        id: attribute.id,
        name: nameOf(attribute),
        unique: attribute.unique ?? false,
        valueType: attribute.valueType,
        ...(attribute.optionSet ? { optionSet: attribute.optionSet } : {}),
    }))

const attributeSlots = z
    .array(z.object({ mandatory: z.boolean().optional(), trackedEntityAttribute }))
    .optional()
    .transform((slots) =>
        (slots ?? []).map((slot) => ({
            mandatory: slot.mandatory ?? false,
            attribute: slot.trackedEntityAttribute,
        }))
    )

const programStage = z
    .object({
        ...named,
        programStageDataElements: z
            .array(
                z.object({
                    compulsory: z.boolean().optional(),
                    dataElement: z.object({
                        ...named,
                        valueType: z.string(),
                        optionSet: optionSet.optional(),
                    }),
                })
            )
            .optional(),
    })
    .transform((stage) => ({
        id: stage.id,
        name: nameOf(stage),
        dataElements: (stage.programStageDataElements ?? []).map(
            ({ compulsory, dataElement: de }) => ({
                id: de.id,
                name: nameOf(de),
                compulsory: compulsory ?? false,
                valueType: de.valueType,
                ...(de.optionSet ? { optionSet: de.optionSet } : {}),
            })
        ),
    }))

export const programSchema = z
    .object({
        ...named,
        programType: z.string(),
        displayIncidentDate: z.boolean().optional(),
        trackedEntityType: ref.optional(),
        programTrackedEntityAttributes: attributeSlots,
        programStages: z.array(programStage).optional(),
        organisationUnits: ids,
    })
    .transform((program): ProgramFacts => ({
        id: program.id,
        name: nameOf(program),
        programType: program.programType,
        ...(program.trackedEntityType ? { trackedEntityType: program.trackedEntityType.id } : {}),
        displayIncidentDate: program.displayIncidentDate ?? false,
        programTrackedEntityAttributes: program.programTrackedEntityAttributes,
        programStages: program.programStages ?? [],
        organisationUnits: program.organisationUnits,
    }))

export const trackedEntityTypeSchema = z
    .object({ ...named, trackedEntityTypeAttributes: attributeSlots })
    .transform((type): TrackedEntityTypeFacts => ({
        id: type.id,
        name: nameOf(type),
        trackedEntityTypeAttributes: type.trackedEntityTypeAttributes,
    }))

const constraint = z
    .object({ relationshipEntity: z.string(), trackedEntityType: ref.optional() })
    .transform((c): RelationshipConstraintFacts => ({
        relationshipEntity: c.relationshipEntity,
        ...(c.trackedEntityType ? { trackedEntityType: c.trackedEntityType.id } : {}),
    }))

export const relationshipTypeSchema = z
    .object({
        ...named,
        bidirectional: z.boolean().optional(),
        fromConstraint: constraint,
        toConstraint: constraint,
    })
    .transform((type): RelationshipTypeFacts => ({
        id: type.id,
        name: nameOf(type),
        bidirectional: type.bidirectional ?? false,
        fromConstraint: type.fromConstraint,
        toConstraint: type.toConstraint,
    }))

export const attributeSchema = z
    .object({
        ...named,
        unique: z.boolean().optional(),
        organisationUnitAttribute: z.boolean().optional(),
    })
    .transform((attribute): MetadataAttributeFacts => ({
        id: attribute.id,
        name: nameOf(attribute),
        unique: attribute.unique ?? false,
        organisationUnitAttribute: attribute.organisationUnitAttribute ?? false,
    }))

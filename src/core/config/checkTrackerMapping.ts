import type {
    ProgramFacts,
    RelationshipConstraintFacts,
    TrackedEntityAttributeFacts,
    TrackedEntityTypeFacts,
} from '../ports/metadata'
import type { AttributeSlot } from './checkAttributeMappings'
import { checkMandatory, checkOptionMaps } from './checkAttributeMappings'
import { checkVaccinationStage } from './checkVaccinationStage'
import type { PathSegment } from './configPath'
import type { MappingProblem, MetadataFacts } from './mappingProblems'
import { byId, named, problemAt } from './mappingProblems'
import type { AttributeMapping, ProgramMapping, TrackerMapping } from './types'

/** The tracker mapping against the programs, tracked entity type and relationship type in DHIS2. */
export function checkTrackerMapping(
    tracker: TrackerMapping,
    facts: MetadataFacts
): MappingProblem[] {
    const type = byId(facts.trackedEntityTypes).get(tracker.trackedEntityType)
    const programs = byId(facts.programs)
    const typeSlots = type?.trackedEntityTypeAttributes ?? []
    const typeAttributes = new Map(typeSlots.map((slot) => [slot.attribute.id, slot]))
    const programsWith = (attribute: string) =>
        tracker.programs.flatMap((mapping) => {
            const program = programs.get(mapping.program)
            const slot = program?.programTrackedEntityAttributes.find(
                (s) => s.attribute.id === attribute
            )
            return program && slot ? [{ program, slot }] : []
        })
    const attributeFacts = (id: string): TrackedEntityAttributeFacts | undefined =>
        typeAttributes.get(id)?.attribute ?? programsWith(id)[0]?.slot.attribute

    const problems: MappingProblem[] = []
    if (!type) {
        problems.push(
            problemAt(
                ['tracker', 'trackedEntityType'],
                'error',
                'tracked-entity-type-not-found',
                `the tracked entity type ${tracker.trackedEntityType} does not exist in DHIS2, or this user may not see it`
            )
        )
    }
    tracker.attributes.forEach((mapping, i) => {
        const path: PathSegment[] = ['tracker', 'attributes', i]
        const slot = typeAttributes.get(mapping.attribute)
        if (slot) problems.push(...checkOptionMaps(mapping, slot.attribute, path))
        else if (type)
            problems.push(notInType(mapping, type, programsWith(mapping.attribute), path))
    })
    const idAttribute = attributeFacts(tracker.idAttribute)
    if (idAttribute && !idAttribute.unique) {
        problems.push(
            problemAt(
                ['tracker', 'idAttribute'],
                'error',
                'attribute-not-unique',
                `${named(idAttribute)} is not unique in DHIS2: tracked entities made outside the connector could not be found and adopted, and duplicates would be possible`
            )
        )
    }
    const typeLevel = mappedAttributes(tracker.attributes, ['tracker', 'attributes'])
    if (type) {
        problems.push(
            ...checkMandatory(typeSlots, typeLevel, `The tracked entity type ${named(type)}`, [
                'tracker',
                'attributes',
            ])
        )
    }
    tracker.programs.forEach((mapping, p) => {
        const program = programs.get(mapping.program)
        const path: PathSegment[] = ['tracker', 'programs', p]
        problems.push(...checkProgram(mapping, program, type, typeLevel, path))
    })
    problems.push(...checkRelationshipType(tracker, facts, type))
    return problems
}

function mappedAttributes(mappings: readonly AttributeMapping[], path: PathSegment[]) {
    return new Map(
        mappings.map((mapping, i) => [mapping.attribute, { mapping, path: [...path, i] }])
    )
}

function notInType(
    mapping: AttributeMapping,
    type: TrackedEntityTypeFacts,
    inPrograms: Array<{ program: ProgramFacts }>,
    path: PathSegment[]
): MappingProblem {
    if (inPrograms.length === 0) {
        return problemAt(
            [...path, 'attribute'],
            'error',
            'attribute-not-in-type',
            `${mapping.attribute} is neither an attribute of ${named(type)} nor of a mapped program`
        )
    }
    return problemAt(
        [...path, 'attribute'],
        'warning',
        'attribute-not-in-type',
        `${mapping.attribute} is not an attribute of ${named(type)} but of ${inPrograms.map((p) => named(p.program)).join(', ')}: map it under that program`
    )
}

function checkProgram(
    mapping: ProgramMapping,
    program: ProgramFacts | undefined,
    type: TrackedEntityTypeFacts | undefined,
    typeLevel: ReturnType<typeof mappedAttributes>,
    path: PathSegment[]
): MappingProblem[] {
    if (!program) {
        return [
            problemAt(
                [...path, 'program'],
                'error',
                'program-not-found',
                `the program ${mapping.program} does not exist in DHIS2, or this user may not see it`
            ),
        ]
    }
    if (program.programType !== 'WITH_REGISTRATION') {
        return [
            problemAt(
                [...path, 'program'],
                'error',
                'not-tracker-program',
                `${named(program)} is an event program without registration: choose a tracker program`
            ),
        ]
    }
    const problems: MappingProblem[] = []
    if (type && program.trackedEntityType !== type.id) {
        problems.push(
            problemAt(
                [...path, 'program'],
                'error',
                'program-type-mismatch',
                `${named(program)} enrolls tracked entities of another type than ${named(type)}`
            )
        )
    }
    const slots: AttributeSlot[] = program.programTrackedEntityAttributes
    const own = new Map(slots.map((slot) => [slot.attribute.id, slot]))
    mapping.attributes.forEach((attributeMapping, a) => {
        const slot = own.get(attributeMapping.attribute)
        const at: PathSegment[] = [...path, 'attributes', a]
        if (slot) problems.push(...checkOptionMaps(attributeMapping, slot.attribute, at))
        else {
            problems.push(
                problemAt(
                    [...at, 'attribute'],
                    'error',
                    'attribute-not-in-program',
                    `${attributeMapping.attribute} is not an attribute of ${named(program)} (DHIS2 E1019)`
                )
            )
        }
    })
    const mapped = new Map([
        ...typeLevel,
        ...mappedAttributes(mapping.attributes, [...path, 'attributes']),
    ])
    problems.push(
        ...checkMandatory(slots, mapped, `The program ${named(program)}`, [...path, 'attributes'])
    )
    if (program.displayIncidentDate && !mapping.occurredAt) {
        problems.push(
            problemAt(
                [...path, 'occurredAt'],
                'error',
                'incident-date-missing',
                `${named(program)} asks for an incident date: set occurredAt to birthdate or dateCreated`
            )
        )
    }
    if (!program.displayIncidentDate && mapping.occurredAt) {
        problems.push(
            problemAt(
                [...path, 'occurredAt'],
                'warning',
                'ignored-setting',
                `${named(program)} has no incident date, so this is not sent`
            )
        )
    }
    return [...problems, ...checkVaccinationStage(mapping, program, path)]
}

function checkRelationshipType(
    tracker: TrackerMapping,
    facts: MetadataFacts,
    type: TrackedEntityTypeFacts | undefined
): MappingProblem[] {
    const id = tracker.motherChildRelationshipType
    if (id === undefined) return []
    const path: PathSegment[] = ['tracker', 'motherChildRelationshipType']
    const relationshipType = byId(facts.relationshipTypes).get(id)
    if (!relationshipType) {
        return [
            problemAt(
                path,
                'error',
                'relationship-type-not-found',
                `the relationship type ${id} does not exist in DHIS2, or this user may not see it`
            ),
        ]
    }
    const fits = (constraint: RelationshipConstraintFacts) =>
        constraint.relationshipEntity === 'TRACKED_ENTITY_INSTANCE' &&
        (type === undefined ||
            constraint.trackedEntityType === undefined ||
            constraint.trackedEntityType === type.id)
    if (fits(relationshipType.fromConstraint) && fits(relationshipType.toConstraint)) return []
    return [
        problemAt(
            path,
            'error',
            'relationship-type-mismatch',
            `${named(relationshipType)} does not link two tracked entities${type ? ` of type ${named(type)}` : ''}`
        ),
    ]
}

/**
 * @jest-environment node
 */
import { readFileSync } from 'fs'
import path from 'path'
import { attributeMappingsFor } from '../tracker/mapAttributes'
import { bdAntigenRules } from './bdAntigens'
import { bdTrackerMapping } from './bdTracker'

interface Ref {
    id: string
}
interface Metadata {
    trackedEntityTypes: Array<{
        id: string
        trackedEntityTypeAttributes: Array<{ trackedEntityAttribute: Ref; mandatory: boolean }>
    }>
    trackedEntityAttributes: Array<{ id: string; valueType: string; optionSet?: Ref }>
    programs: Array<{
        id: string
        trackedEntityType: Ref
        displayIncidentDate: boolean
        programStages: Ref[]
        programTrackedEntityAttributes: Array<{ trackedEntityAttribute: Ref; mandatory: boolean }>
    }>
    programStages: Array<{
        id: string
        program: Ref
        programStageDataElements: Array<{ dataElement: Ref; compulsory: boolean }>
    }>
    dataElements: Array<{ id: string; valueType: string; optionSet?: Ref }>
    options: Array<{ code: string; optionSet: Ref }>
    relationshipTypes?: unknown[]
}

// The package the sandboxes load; if it changes, this test says whether the template still fits.
const metadata: Metadata = JSON.parse(
    readFileSync(path.resolve(__dirname, '../../../sandbox/data/bd-epi-metadata.json'), 'utf8')
)
const mapping = bdTrackerMapping()
const optionCodes = (optionSet: string | undefined) =>
    metadata.options.filter((o) => o.optionSet.id === optionSet).map((o) => o.code)

describe('the BD tracker template fits the BD metadata package', () => {
    const type = metadata.trackedEntityTypes.find((t) => t.id === mapping.trackedEntityType)

    it('uses the package tracked entity type and its unique OpenSRP ID attribute', () => {
        expect(type).toBeDefined()
        expect(mapping.idAttribute).toBe('caS6LyxoM41')
    })

    it('sends every mandatory tracked-entity-type attribute as mandatory (else DHIS2 E1090)', () => {
        const mandatory = (type?.trackedEntityTypeAttributes ?? [])
            .filter((a) => a.mandatory)
            .map((a) => a.trackedEntityAttribute.id)
        const mapped = mapping.attributes.filter((a) => a.mandatory).map((a) => a.attribute)
        expect(mandatory.length).toBeGreaterThan(0)
        expect(mapped).toEqual(expect.arrayContaining(mandatory))
    })

    it.each(mapping.programs.map((p) => [p.program, p] as const))(
        'program %s: exists for Person and gets every mandatory program attribute (else E1018)',
        (programId, program) => {
            const meta = metadata.programs.find((p) => p.id === programId)
            expect(meta?.trackedEntityType.id).toBe(mapping.trackedEntityType)
            const mandatory = (meta?.programTrackedEntityAttributes ?? [])
                .filter((a) => a.mandatory)
                .map((a) => a.trackedEntityAttribute.id)
            const effective = attributeMappingsFor(mapping, [program])
            expect(effective.filter((a) => a.mandatory).map((a) => a.attribute)).toEqual(
                expect.arrayContaining(mandatory)
            )
        }
    )

    it.each(mapping.programs.map((p) => [p.program, p] as const))(
        'program %s: sends only attributes of the type or the program',
        (programId, program) => {
            const meta = metadata.programs.find((p) => p.id === programId)
            const allowed = new Set([
                ...(type?.trackedEntityTypeAttributes ?? []).map(
                    (a) => a.trackedEntityAttribute.id
                ),
                ...(meta?.programTrackedEntityAttributes ?? []).map(
                    (a) => a.trackedEntityAttribute.id
                ),
            ])
            for (const entry of attributeMappingsFor(mapping, [program]))
                expect(allowed.has(entry.attribute)).toBe(true)
        }
    )

    it.each(mapping.programs.map((p) => [p.program, p] as const))(
        'program %s: sends an incident date exactly when the program displays one (E1023)',
        (programId, program) => {
            const meta = metadata.programs.find((p) => p.id === programId)
            expect(program.occurredAt !== undefined).toBe(meta?.displayIncidentDate === true)
        }
    )

    it.each(mapping.programs.map((p) => [p.program, p] as const))(
        'program %s: its stage belongs to it and gets every compulsory data element',
        (programId, program) => {
            const stage = program.vaccinations
            const meta = metadata.programStages.find((s) => s.id === stage?.programStage)
            expect(meta?.program.id).toBe(programId)
            const written = [
                stage?.vaccineDataElement,
                stage?.doseDataElement,
                stage?.sourceIdDataElement,
            ]
            const inStage = meta?.programStageDataElements.map((d) => d.dataElement.id) ?? []
            expect(inStage).toEqual(expect.arrayContaining(written))
            const compulsory = (meta?.programStageDataElements ?? [])
                .filter((d) => d.compulsory)
                .map((d) => d.dataElement.id)
            expect(written).toEqual(expect.arrayContaining(compulsory))
        }
    )

    it('writes vaccine codes that exist in the vaccine option set (else E1125)', () => {
        for (const program of mapping.programs) {
            const stage = program.vaccinations
            const element = metadata.dataElements.find((d) => d.id === stage?.vaccineDataElement)
            const codes = optionCodes(element?.optionSet?.id)
            expect(codes.length).toBeGreaterThan(0)
            expect(codes).toEqual(expect.arrayContaining(Object.values(stage?.vaccineCodes ?? {})))
        }
    })

    it('records every option of the vaccine option set from some antigen', () => {
        const element = metadata.dataElements.find((d) => d.id === 'qR6eP15RJ7h')
        const written = mapping.programs.flatMap((p) =>
            Object.values(p.vaccinations?.vaccineCodes ?? {})
        )
        expect(new Set(written)).toEqual(new Set(optionCodes(element?.optionSet?.id)))
    })

    it('only names antigens the BD antigen rules recognise', () => {
        const known = new Set(bdAntigenRules().map((r) => r.antigen))
        for (const program of mapping.programs)
            for (const antigen of program.vaccinations?.antigens ?? [])
                expect(known.has(antigen)).toBe(true)
    })

    it('maps sex to codes of the attribute option set', () => {
        const attribute = metadata.trackedEntityAttributes.find((a) => a.id === 'jWSuNC2sfcj')
        const codes = optionCodes(attribute?.optionSet?.id)
        for (const entry of attributeMappingsFor(mapping, mapping.programs)) {
            const meta = metadata.trackedEntityAttributes.find((a) => a.id === entry.attribute)
            for (const transform of entry.transform ?? [])
                if (transform.type === 'optionMap') {
                    expect(meta?.optionSet?.id).toBeDefined()
                    expect(codes).toEqual(expect.arrayContaining(Object.values(transform.map)))
                }
        }
    })

    it('turns every DATE attribute into a date', () => {
        for (const entry of attributeMappingsFor(mapping, mapping.programs)) {
            const meta = metadata.trackedEntityAttributes.find((a) => a.id === entry.attribute)
            expect(meta).toBeDefined()
            if (meta?.valueType === 'DATE')
                expect(entry.transform?.some((t) => t.type === 'date')).toBe(true)
        }
    })

    it('sets no mother-child relationship: the package has no relationship type', () => {
        expect(metadata.relationshipTypes ?? []).toHaveLength(0)
        expect(mapping.motherChildRelationshipType).toBeUndefined()
    })
})

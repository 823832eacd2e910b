import { metadataReferences, validateMappingsAgainstMetadata } from './checkMappings'
import type { MappingProblem, MetadataFacts } from './mappingProblems'
import { sampleFacts, sampleMappings, UID } from './testFacts'
import type { Mappings, ProgramMapping } from './types'

function problemsAfter(change: (mappings: Mappings, facts: MetadataFacts) => void) {
    const mappings = sampleMappings()
    const facts = sampleFacts()
    change(mappings, facts)
    return validateMappingsAgainstMetadata(mappings, facts)
}

const only = (problems: MappingProblem[]) => {
    expect(problems).toHaveLength(1)
    return problems[0]
}

const program = (mappings: Mappings): ProgramMapping => {
    const first = mappings.tracker?.programs[0]
    if (!first) throw new Error('the sample has a program')
    return first
}

const facts = {
    program: (f: MetadataFacts) => f.programs[0]!,
    dataSet: (f: MetadataFacts) => f.dataSets[0]!,
}

describe('validateMappingsAgainstMetadata', () => {
    it('finds nothing wrong with a mapping that fits the metadata', () => {
        expect(problemsAfter(() => undefined)).toEqual([])
    })

    describe('org units', () => {
        it('reports an explicit match to an org unit that does not exist', () => {
            const problem = only(
                problemsAfter((m) => (m.orgUnits.explicit['loc-x'] = 'OuMissing01'))
            )
            expect(problem).toEqual({
                path: 'mappings.orgUnits.explicit["loc-x"]',
                severity: 'error',
                code: 'org-unit-not-found',
                message:
                    'the org unit OuMissing01 does not exist in DHIS2, or this user may not see it',
            })
        })

        it('warns about an org unit that the programs and data sets do not cover', () => {
            const problem = only(
                problemsAfter((m) => (m.orgUnits.explicit['loc-k'] = UID.otherFacility))
            )
            expect(problem).toMatchObject({ severity: 'warning', code: 'org-unit-not-assigned' })
            expect(problem?.message).toBe(
                `'Kaliakair EPI' (${UID.otherFacility}) is not assigned to 'Child Immunisation' (${UID.childProgram}), 'EPI Monthly' (${UID.dataSet}): DHIS2 will refuse its data there`
            )
        })

        it('reports an attribute rule naming an attribute that org units do not have', () => {
            const problem = only(
                problemsAfter((_m, f) => {
                    f.attributes = [
                        {
                            id: UID.locationAttribute,
                            name: 'Colour',
                            unique: true,
                            organisationUnitAttribute: false,
                        },
                    ]
                })
            )
            expect(problem).toMatchObject({
                path: 'mappings.orgUnits.rules[1].attribute',
                code: 'not-org-unit-attribute',
            })
        })

        it('needs at least one way to match locations', () => {
            const problem = only(problemsAfter((m) => (m.orgUnits = { explicit: {}, rules: [] })))
            expect(problem).toMatchObject({ path: 'mappings.orgUnits', code: 'no-org-unit-rule' })
        })
    })

    describe('the mapping itself', () => {
        it('reports a vaccination stage recording an antigen that is not defined, and its missing code', () => {
            const problems = problemsAfter((m) => program(m).vaccinations?.antigens.push('opv'))
            expect(problems.map((p) => [p.path, p.code])).toEqual([
                ['mappings.tracker.programs[0].vaccinations.antigens[1]', 'unknown-antigen'],
                ['mappings.tracker.programs[0].vaccinations.vaccineCodes', 'missing-vaccine-code'],
            ])
        })

        it('reports a program mapped twice', () => {
            const problem = only(problemsAfter((m) => m.tracker?.programs.push({ ...program(m) })))
            expect(problem).toMatchObject({
                path: 'mappings.tracker.programs[1].program',
                code: 'duplicate',
            })
        })

        it('reports an OpenSRP ID attribute without a value mapping', () => {
            const problems = problemsAfter((m) => m.tracker?.attributes.shift())
            expect(problems.map((p) => p.code)).toEqual([
                'id-attribute-not-mapped',
                'mandatory-attribute-not-mapped',
                'mandatory-attribute-not-mapped',
            ])
        })

        it('needs the sex option combos of a data set that counts by sex', () => {
            const problem = only(
                problemsAfter((m) => delete m.aggregate?.dataSets[0]?.sexCategoryOptionCombos)
            )
            expect(problem).toMatchObject({
                path: 'mappings.aggregate.dataSets[0].indicators[0].disaggregation',
                code: 'sex-combos-missing',
            })
        })
    })

    describe('tracker', () => {
        it('reports a tracked entity type that does not exist, and judges nothing against it', () => {
            const problem = only(problemsAfter((_m, f) => (f.trackedEntityTypes = [])))
            expect(problem).toMatchObject({
                path: 'mappings.tracker.trackedEntityType',
                code: 'tracked-entity-type-not-found',
            })
        })

        it('reports a program that does not exist', () => {
            const problem = only(problemsAfter((m) => (program(m).program = 'ProgMissing')))
            expect(problem).toMatchObject({
                path: 'mappings.tracker.programs[0].program',
                code: 'program-not-found',
            })
        })

        it('refuses an event program', () => {
            const problems = problemsAfter((m) => {
                program(m).program = UID.eventProgram
                delete program(m).vaccinations
            })
            expect(problems.map((p) => p.code)).toEqual(['not-tracker-program'])
        })

        it('reports a program of another tracked entity type', () => {
            const problem = only(
                problemsAfter((_m, f) => (facts.program(f).trackedEntityType = 'TetOther001'))
            )
            expect(problem).toMatchObject({ code: 'program-type-mismatch' })
        })

        it('reports an attribute the program does not have (E1019)', () => {
            const problem = only(
                problemsAfter((m) =>
                    program(m).attributes.push({
                        attribute: 'AttrPhone01',
                        source: { from: 'attribute', name: 'phoneNumber' },
                        mandatory: false,
                    })
                )
            )
            expect(problem).toMatchObject({
                path: 'mappings.tracker.programs[0].attributes[2].attribute',
                code: 'attribute-not-in-program',
            })
        })

        it('reports a mandatory program attribute that nothing maps', () => {
            const problem = only(problemsAfter((m) => m.tracker?.attributes.splice(1, 1)))
            expect(problem).toMatchObject({
                path: 'mappings.tracker.programs[0].attributes',
                code: 'mandatory-attribute-not-mapped',
                message: `The program 'Child Immunisation' (${UID.childProgram}) requires the attribute 'First name' (${UID.firstName}), which is not mapped: DHIS2 would reject every record`,
            })
        })

        it('warns when DHIS2 requires an attribute that the mapping lets pass empty', () => {
            const problem = only(
                problemsAfter((m) => (program(m).attributes[0]!.mandatory = false))
            )
            expect(problem).toMatchObject({
                path: 'mappings.tracker.programs[0].attributes[0].mandatory',
                severity: 'warning',
                code: 'mandatory-mismatch',
            })
        })

        it('needs an incident date where the program shows one', () => {
            const problem = only(problemsAfter((m) => delete program(m).occurredAt))
            expect(problem).toMatchObject({
                path: 'mappings.tracker.programs[0].occurredAt',
                code: 'incident-date-missing',
            })
        })

        it('reports a value map producing codes the option set does not have', () => {
            const problem = only(
                problemsAfter((m) => {
                    const transform = m.tracker?.attributes[2]?.transform?.[0]
                    if (transform?.type === 'optionMap') transform.map.Female = 'F'
                })
            )
            expect(problem).toEqual({
                path: 'mappings.tracker.attributes[2].transform[0].map.Female',
                severity: 'error',
                code: 'not-an-option-code',
                message: `'F' is not an option code of 'Sex' (${UID.sex}); use one of 'MALE', 'FEMALE'`,
            })
        })

        it('warns about an option set attribute read without a value map', () => {
            const problem = only(problemsAfter((m) => delete m.tracker?.attributes[2]?.transform))
            expect(problem).toMatchObject({ severity: 'warning', code: 'option-map-missing' })
        })

        it('reports a stage of another program', () => {
            const problem = only(
                problemsAfter((m) => (program(m).vaccinations!.programStage = 'StageOther1'))
            )
            expect(problem).toMatchObject({ code: 'stage-not-in-program' })
        })

        it('reports a compulsory data element left unmapped, and a data element of another stage', () => {
            const problems = problemsAfter(
                (m) => (program(m).vaccinations!.doseDataElement = 'DeElsewhere')
            )
            expect(problems.map((p) => [p.path, p.code])).toEqual([
                [
                    'mappings.tracker.programs[0].vaccinations.doseDataElement',
                    'data-element-not-in-stage',
                ],
                ['mappings.tracker.programs[0].vaccinations', 'compulsory-data-element-not-mapped'],
            ])
        })

        it('reports a vaccine code that is not an option of the vaccine data element', () => {
            const problem = only(
                problemsAfter((m) => (program(m).vaccinations!.vaccineCodes.bcg = 'BCG1'))
            )
            expect(problem).toMatchObject({
                path: 'mappings.tracker.programs[0].vaccinations.vaccineCodes.bcg',
                code: 'not-an-option-code',
            })
        })

        it('needs a unique OpenSRP ID attribute', () => {
            const problem = only(
                problemsAfter((_m, f) => {
                    f.trackedEntityTypes[0]!.trackedEntityTypeAttributes[0]!.attribute.unique = false
                })
            )
            expect(problem).toMatchObject({
                path: 'mappings.tracker.idAttribute',
                code: 'attribute-not-unique',
            })
        })

        it('reports a relationship type that does not link tracked entities', () => {
            const problem = only(
                problemsAfter((_m, f) => {
                    f.relationshipTypes[0]!.toConstraint = {
                        relationshipEntity: 'PROGRAM_STAGE_INSTANCE',
                    }
                })
            )
            expect(problem).toMatchObject({ code: 'relationship-type-mismatch' })
        })
    })

    describe('aggregate', () => {
        it('reports a data set that does not exist', () => {
            const problem = only(problemsAfter((_m, f) => (f.dataSets = [])))
            expect(problem).toMatchObject({
                path: 'mappings.aggregate.dataSets[0].dataSet',
                code: 'data-set-not-found',
            })
        })

        it('reports another period type and an attribute option combo the data set lacks', () => {
            const problems = problemsAfter((m) => {
                m.aggregate!.dataSets[0]!.periodType = 'Weekly'
                m.aggregate!.dataSets[0]!.attributeOptionCombo = UID.male
            })
            expect(problems.map((p) => p.code)).toEqual([
                'period-type-mismatch',
                'attribute-option-combo-not-in-data-set',
            ])
        })

        it('reports a data element that is not in the data set', () => {
            const problem = only(
                problemsAfter(
                    (m) => (m.aggregate!.dataSets[0]!.indicators[1]!.dataElement = 'DeElsewhere')
                )
            )
            expect(problem).toMatchObject({
                path: 'mappings.aggregate.dataSets[0].indicators[1].dataElement',
                code: 'data-element-not-in-data-set',
            })
        })

        it('reports a count by sex into a data element that has no sex disaggregation', () => {
            const problem = only(
                problemsAfter(
                    (m) => (m.aggregate!.dataSets[0]!.indicators[1]!.disaggregation = 'sex')
                )
            )
            expect(problem).toEqual({
                path: 'mappings.aggregate.dataSets[0].indicators[1].disaggregation',
                severity: 'error',
                code: 'category-option-combo-not-in-combo',
                message: `counted by sex, but 'TT given' (${UID.tt}) is not disaggregated by sex: its category combo 'default' (${UID.defaultCombo}) has 'default' (${UID.defaultCoc})`,
            })
        })

        it('reports an undisaggregated count into a data element split by sex', () => {
            const problem = only(
                problemsAfter(
                    (m) => (m.aggregate!.dataSets[0]!.indicators[0]!.disaggregation = 'none')
                )
            )
            expect(problem).toMatchObject({ code: 'category-option-combo-not-in-combo' })
        })

        it('reports a count into a data element that does not hold numbers', () => {
            const problem = only(
                problemsAfter(
                    (m) => (m.aggregate!.dataSets[0]!.indicators[1]!.dataElement = UID.note)
                )
            )
            expect(problem).toMatchObject({ code: 'value-type-not-numeric' })
        })
    })

    it('lists errors before warnings', () => {
        const problems = problemsAfter((m) => {
            m.orgUnits.explicit['loc-k'] = UID.otherFacility
            m.aggregate!.dataSets[0]!.periodType = 'Weekly'
        })
        expect(problems.map((p) => p.severity)).toEqual(['error', 'warning'])
    })
})

describe('metadataReferences', () => {
    it('names every UID that DHIS2 must be asked about, once', () => {
        expect(metadataReferences(sampleMappings())).toEqual({
            dataSets: [UID.dataSet],
            programs: [UID.childProgram],
            trackedEntityTypes: [UID.person],
            relationshipTypes: [UID.motherOf],
            orgUnits: [UID.facility],
            attributes: [UID.locationAttribute],
        })
    })
})

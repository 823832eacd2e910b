import type { ProgramFacts } from '../ports/metadata'
import { list } from './checkAttributeMappings'
import type { PathSegment } from './configPath'
import type { MappingProblem } from './mappingProblems'
import { byId, named, problemAt } from './mappingProblems'
import type { ProgramMapping } from './types'

const COUNTABLE = new Set([
    'NUMBER',
    'INTEGER',
    'INTEGER_POSITIVE',
    'INTEGER_ZERO_OR_POSITIVE',
    'TEXT',
    'LONG_TEXT',
])

/**
 * The stage that records vaccinations: it belongs to the program, holds the mapped data elements
 * and has every compulsory one mapped (DHIS2 E1303 otherwise), and vaccine codes are options.
 */
export function checkVaccinationStage(
    mapping: ProgramMapping,
    program: ProgramFacts,
    programPath: PathSegment[]
): MappingProblem[] {
    const stageMapping = mapping.vaccinations
    if (!stageMapping) return []
    const path: PathSegment[] = [...programPath, 'vaccinations']
    const stage = program.programStages.find((s) => s.id === stageMapping.programStage)
    if (!stage) {
        return [
            problemAt(
                [...path, 'programStage'],
                'error',
                'stage-not-in-program',
                `${stageMapping.programStage} is not a stage of ${named(program)}`
            ),
        ]
    }
    const elements = byId(stage.dataElements)
    const problems: MappingProblem[] = []
    const slots = [
        ['vaccineDataElement', stageMapping.vaccineDataElement],
        ['doseDataElement', stageMapping.doseDataElement],
        ['sourceIdDataElement', stageMapping.sourceIdDataElement],
    ] as const
    for (const [key, id] of slots) {
        if (id === undefined || elements.has(id)) continue
        problems.push(
            problemAt(
                [...path, key],
                'error',
                'data-element-not-in-stage',
                `${id} is not a data element of the stage ${named(stage)}`
            )
        )
    }
    const vaccine = elements.get(stageMapping.vaccineDataElement)
    const codes = vaccine?.optionSet?.codes
    if (vaccine && codes) {
        for (const [antigen, code] of Object.entries(stageMapping.vaccineCodes)) {
            if (codes.includes(code)) continue
            problems.push(
                problemAt(
                    [...path, 'vaccineCodes', antigen],
                    'error',
                    'not-an-option-code',
                    `'${code}' is not an option code of ${named(vaccine)}; use one of ${list(codes)}`
                )
            )
        }
    }
    const dose = stageMapping.doseDataElement && elements.get(stageMapping.doseDataElement)
    if (dose && !COUNTABLE.has(dose.valueType)) {
        problems.push(
            problemAt(
                [...path, 'doseDataElement'],
                'warning',
                'value-type-not-numeric',
                `${named(dose)} holds ${dose.valueType} values, not dose numbers`
            )
        )
    }
    const filled = new Set(slots.map(([, id]) => id))
    for (const element of stage.dataElements) {
        if (!element.compulsory || filled.has(element.id)) continue
        problems.push(
            problemAt(
                path,
                'error',
                'compulsory-data-element-not-mapped',
                `the stage ${named(stage)} requires ${named(element)}, which is not mapped: DHIS2 would reject every vaccination`
            )
        )
    }
    return problems
}

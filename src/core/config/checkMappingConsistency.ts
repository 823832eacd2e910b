import type { PathSegment } from './configPath'
import type { MappingProblem } from './mappingProblems'
import { problemAt } from './mappingProblems'
import type { AggregateMapping, Mappings, TrackerMapping } from './types'

/**
 * Checks that need no DHIS2: the parts of a mapping that refer to each other (antigen names,
 * vaccine codes, the OpenSRP ID attribute) agree, and no list maps the same thing twice. (An
 * attribute may be mapped for the type and again for a program: the program's mapping wins there,
 * e.g. to make it mandatory.)
 */
export function checkMappingConsistency(mappings: Mappings): MappingProblem[] {
    const antigens = new Set(mappings.antigens.map((rule) => rule.antigen))
    return [
        ...duplicates(
            mappings.antigens.map((rule) => rule.antigen),
            (i) => ['antigens', i, 'antigen'],
            'antigen'
        ),
        ...orgUnitRules(mappings),
        ...(mappings.tracker ? trackerConsistency(mappings.tracker, antigens) : []),
        ...(mappings.aggregate ? aggregateConsistency(mappings.aggregate, antigens) : []),
    ]
}

function duplicates(
    values: readonly string[],
    pathOf: (index: number) => PathSegment[],
    what: string
): MappingProblem[] {
    const seen = new Set<string>()
    const problems: MappingProblem[] = []
    values.forEach((value, index) => {
        if (seen.has(value)) {
            problems.push(
                problemAt(
                    pathOf(index),
                    'error',
                    'duplicate',
                    `the ${what} ${value} is mapped twice`
                )
            )
        }
        seen.add(value)
    })
    return problems
}

function orgUnitRules(mappings: Mappings): MappingProblem[] {
    const { explicit, rules } = mappings.orgUnits
    if (rules.length > 0 || Object.keys(explicit).length > 0) return []
    return [
        problemAt(
            ['orgUnits'],
            'error',
            'no-org-unit-rule',
            'no OpenSRP location can be matched to an org unit: add a rule (by UID, attribute, code or name) or explicit matches'
        ),
    ]
}

function unknownAntigen(path: PathSegment[], antigen: string): MappingProblem {
    return problemAt(
        path,
        'error',
        'unknown-antigen',
        `the antigen '${antigen}' is not defined: add it under mappings.antigens or remove it here`
    )
}

function trackerConsistency(tracker: TrackerMapping, antigens: Set<string>): MappingProblem[] {
    const problems: MappingProblem[] = [
        ...duplicates(
            tracker.programs.map((p) => p.program),
            (i) => ['tracker', 'programs', i, 'program'],
            'program'
        ),
        ...duplicates(
            tracker.attributes.map((a) => a.attribute),
            (i) => ['tracker', 'attributes', i, 'attribute'],
            'attribute'
        ),
    ]
    const teLevel = new Set(tracker.attributes.map((a) => a.attribute))
    tracker.programs.forEach((program, p) => {
        const base: PathSegment[] = ['tracker', 'programs', p]
        problems.push(
            ...duplicates(
                program.attributes.map((a) => a.attribute),
                (i) => [...base, 'attributes', i, 'attribute'],
                'attribute'
            )
        )
        const stage = program.vaccinations
        if (!stage) return
        stage.antigens.forEach((antigen, i) => {
            if (!antigens.has(antigen))
                problems.push(unknownAntigen([...base, 'vaccinations', 'antigens', i], antigen))
            if (stage.vaccineCodes[antigen] === undefined) {
                problems.push(
                    problemAt(
                        [...base, 'vaccinations', 'vaccineCodes'],
                        'error',
                        'missing-vaccine-code',
                        `no vaccine code for the antigen '${antigen}': its vaccinations could not be recorded`
                    )
                )
            }
        })
        for (const antigen of Object.keys(stage.vaccineCodes)) {
            if (!stage.antigens.includes(antigen)) {
                problems.push(
                    problemAt(
                        [...base, 'vaccinations', 'vaccineCodes', antigen],
                        'warning',
                        'unused-vaccine-code',
                        `the antigen '${antigen}' is not recorded in this stage, so its code is never used`
                    )
                )
            }
        }
    })
    const mappedSomewhere =
        teLevel.has(tracker.idAttribute) ||
        tracker.programs.every((p) => p.attributes.some((a) => a.attribute === tracker.idAttribute))
    if (!mappedSomewhere) {
        problems.push(
            problemAt(
                ['tracker', 'idAttribute'],
                'error',
                'id-attribute-not-mapped',
                `the OpenSRP ID attribute ${tracker.idAttribute} has no value mapping: add it to mappings.tracker.attributes (usually from an identifier such as opensrp_id)`
            )
        )
    }
    return problems
}

function aggregateConsistency(
    aggregate: AggregateMapping,
    antigens: Set<string>
): MappingProblem[] {
    const problems = duplicates(
        aggregate.dataSets.map((d) => d.dataSet),
        (i) => ['aggregate', 'dataSets', i, 'dataSet'],
        'data set'
    )
    aggregate.dataSets.forEach((dataSet, d) => {
        dataSet.indicators.forEach((indicator, i) => {
            const base: PathSegment[] = ['aggregate', 'dataSets', d, 'indicators', i]
            if (indicator.type === 'dose' && !antigens.has(indicator.antigen))
                problems.push(unknownAntigen([...base, 'antigen'], indicator.antigen))
            if (indicator.disaggregation !== 'sex') return
            if (!dataSet.sexCategoryOptionCombos) {
                problems.push(
                    problemAt(
                        [...base, 'disaggregation'],
                        'error',
                        'sex-combos-missing',
                        'counted by sex, but the data set mapping has no sexCategoryOptionCombos (male and female)'
                    )
                )
            }
            if (indicator.categoryOptionCombo !== undefined) {
                problems.push(
                    problemAt(
                        [...base, 'categoryOptionCombo'],
                        'warning',
                        'ignored-setting',
                        'ignored: values counted by sex go to the male and female category option combos'
                    )
                )
            }
        })
    })
    return problems
}

import type { CategoryComboFacts, DataSetFacts } from '../ports/metadata'
import type { PathSegment } from './configPath'
import type { MappingProblem, MetadataFacts } from './mappingProblems'
import { byId, named, problemAt } from './mappingProblems'
import type { AggregateMapping, DataSetMapping, IndicatorRule } from './types'

/** Aggregate values are counts: DHIS2 refuses them in data elements of other value types. */
const NUMERIC = new Set(['NUMBER', 'INTEGER', 'INTEGER_POSITIVE', 'INTEGER_ZERO_OR_POSITIVE'])

/** The aggregate mapping against the data sets in DHIS2 (DHIS2 E7610–E7633, 2.43 E8020–E8024). */
export function checkAggregateMapping(
    aggregate: AggregateMapping,
    facts: MetadataFacts
): MappingProblem[] {
    const dataSets = byId(facts.dataSets)
    return aggregate.dataSets.flatMap((mapping, d) => {
        const path: PathSegment[] = ['aggregate', 'dataSets', d]
        const dataSet = dataSets.get(mapping.dataSet)
        if (!dataSet) {
            return [
                problemAt(
                    [...path, 'dataSet'],
                    'error',
                    'data-set-not-found',
                    `the data set ${mapping.dataSet} does not exist in DHIS2, or this user may not see it`
                ),
            ]
        }
        return [
            ...checkDataSet(mapping, dataSet, path),
            ...mapping.indicators.flatMap((indicator, i) =>
                checkIndicator(indicator, mapping, dataSet, [...path, 'indicators', i])
            ),
        ]
    })
}

function checkDataSet(
    mapping: DataSetMapping,
    dataSet: DataSetFacts,
    path: PathSegment[]
): MappingProblem[] {
    const problems: MappingProblem[] = []
    if (mapping.periodType !== dataSet.periodType) {
        problems.push(
            problemAt(
                [...path, 'periodType'],
                'error',
                'period-type-mismatch',
                `${named(dataSet)} is reported ${dataSet.periodType}, not ${mapping.periodType}`
            )
        )
    }
    if (!hasCombo(dataSet.categoryCombo, mapping.attributeOptionCombo)) {
        problems.push(
            problemAt(
                [...path, 'attributeOptionCombo'],
                'error',
                'attribute-option-combo-not-in-data-set',
                `${mapping.attributeOptionCombo} is not an attribute option combo of ${named(dataSet)}; use one of ${combos(dataSet.categoryCombo)}`
            )
        )
    }
    return problems
}

const hasCombo = (combo: CategoryComboFacts, id: string) =>
    combo.categoryOptionCombos.some((coc) => coc.id === id)

const combos = (combo: CategoryComboFacts) =>
    combo.categoryOptionCombos.map((coc) => named(coc)).join(', ')

function checkIndicator(
    indicator: IndicatorRule,
    mapping: DataSetMapping,
    dataSet: DataSetFacts,
    path: PathSegment[]
): MappingProblem[] {
    const element = dataSet.dataSetElements.find(
        (dse) => dse.dataElement.id === indicator.dataElement
    )
    if (!element) {
        return [
            problemAt(
                [...path, 'dataElement'],
                'error',
                'data-element-not-in-data-set',
                `${indicator.dataElement} is not a data element of ${named(dataSet)}`
            ),
        ]
    }
    const dataElement = element.dataElement
    const combo = element.categoryCombo ?? dataElement.categoryCombo
    const problems: MappingProblem[] = []
    if (!NUMERIC.has(dataElement.valueType)) {
        problems.push(
            problemAt(
                [...path, 'dataElement'],
                'error',
                'value-type-not-numeric',
                `${named(dataElement)} holds ${dataElement.valueType} values, not counts`
            )
        )
    }
    const notInCombo = (at: PathSegment[], coc: string, meaning: string) =>
        problemAt(
            at,
            'error',
            'category-option-combo-not-in-combo',
            `${meaning} ${coc} is not a disaggregation of ${named(dataElement)}, whose category combo ${named(combo)} has ${combos(combo)}`
        )
    if (indicator.disaggregation === 'sex') {
        const sex = mapping.sexCategoryOptionCombos
        if (!sex) return problems
        const missing = [sex.male, sex.female].filter((coc) => !hasCombo(combo, coc))
        if (missing.length > 0) {
            problems.push(
                problemAt(
                    [...path, 'disaggregation'],
                    'error',
                    'category-option-combo-not-in-combo',
                    `counted by sex, but ${named(dataElement)} is not disaggregated by sex: its category combo ${named(combo)} has ${combos(combo)}`
                )
            )
        }
        return problems
    }
    if (indicator.categoryOptionCombo !== undefined) {
        if (!hasCombo(combo, indicator.categoryOptionCombo)) {
            problems.push(
                notInCombo(
                    [...path, 'categoryOptionCombo'],
                    indicator.categoryOptionCombo,
                    'the category option combo'
                )
            )
        }
    } else if (!hasCombo(combo, mapping.defaultCategoryOptionCombo)) {
        problems.push(
            notInCombo(
                [...path, 'disaggregation'],
                mapping.defaultCategoryOptionCombo,
                'not disaggregated, but the default category option combo'
            )
        )
    }
    return problems
}

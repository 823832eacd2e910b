/** @jest-environment node */
import { readFileSync } from 'fs'
import path from 'path'
import type { IndicatorRule } from '../config/types'
import { bdAntigenRules } from './bdAntigens'
import { BD_AGGREGATE_MAPPING, BD_DATA_SET_FACTS } from './bdAggregate'

interface Ref {
    id: string
}
interface Metadata {
    dataSets: Array<{
        id: string
        periodType: string
        openFuturePeriods: number
        expiryDays: number
        categoryCombo: Ref
        dataSetElements: Array<{ dataElement: Ref; categoryCombo?: Ref }>
    }>
    dataElements: Array<{ id: string; domainType: string; valueType: string; categoryCombo: Ref }>
    categoryOptionCombos: Array<{ id: string; categoryCombo: Ref }>
}

// A copy of shared/fixtures/dhis2/metadata/bd-epi-metadata.json (the package the sandboxes load).
const metadata: Metadata = JSON.parse(
    readFileSync(
        path.resolve(__dirname, '../../../test/fixtures/dhis2/metadata/bd-epi-metadata.json'),
        'utf8'
    )
)

// Built into every DHIS2 and referenced, not imported, by the package.
const DEFAULT_COMBO = 'bjDvmb4bfuf'
const DEFAULT_COC = 'HllvX50cXC0'

function combosOf(categoryCombo: string): string[] {
    if (categoryCombo === DEFAULT_COMBO) return [DEFAULT_COC]
    return metadata.categoryOptionCombos
        .filter((coc) => coc.categoryCombo.id === categoryCombo)
        .map((coc) => coc.id)
}

function writtenCombos(rule: IndicatorRule, sex: { male: string; female: string } | undefined) {
    if (rule.disaggregation === 'sex' && sex) return [sex.male, sex.female]
    return [rule.categoryOptionCombo ?? DEFAULT_COC]
}

describe('the BD aggregate template against the BD metadata package', () => {
    it.each(BD_AGGREGATE_MAPPING.dataSets.map((ds) => [ds.dataSet, ds] as const))(
        'data set %s: period type, every indicator’s data element and COCs, and the AOC',
        (_id, mapping) => {
            const dataSet = metadata.dataSets.find((ds) => ds.id === mapping.dataSet)
            expect(dataSet).toBeDefined()
            if (!dataSet) return
            expect(mapping.periodType).toBe(dataSet.periodType)
            expect(combosOf(dataSet.categoryCombo.id)).toContain(mapping.attributeOptionCombo)
            const problems: string[] = []
            for (const rule of mapping.indicators) {
                const member = dataSet.dataSetElements.find(
                    (dse) => dse.dataElement.id === rule.dataElement
                )
                const element = metadata.dataElements.find((de) => de.id === rule.dataElement)
                if (!member || !element) {
                    problems.push(`${rule.dataElement} is not in ${dataSet.id}`)
                    continue
                }
                const combo = member.categoryCombo?.id ?? element.categoryCombo.id
                const allowed = combosOf(combo)
                for (const coc of writtenCombos(rule, mapping.sexCategoryOptionCombos)) {
                    if (!allowed.includes(coc)) problems.push(`${coc} is not in ${combo}`)
                }
                // Every COC of a split data element is written, so no disaggregation is left at 0.
                if (allowed.length > 1 && rule.disaggregation !== 'sex') {
                    problems.push(`${rule.dataElement} is split by ${combo} but counted whole`)
                }
            }
            expect(problems).toEqual([])
        }
    )

    it('counts every aggregate data element of both data sets, each exactly once', () => {
        for (const mapping of BD_AGGREGATE_MAPPING.dataSets) {
            const dataSet = metadata.dataSets.find((ds) => ds.id === mapping.dataSet)
            const members = (dataSet?.dataSetElements ?? []).map((dse) => dse.dataElement.id)
            const counted = mapping.indicators.map((rule) => rule.dataElement)
            expect([...counted].sort()).toEqual([...members].sort())
        }
    })

    it('splits the children’s doses by sex and counts TT, registrations and births whole', () => {
        const monthly = BD_AGGREGATE_MAPPING.dataSets[0]
        const split = (monthly?.indicators ?? [])
            .filter((rule) => rule.disaggregation === 'sex')
            .map((rule) => (rule.type === 'dose' ? `${rule.antigen}${rule.dose ?? ''}` : rule.type))
        expect(split).toEqual([
            'bcg',
            'opv0',
            'opv1',
            'opv2',
            'opv3',
            'penta1',
            'penta2',
            'penta3',
            'pcv1',
            'pcv2',
            'pcv3',
            'ipv1',
            'ipv2',
            'mr1',
            'mr2',
        ])
    })

    it('names only antigens that the BD antigen rules read', () => {
        const known = new Set(bdAntigenRules().map((rule) => rule.antigen))
        const named = BD_AGGREGATE_MAPPING.dataSets.flatMap((ds) =>
            ds.indicators.flatMap((rule) => (rule.type === 'dose' ? [rule.antigen] : []))
        )
        expect(named.filter((antigen) => !known.has(antigen))).toEqual([])
    })

    it('carries the data sets’ open future periods and expiry days as the package sets them', () => {
        for (const dataSet of metadata.dataSets) {
            expect(BD_DATA_SET_FACTS[dataSet.id]).toEqual({
                openFuturePeriods: dataSet.openFuturePeriods,
                expiryDays: dataSet.expiryDays,
            })
        }
    })
})

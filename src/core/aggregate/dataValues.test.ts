/** @jest-environment node */
import type { CellState } from '../ports/syncStore'
import { BD_AGGREGATE_MAPPING } from '../templates/bdAggregate'
import { dataValuesForCells, needsPosting } from './dataValues'

const M = 'Qnf0P01U3T1'
const W = 'ORjrZOfdUfU'
const cell = (ds: string, ou: string, pe: string, de: string, coc = 'HllvX50cXC0') =>
    `${ds}|${ou}|${pe}|${de}|${coc}|HllvX50cXC0`

describe('data values for changed cells', () => {
    it('sends full counts as strings with the COC and AOC, one batch per data set and period', () => {
        const cells: CellState[] = [
            { cell: cell(W, 'OuA', '2025W1', 'kW3nRegWk01'), count: 2 },
            { cell: cell(M, 'OuB', '202401', 'ieAFUesw47C'), count: 3, posted: 2 },
            { cell: cell(M, 'OuA', '202401', 'B0jp1RrdN32', 'ocU7V0kuUHq'), count: 12 },
            { cell: cell(M, 'OuA', '202402', 'ieAFUesw47C'), count: 1 },
        ]
        const batches = dataValuesForCells(cells, BD_AGGREGATE_MAPPING)
        expect(batches.map((b) => `${b.dataSet} ${b.period} ${b.dataValues.length}`)).toEqual([
            `${M} 202401 2`,
            `${M} 202402 1`,
            `${W} 2025W1 1`,
        ])
        expect(batches[0]?.dataValues).toEqual([
            {
                dataElement: 'B0jp1RrdN32',
                period: '202401',
                orgUnit: 'OuA',
                categoryOptionCombo: 'ocU7V0kuUHq',
                attributeOptionCombo: 'HllvX50cXC0',
                value: '12',
            },
            {
                dataElement: 'ieAFUesw47C',
                period: '202401',
                orgUnit: 'OuB',
                categoryOptionCombo: 'HllvX50cXC0',
                attributeOptionCombo: 'HllvX50cXC0',
                value: '3',
            },
        ])
        expect(batches[0]?.cells).toEqual([
            { cell: cell(M, 'OuA', '202401', 'B0jp1RrdN32', 'ocU7V0kuUHq'), posted: 12 },
            { cell: cell(M, 'OuB', '202401', 'ieAFUesw47C'), posted: 3 },
        ])
    })

    it('sends 0 for a cell that became empty, and nothing for unchanged or never-posted empty cells', () => {
        const emptied = { cell: cell(M, 'OuA', '202401', 'hanuV68JhNi'), count: 0, posted: 1 }
        const cells: CellState[] = [
            emptied,
            { cell: cell(M, 'OuA', '202401', 'ieAFUesw47C'), count: 4, posted: 4 },
            { cell: cell(M, 'OuA', '202401', 'Q6gnRLUd9EF'), count: 0 },
            { cell: cell(M, 'OuA', '202401', 'VaQTgvCcLjq'), count: 0, posted: 0 },
        ]
        const batches = dataValuesForCells(cells, BD_AGGREGATE_MAPPING)
        expect(batches).toHaveLength(1)
        expect(batches[0]?.dataValues.map((v) => [v.dataElement, v.value])).toEqual([
            ['hanuV68JhNi', '0'],
        ])
        expect(needsPosting(emptied)).toBe(true)
    })

    it('leaves out cells of data sets the mapping no longer has', () => {
        const cells: CellState[] = [{ cell: cell('OldDataSet1', 'OuA', '202401', 'X'), count: 1 }]
        expect(dataValuesForCells(cells, BD_AGGREGATE_MAPPING)).toEqual([])
    })

    it('refuses a malformed cell rather than sending something wrong', () => {
        expect(() =>
            dataValuesForCells([{ cell: 'garbage', count: 1 }], BD_AGGREGATE_MAPPING)
        ).toThrow(/malformed/)
    })
})

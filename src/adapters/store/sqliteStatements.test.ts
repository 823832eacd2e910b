/**
 * @jest-environment node
 */
import Database from 'better-sqlite3'
import { migrate } from './sqliteSchema'
import { STATEMENTS } from './sqliteStatements'

const db = new Database(':memory:')
migrate(db)

function planOf(sql: string): string[] {
    const params = Array.from(sql.matchAll(/\?/g), () => null)
    return db
        .prepare(`EXPLAIN QUERY PLAN ${sql}`)
        .all(...params)
        .map((step) =>
            typeof step === 'object' && step && 'detail' in step ? String(step.detail) : ''
        )
}

afterAll(() => db.close())

describe('the SQLite store finds what it looks up through an index', () => {
    it.each(Object.entries(STATEMENTS))('%s reads no table from end to end', (_, sql) => {
        expect(planOf(sql).filter((step) => /^SCAN \w+$/.test(step))).toEqual([])
    })

    it.each([
        ['dueRetries', 'records_failed_by_age'],
        ['listFailed', 'records_failed_by_age'],
        ['rowsOfEvent', 'ledger_rows_by_event'],
        ['firstDirtyCells', 'ledger_cells_dirty'],
        ['nextDirtyCells', 'ledger_cells_dirty'],
    ] as const)('%s walks %s', (name, index) => {
        expect(planOf(STATEMENTS[name]).join('\n')).toContain(`USING INDEX ${index}`)
    })
})

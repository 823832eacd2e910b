/**
 * @jest-environment ./test/setup/nodeFetchEnvironment.js
 */
import type { RunSummary } from '../../src/core/summary/types'
import { MONTHLY } from './support/aggregateOracle'
import { countsOf, dhis2Values, facilities, oracle, sorted } from './support/aggregateReads'
import { DHIS2_ADMIN, startHarness, type Harness } from './support/syncHarness'

/**
 * Issue 9: a conflict in one org unit or period does not stop the others, on 2.42 (the importer of
 * 2.38–2.42: per-value conflicts, E7636/E7640) and 2.43 (whole data set groups refused, E8022/E8032,
 * partial imports answered with 200). The monthly data set loses one facility's assignment and one
 * month is locked; every other cell is written, each refused cell is a per-record error, and
 * refused cells stay dirty: the next run sends them again, and once the facility is assigned again
 * its values arrive.
 */

const LOCKED = '202303'

async function run(h: Harness): Promise<RunSummary> {
    const result = await h.run({ scope: { streams: 'aggregate' } })
    if (result.outcome !== 'ran') throw new Error('locked')
    return result.summary
}

/** As an admin would in the Maintenance app: the monthly data set's org units, replaced. */
async function assignMonthly(h: Harness, orgUnits: string[]) {
    const dataSet = await h.dhis2(`dataSets/${MONTHLY}?fields=:owner`)
    const response = await fetch(`${h.dhis2Url}/api/metadata`, {
        method: 'POST',
        headers: { Authorization: DHIS2_ADMIN, 'Content-Type': 'application/json' },
        body: JSON.stringify({
            dataSets: [{ ...dataSet, organisationUnits: orgUnits.map((id) => ({ id })) }],
        }),
    })
    if (!response.ok) throw new Error(`metadata: ${response.status} ${await response.text()}`)
}

/** `orgUnit/period/dataElement/coc` of a monthly oracle cell, as the run names refused values. */
const sourceIdOf = (key: string) => key.split('|').slice(1).join('/')

const without = (cells: Map<string, number>, drop: (key: string) => boolean) =>
    new Map([...cells].filter(([key]) => !drop(key)))

describe.each([42, 43] as const)('aggregate conflicts on DHIS2 2.%i', (minor) => {
    let h: Harness
    let all: string[]
    let removed: string
    let expected: Map<string, number>
    const refused = (key: string) =>
        key.startsWith(`${MONTHLY}|`) &&
        (key.split('|')[1] === removed || key.split('|')[2] === LOCKED)

    beforeAll(async () => {
        h = await startHarness({
            minor,
            dhis2: { lockedPeriods: [{ dataSet: MONTHLY, period: LOCKED }] },
        })
        all = (await facilities(h)).map((f) => f.orgUnit)
        removed = all[1] ?? ''
        expected = await oracle(h)
        await assignMonthly(
            h,
            all.filter((ou) => ou !== removed)
        )
    })
    afterAll(() => h.close())

    it('writes every other cell and reports each refused one', async () => {
        const summary = await run(h)
        const failedCells = [...expected.keys()].filter(refused)
        expect(failedCells.some((key) => key.split('|')[2] === LOCKED)).toBe(true)
        expect(failedCells.some((key) => key.split('|')[1] === removed)).toBe(true)
        expect(summary.status).toBe('completed-with-errors')
        expect(summary.aggregate).toMatchObject({
            written: expected.size - failedCells.length,
            failed: failedCells.length,
        })
        const dataValueErrors = summary.errors.filter((e) => e.recordKind === 'dataValue')
        expect(dataValueErrors.map((e) => e.sourceId).sort()).toEqual(
            failedCells.map(sourceIdOf).sort()
        )
        for (const error of dataValueErrors) {
            expect(error.kind).toBe('rejected')
            expect(error.code).toMatch(/^E\d{4}$/)
            expect(error.orgUnit === removed || error.period === LOCKED).toBe(true)
        }
        expect(sorted(countsOf(await dhis2Values(h)))).toEqual(sorted(without(expected, refused)))
    })

    it('sends the refused cells again on the next run, and nothing else', async () => {
        const summary = await run(h)
        expect(summary.aggregate).toMatchObject({
            written: 0,
            failed: [...expected.keys()].filter(refused).length,
        })
    })

    it('writes the facility’s values once it is assigned again; the locked month stays refused', async () => {
        await assignMonthly(h, all)
        const summary = await run(h)
        const stillLocked = (key: string) =>
            key.startsWith(`${MONTHLY}|`) && key.split('|')[2] === LOCKED
        const freed = [...expected.keys()].filter((key) => refused(key) && !stillLocked(key))
        expect(summary.aggregate).toMatchObject({
            written: freed.length,
            failed: [...expected.keys()].filter(stillLocked).length,
        })
        expect(sorted(countsOf(await dhis2Values(h)))).toEqual(
            sorted(without(expected, stillLocked))
        )
    })
})

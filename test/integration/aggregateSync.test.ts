/**
 * @jest-environment ./test/setup/nodeFetchEnvironment.js
 */
import { DE, FEMALE, MALE, MONTHLY, cellOf, type Raw } from './support/aggregateOracle'
import {
    changedCells,
    countsOf,
    dhis2Values,
    facilities,
    oracle,
    sorted,
} from './support/aggregateReads'
import {
    birthRegistration,
    childClient,
    dhakaMorning,
    PARENT_CODE,
    vaccination,
    voidEvent,
    withVaccinationDate,
} from './support/openSrpRecords'
import { startHarness, type Harness } from './support/syncHarness'

/**
 * Issue 9's acceptance: every value of the BD monthly and weekly data sets, per facility, period,
 * data element and category option combo, equals the counts worked out in aggregateOracle.ts from
 * OpenSRP's raw records (not with the app's code); a rerun writes nothing; an edit, a void and a
 * new registration change exactly the cells they touch, down to zero.
 *
 * 80 children of seed 20 carry every quirk of the generator: out-of-area copies, an edited and
 * two voided doses (one re-entered), a voided duplicate client, malformed events and a child
 * without a sex.
 */

const aggregateOnly = { scope: { streams: 'aggregate' as const } }

async function run(h: Harness) {
    const result = await h.run(aggregateOnly)
    if (result.outcome !== 'ran') throw new Error('locked')
    return result.summary
}

const isPenta1 = (event: Raw) =>
    event.eventType === 'Vaccination' &&
    Array.isArray(event.obs) &&
    event.obs.some((o: Raw) => o.formSubmissionField === 'penta_1') &&
    typeof event._id === 'string' &&
    Object.keys((event.details as Raw | undefined) ?? {}).every((k) => k === 'program_client_id') &&
    Object.keys((event.identifiers as Raw | undefined) ?? {}).length === 0

const dateOf = (event: Raw): string => {
    const obs = (event.obs as Raw[]).find(
        (o) => o.fieldCode === '1410AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'
    )
    return Array.isArray(obs?.values) && typeof obs.values[0] === 'string' ? obs.values[0] : ''
}

const monthOf = (date: string) => date.slice(0, 7).replace('-', '')

describe.each([40, 42, 43] as const)('aggregate sync on DHIS2 2.%i', (minor) => {
    let h: Harness
    beforeAll(async () => {
        h = await startHarness({ minor, opensrp: { children: 80, seed: 20 } })
    })
    afterAll(() => h.close())

    it('previews with a dry run: DHIS2 validates every value and keeps none', async () => {
        const result = await h.run({ ...aggregateOnly, dryRun: true })
        if (result.outcome !== 'ran') throw new Error('locked')
        expect(result.summary.aggregate).toMatchObject({
            written: (await oracle(h)).size,
            failed: 0,
        })
        expect((await dhis2Values(h)).size).toBe(0)
    })

    it('posts every cell of both data sets as counted from the raw OpenSRP records', async () => {
        const summary = await run(h)
        expect(summary.status).toBe('completed-with-errors') // the planted bad records
        expect(summary.aggregate?.failed).toBe(0)
        const expected = await oracle(h)
        // Every indicator of both data sets is exercised, at every facility.
        const elements = new Set([...expected.keys()].map((key) => key.split('|')[3]))
        expect([...elements].sort()).toEqual(Object.values(DE).sort())
        const orgUnits = new Set([...expected.keys()].map((key) => key.split('|')[1]))
        expect(orgUnits.size).toBe((await facilities(h)).length)
        expect(sorted(countsOf(await dhis2Values(h)))).toEqual(sorted(expected))
        expect(summary.aggregate?.written).toBe(expected.size)
    })

    it('writes nothing on a rerun', async () => {
        const summary = await run(h)
        expect(summary.aggregate).toMatchObject({ written: 0, failed: 0 })
    })

    it('changes exactly the cells an edit, a void and a new registration touch, down to zero', async () => {
        const before = await oracle(h)
        const valuesBefore = await dhis2Values(h)
        const events = await h.opensrpAll('rest/event/getAll')
        const clients = new Map(
            (await h.opensrpAll('rest/client/getAll')).map((c) => [String(c.baseEntityId), c])
        )
        const orgUnitOf = new Map((await facilities(h)).map((f) => [f.locationId, f.orgUnit]))
        const penta1Cell = (e: Raw) =>
            cellOf(
                MONTHLY,
                String(orgUnitOf.get(String(e.locationId))),
                monthOf(dateOf(e)),
                DE.penta1,
                clients.get(String(e.baseEntityId))?.gender === 'Male' ? MALE : FEMALE
            )
        const candidates = events.filter(
            (e) => isPenta1(e) && clients.get(String(e.baseEntityId))?.gender !== undefined
        )
        // The void empties a cell: a Penta 1 dose alone in its month, facility and sex.
        const alone = candidates.find((e) => before.get(penta1Cell(e)) === 1)
        const edited = candidates.find((e) => e !== alone && (before.get(penta1Cell(e)) ?? 0) >= 2)
        if (!alone || !edited) throw new Error('no Penta 1 doses to edit and void')
        const [facility] = await facilities(h)
        if (!facility) throw new Error('no facility')
        const newChild = childClient({
            birthdate: '2023-03-02',
            locationId: facility.locationId,
            gender: 'Female',
        })
        const movedTo = addMonthish(dateOf(edited))
        await h.upload({
            clients: [newChild],
            events: [
                withVaccinationDate(edited, movedTo),
                voidEvent(alone, dhakaMorning('2026-11-30')),
                birthRegistration({
                    client: newChild,
                    locationId: facility.locationId,
                    eventDate: dhakaMorning('2023-03-04'),
                    weight: '2.1',
                    place: 'Home',
                }),
                vaccination({
                    baseEntityId: String(newChild.baseEntityId),
                    locationId: facility.locationId,
                    field: 'bcg',
                    parentCode: PARENT_CODE.bcg,
                    dose: 1,
                    date: '2023-03-05',
                }),
            ],
        })

        const summary = await run(h)
        const after = await oracle(h)
        const expectedChanges = changedCells(before, after)
        const valuesAfter = await dhis2Values(h)
        const actualChanges = changedCells(countsOf(valuesBefore), countsOf(valuesAfter))
        expect(sorted(actualChanges)).toEqual(sorted(expectedChanges))
        // Nothing else was sent: every write is one of the changed cells.
        expect(summary.aggregate).toMatchObject({ written: expectedChanges.size, failed: 0 })
        // The new child: registration, low weight, home birth, BCG (female), weekly registration.
        expect(expectedChanges.size).toBeGreaterThanOrEqual(5 + 4 + 1)
        // The voided dose's cell went down to zero, and DHIS2 holds that zero (zeroIsSignificant).
        const zeroed = [...expectedChanges].filter(([, change]) => change.to === 0)
        expect(zeroed.length).toBeGreaterThan(0)
        for (const [key] of zeroed) expect(valuesAfter.get(key)).toBe('0')
        expect(sorted(countsOf(valuesAfter))).toEqual(sorted(after))
        // The edit moved its dose from one month's cell to another's.
        const from = penta1Cell(edited)
        const to = penta1Cell({ ...edited, obs: withVaccinationDate(edited, movedTo).obs })
        expect(expectedChanges.get(from)?.to).toBe((before.get(from) ?? 0) - 1)
        expect(expectedChanges.get(to)?.to).toBe((before.get(to) ?? 0) + 1)
    })

    it('writes nothing on the rerun after the changes', async () => {
        const summary = await run(h)
        expect(summary.aggregate).toMatchObject({ written: 0, failed: 0 })
    })
})

/** A date five weeks later: another month and another week. */
function addMonthish(date: string): string {
    const d = new Date(`${date}T00:00:00Z`)
    d.setUTCDate(d.getUTCDate() + 35)
    return d.toISOString().slice(0, 10)
}

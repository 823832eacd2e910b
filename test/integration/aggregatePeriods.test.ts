/**
 * @jest-environment ./test/setup/nodeFetchEnvironment.js
 */
import { systemClock } from '../../src/adapters/runner/systemClock'
import { DE, DEFAULT_COC, FEMALE, MONTHLY, WEEKLY, cellOf } from './support/aggregateOracle'
import { countsOf, dhis2Values, facilities, oracle, sorted } from './support/aggregateReads'
import { birthRegistration, childClient, PARENT_CODE, vaccination } from './support/openSrpRecords'
import { startHarness, type Harness } from './support/syncHarness'

/**
 * Issue 9: weekly periods across year ends, end to end (OpenSRP upload → DHIS2 values). ISO weeks
 * start on Monday and week 1 holds 4 January: 2020 and 2026 have a week 53, 30 December 2024 is in
 * 2025W1 and 29 December 2025 in 2026W1. A registration's period comes from its eventDate in
 * Asia/Dhaka (an eventDate at 18:30Z is the next day there), a dose's from its vaccination date.
 */

interface Child {
    born: string
    registered: string
    penta1: string
}

/** Girls registered and vaccinated around year ends, with the periods each date falls in. */
const CHILDREN: Record<string, Child> = {
    // registered 2020W53 / 202012, Penta 1 2020W53 / 202101
    a: { born: '2020-12-29', registered: '2020-12-31T10:00:00.000+06:00', penta1: '2021-01-03' },
    // registered on a Sunday night: 2020W53 / 202101; Penta 1 2021W1 / 202101
    b: { born: '2020-12-30', registered: '2021-01-03T23:30:00.000+06:00', penta1: '2021-01-04' },
    // 18:30Z on Sunday is Monday in Dhaka: 2021W1 / 202101; Penta 1 2024W52 / 202412
    c: { born: '2021-01-01', registered: '2021-01-03T18:30:00.000Z', penta1: '2024-12-29' },
    // 2024W52 / 202412; Penta 1 on Monday 30 December: 2025W1 / 202412
    d: { born: '2024-12-27', registered: '2024-12-29T10:00:00.000+06:00', penta1: '2024-12-30' },
    // Dhaka's 30 December: 2025W1 / 202412; Penta 1 on Sunday 5 January: 2025W1 / 202501
    e: { born: '2024-12-27', registered: '2024-12-29T18:30:00.000Z', penta1: '2025-01-05' },
    // no offset, taken as written: 2025W1 / 202501; Penta 1 on Sunday 28 December: 2025W52
    f: { born: '2024-12-31', registered: '2025-01-01T08:00:00.000', penta1: '2025-12-28' },
    // 2025W2 / 202501; Penta 1 on Monday 29 December 2025: 2026W1 / 202512
    g: { born: '2025-01-01', registered: '2025-01-06T10:00:00.000+06:00', penta1: '2025-12-29' },
}

async function uploadChildren(h: Harness, children: Record<string, Child>) {
    const [facility] = await facilities(h)
    if (!facility) throw new Error('no facility')
    for (const child of Object.values(children)) {
        const client = childClient({
            birthdate: child.born,
            locationId: facility.locationId,
            gender: 'Female',
        })
        await h.upload({
            clients: [client],
            events: [
                birthRegistration({
                    client,
                    locationId: facility.locationId,
                    eventDate: child.registered,
                }),
                vaccination({
                    baseEntityId: String(client.baseEntityId),
                    locationId: facility.locationId,
                    field: 'penta_1',
                    parentCode: PARENT_CODE.penta,
                    dose: 1,
                    date: child.penta1,
                }),
            ],
        })
    }
    return facility.orgUnit
}

const cells = (orgUnit: string, entries: Array<[string, string, string, string, number]>) =>
    new Map(entries.map(([ds, pe, de, coc, n]) => [cellOf(ds, orgUnit, pe, de, coc), n]))

describe.each([40, 42, 43] as const)(
    'weekly and monthly periods across year ends on 2.%i',
    (minor) => {
        let h: Harness
        beforeAll(async () => {
            h = await startHarness({ minor, opensrp: { children: 0 } })
        })
        afterAll(() => h.close())

        it('puts every registration and dose in its ISO week and month', async () => {
            const ou = await uploadChildren(h, CHILDREN)
            const result = await h.run({ scope: { streams: 'aggregate' } })
            if (result.outcome !== 'ran') throw new Error('locked')
            expect(result.summary.status).toBe('succeeded')
            const expected = cells(ou, [
                [WEEKLY, '2020W53', DE.weeklyRegistrations, DEFAULT_COC, 2],
                [WEEKLY, '2021W1', DE.weeklyRegistrations, DEFAULT_COC, 1],
                [WEEKLY, '2024W52', DE.weeklyRegistrations, DEFAULT_COC, 1],
                [WEEKLY, '2025W1', DE.weeklyRegistrations, DEFAULT_COC, 2],
                [WEEKLY, '2025W2', DE.weeklyRegistrations, DEFAULT_COC, 1],
                [WEEKLY, '2020W53', DE.weeklyPenta1, FEMALE, 1],
                [WEEKLY, '2021W1', DE.weeklyPenta1, FEMALE, 1],
                [WEEKLY, '2024W52', DE.weeklyPenta1, FEMALE, 1],
                [WEEKLY, '2025W1', DE.weeklyPenta1, FEMALE, 2],
                [WEEKLY, '2025W52', DE.weeklyPenta1, FEMALE, 1],
                [WEEKLY, '2026W1', DE.weeklyPenta1, FEMALE, 1],
                [MONTHLY, '202012', DE.registrations, DEFAULT_COC, 1],
                [MONTHLY, '202101', DE.registrations, DEFAULT_COC, 2],
                [MONTHLY, '202412', DE.registrations, DEFAULT_COC, 2],
                [MONTHLY, '202501', DE.registrations, DEFAULT_COC, 2],
                [MONTHLY, '202101', DE.penta1, FEMALE, 2],
                [MONTHLY, '202412', DE.penta1, FEMALE, 2],
                [MONTHLY, '202501', DE.penta1, FEMALE, 1],
                [MONTHLY, '202512', DE.penta1, FEMALE, 2],
            ])
            // Worked out by hand above; the oracle (its own ISO week arithmetic) agrees.
            expect(sorted(await oracle(h))).toEqual(sorted(expected))
            expect(sorted(countsOf(await dhis2Values(h)))).toEqual(sorted(expected))
        })
    }
)

describe('2026W53, seen from 20 January 2027, on 2.42', () => {
    const offset = Date.parse('2027-01-20T04:00:00Z') - Date.now()
    const later = { now: () => Date.now() + offset, sleep: systemClock.sleep }
    let h: Harness
    beforeAll(async () => {
        h = await startHarness({
            minor: 42,
            opensrp: { children: 0 },
            dhis2: { clock: { now: () => new Date(later.now()) } },
        })
    })
    afterAll(() => h.close())

    it('posts 2026W53 and 2027W1, and holds back January 2027 until it is over', async () => {
        const ou = await uploadChildren(h, {
            // 2026W53 / 202612; Penta 1 on Sunday 3 January 2027: 2026W53 / 202701
            h: {
                born: '2026-12-20',
                registered: '2026-12-31T10:00:00.000+06:00',
                penta1: '2027-01-03',
            },
            // 2027W1 / 202701; Penta 1 on Monday 28 December 2026: 2026W53 / 202612
            i: {
                born: '2026-12-20',
                registered: '2027-01-04T10:00:00.000+06:00',
                penta1: '2026-12-28',
            },
        })
        const result = await h.run({ scope: { streams: 'aggregate' }, clock: later })
        if (result.outcome !== 'ran') throw new Error('locked')
        const expected = cells(ou, [
            [WEEKLY, '2026W53', DE.weeklyRegistrations, DEFAULT_COC, 1],
            [WEEKLY, '2027W1', DE.weeklyRegistrations, DEFAULT_COC, 1],
            [WEEKLY, '2026W53', DE.weeklyPenta1, FEMALE, 2],
            [MONTHLY, '202612', DE.registrations, DEFAULT_COC, 1],
            [MONTHLY, '202612', DE.penta1, FEMALE, 1],
        ])
        expect(sorted(await oracle(h, '2027-01-20'))).toEqual(sorted(expected))
        expect(sorted(countsOf(await dhis2Values(h)))).toEqual(sorted(expected))
        expect(result.summary.aggregate?.heldBack).toEqual([
            expect.objectContaining({
                dataSet: MONTHLY,
                period: '202701',
                reason: 'open-in-opensrp',
            }),
        ])
    })
})

/**
 * @jest-environment ./test/setup/nodeFetchEnvironment.js
 */
import type { RunSummary } from '../../src/core/summary/types'
import type { ConnectorRunInput } from '../../src/adapters/runner/runConnector'
import { InMemorySyncStore } from '../fakes/inMemorySyncStore'
import { DE, DEFAULT_COC, MONTHLY, cellOf, monthOf, type Raw } from './support/aggregateOracle'
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
    voidEvent,
    withVaccinationDate,
} from './support/openSrpRecords'
import { startHarness, type Harness } from './support/syncHarness'

/**
 * DESIGN §3.3, §7: the local ledger is a cache. A lost one (new store) or a foreign one (stamped by
 * another run) never posts partial counts: the run rebuilds it from a full read first, compares it
 * with what DHIS2 holds, writes only what differs and zeroes what it no longer fills, including a
 * value whose only event was voided while the store was lost.
 */

async function run(h: Harness, overrides: Partial<ConnectorRunInput> = {}): Promise<RunSummary> {
    const result = await h.run({ scope: { streams: 'aggregate' }, ...overrides })
    if (result.outcome !== 'ran') throw new Error('locked')
    return result.summary
}

/** A registration of a new girl at the first facility, on a day in 2023. */
async function registerChild(h: Harness, day: string) {
    const [facility] = await facilities(h)
    if (!facility) throw new Error('no facility')
    const client = childClient({
        birthdate: day,
        locationId: facility.locationId,
        gender: 'Female',
    })
    await h.upload({
        clients: [client],
        events: [
            birthRegistration({
                client,
                locationId: facility.locationId,
                eventDate: dhakaMorning(day),
                weight: '3.1',
                place: 'Health facility',
            }),
        ],
    })
}

const DATE_CONCEPT = '1410AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'

/** Vaccination events of readable children's doses at the EPI centres, with their date. */
async function doses(h: Harness): Promise<Array<{ event: Raw; date: string }>> {
    const list: Array<{ event: Raw; date: string }> = []
    for (const event of await h.opensrpAll('rest/event/getAll')) {
        if (event.eventType !== 'Vaccination' || typeof event._id !== 'string') continue
        if (
            Object.keys((event.details as Raw | undefined) ?? {}).some(
                (k) => k !== 'program_client_id'
            )
        )
            continue
        const obs = (event.obs as Raw[]).find((o) => o.fieldCode === DATE_CONCEPT)
        const date = Array.isArray(obs?.values) ? obs.values[0] : undefined
        if (typeof date === 'string') list.push({ event, date })
    }
    return list
}

describe.each([40, 42] as const)('a lost or foreign ledger on DHIS2 2.%i', (minor) => {
    let h: Harness
    beforeAll(async () => {
        h = await startHarness({ minor })
        await run(h)
    })
    afterAll(() => h.close())

    const expectDhis2MatchesOracle = async () =>
        expect(sorted(countsOf(await dhis2Values(h)))).toEqual(sorted(await oracle(h)))

    it('rebuilds a lost store from a full read: full counts, only changed cells written', async () => {
        const before = await oracle(h)
        await registerChild(h, '2023-05-10')
        h.store = new InMemorySyncStore()
        const summary = await run(h)
        const changed = changedCells(before, await oracle(h))
        // Registrations, births in facility (monthly) and registrations (weekly): counts + 1.
        expect(changed.size).toBe(3)
        // Every value DHIS2 held was compared with the rebuilt count; those that were right stayed.
        const heldAndChanged = [...changed.values()].filter((c) => c.from > 0).length
        expect(summary.aggregate).toMatchObject({
            written: 3,
            failed: 0,
            unchanged: before.size - heldAndChanged,
        })
        await expectDhis2MatchesOracle()
    })

    it('zeroes a value whose only event was voided while the store was lost', async () => {
        const counts = await oracle(h)
        const [facility] = await facilities(h)
        if (!facility) throw new Error('no facility')
        const tt3Cell = (date: string) =>
            cellOf(MONTHLY, facility.orgUnit, monthOf(date).id, DE.tt3, DEFAULT_COC)
        // A TT 3 dose (one cell per facility, month and dose) that is alone in its cell.
        const lonely = (await doses(h)).find(({ event, date }) => {
            const obs = (event.obs as Raw[]).find((o) => o.fieldCode === DATE_CONCEPT)
            return (
                obs?.formSubmissionField === 'tt_3' &&
                event.locationId === facility.locationId &&
                counts.get(tt3Cell(date)) === 1
            )
        })
        if (!lonely) throw new Error('no TT 3 dose alone in its cell')
        const cell = tt3Cell(lonely.date)
        h.store = new InMemorySyncStore()
        await h.upload({ events: [voidEvent(lonely.event, dhakaMorning('2026-12-01'))] })
        const summary = await run(h)
        expect(summary.aggregate).toMatchObject({ written: 1, failed: 0 })
        expect((await dhis2Values(h)).get(cell)).toBe('0')
        await expectDhis2MatchesOracle()
    })

    it('rebuilds a ledger stamped by another run', async () => {
        const before = await oracle(h)
        const [dose] = (await doses(h)).filter(({ date }) => date.startsWith('2023-0'))
        if (!dose) throw new Error('no dose in 2023')
        await h.upload({ events: [withVaccinationDate(dose.event, '2022-11-15')] })
        await h.store.putMeta('ledger.all', { id: 'another-browser' })
        const summary = await run(h)
        const changed = changedCells(before, await oracle(h))
        expect(changed.size).toBeGreaterThanOrEqual(2)
        expect(summary.aggregate).toMatchObject({ written: changed.size, failed: 0 })
        expect(summary.aggregate?.unchanged).toBeGreaterThan(0)
        await expectDhis2MatchesOracle()
    })

    it('does not trust its ledger after another store’s rebuild stopped half way', async () => {
        const mine = h.store
        await registerChild(h, '2023-06-20')
        // Another store rebuilds, reads every event (moving the shared ledger cursor past the new
        // registration) and is stopped before it posts.
        h.store = new InMemorySyncStore()
        const stop = new AbortController()
        const stopped = await h
            .run({
                scope: { streams: 'aggregate' },
                signal: stop.signal,
                onProgress: (p) => {
                    if (p.phase === 'posting-aggregates') stop.abort()
                },
            })
            .catch((error: unknown) => error)
        expect(stopped).toMatchObject({ outcome: 'ran', summary: { status: 'cancelled' } })
        // This store's own ledger does not know the registration; a run that trusted it would
        // read on from the other store's cursor and never count it.
        h.store = mine
        const summary = await run(h)
        expect(summary.aggregate).toMatchObject({ written: 3, failed: 0 })
        await expectDhis2MatchesOracle()
    })

    it('writes nothing once the ledger is its own again', async () => {
        const summary = await run(h)
        expect(summary.aggregate).toMatchObject({ written: 0, unchanged: 0, failed: 0 })
    })
})

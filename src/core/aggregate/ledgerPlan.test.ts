/** @jest-environment node */
import { client, vaccination, voidEvent } from '../../../test/builders/openSrp'
import { createArithmeticPeriods } from '../../../test/fakes/arithmeticPeriods'
import type { LedgerRow } from '../ports/syncStore'
import { BD_AGGREGATE_MAPPING } from '../templates/bdAggregate'
import { bdAntigenRules } from '../templates/bdAntigens'
import { eventKeyOf } from '../opensrp/vaccination'
import type { OpenSrpEvent } from '../domain/opensrp'
import { planLedgerBatch, planLedgerChange, type LedgerEventRows } from './ledgerPlan'
import { ledgerRowsForEvent } from './ledgerRows'

const row = (countKey: string, eventKey: string, cell: string, serverVersion: number) => ({
    countKey,
    eventKey,
    cell,
    serverVersion,
})

/** A tiny ledger: rows by countKey, changed as SyncStore.applyLedgerChanges does. */
class Ledger {
    readonly rows = new Map<string, LedgerRow>()

    rowsOf(eventKeys: string[]): Map<string, LedgerRow[]> {
        return new Map(
            eventKeys.map((key) => [key, [...this.rows.values()].filter((r) => r.eventKey === key)])
        )
    }

    rowsFor(countKeys: string[]): Map<string, LedgerRow> {
        const found = new Map<string, LedgerRow>()
        for (const key of countKeys) {
            const existing = this.rows.get(key)
            if (existing) found.set(key, existing)
        }
        return found
    }

    /** Plans a batch from what the store would return, applies it, returns the plan. */
    apply(events: LedgerEventRows[]) {
        const plan = planLedgerBatch(
            events,
            this.rowsOf(events.map((e) => e.eventKey)),
            this.rowsFor(events.flatMap((e) => e.rows.map((r) => r.countKey)))
        )
        for (const key of plan.remove) this.rows.delete(key)
        for (const put of plan.put) this.rows.set(put.countKey, put)
        return plan
    }

    /** Cell → number of rows, what DHIS2 would be sent. */
    counts(): Record<string, number> {
        const counts: Record<string, number> = {}
        for (const { cell } of this.rows.values()) counts[cell] = (counts[cell] ?? 0) + 1
        return counts
    }
}

const event = (eventKey: string, serverVersion: number, rows: LedgerRow[]): LedgerEventRows => ({
    eventKey,
    serverVersion,
    rows,
})

describe('one event', () => {
    it('puts the rows of a new event', () => {
        const rows = [row('K1', 'A', 'cellJan', 10)]
        expect(planLedgerChange({ eventKey: 'A', serverVersion: 10 }, rows, [], new Map())).toEqual(
            { remove: [], put: rows }
        )
    })

    it('changes nothing when the same version is read again', () => {
        const rows = [row('K1', 'A', 'cellJan', 10)]
        const existing = new Map([['K1', rows[0] as LedgerRow]])
        expect(
            planLedgerChange({ eventKey: 'A', serverVersion: 10 }, rows, rows, existing)
        ).toEqual({ remove: [], put: [] })
    })

    it('moves a row when an edit changes its date (same count key, new cell)', () => {
        const before = row('K1', 'A', 'cellFeb', 10)
        const after = row('K1', 'A', 'cellJan', 20)
        const plan = planLedgerChange(
            { eventKey: 'A', serverVersion: 20 },
            [after],
            [before],
            new Map([['K1', before]])
        )
        expect(plan).toEqual({ remove: [], put: [after] })
    })

    it('removes the old count key when an edit changes what is counted', () => {
        const before = row('penta2', 'A', 'cell', 10)
        const after = row('penta3', 'A', 'cell', 20)
        const plan = planLedgerChange(
            { eventKey: 'A', serverVersion: 20 },
            [after],
            [before],
            new Map()
        )
        expect(plan).toEqual({ remove: ['penta2'], put: [after] })
    })

    it('removes every row of a voided event', () => {
        const before = [row('K1', 'A', 'c1', 10), row('K2', 'A', 'c2', 10)]
        const plan = planLedgerChange({ eventKey: 'A', serverVersion: 30 }, [], before, new Map())
        expect(plan).toEqual({ remove: ['K1', 'K2'], put: [] })
    })

    it('ignores an older version of an event than the ledger holds', () => {
        const current = row('K1', 'A', 'cellJan', 20)
        const old = row('K1', 'A', 'cellFeb', 10)
        const plan = planLedgerChange(
            { eventKey: 'A', serverVersion: 10 },
            [old],
            [current],
            new Map([['K1', current]])
        )
        expect(plan).toEqual({ remove: [], put: [] })
    })

    it('leaves a count key with the event that counted it first', () => {
        const owner = row('K1', 'A', 'cellSite', 10)
        const copy = row('K1', 'B', 'cellHome', 20)
        const plan = planLedgerChange(
            { eventKey: 'B', serverVersion: 20 },
            [copy],
            [],
            new Map([['K1', owner]])
        )
        expect(plan).toEqual({ remove: [], put: [] })
    })
})

describe('a batch of events', () => {
    it('reports the copies it does not count and the stale versions it ignores', () => {
        const ledger = new Ledger()
        ledger.apply([event('A', 20, [row('K1', 'A', 'c', 20)])])
        const plan = ledger.apply([
            event('B', 30, [row('K1', 'B', 'c2', 30)]),
            event('A', 15, [row('K9', 'A', 'c', 15)]),
        ])
        expect(plan.shadowed).toEqual([row('K1', 'B', 'c2', 30)])
        expect(plan.stale).toEqual([{ eventKey: 'A', serverVersion: 15 }])
        expect(ledger.counts()).toEqual({ c: 1 })
    })

    it('plans events in serverVersion order whatever order they come in', () => {
        const ledger = new Ledger()
        ledger.apply([
            event('A', 20, [row('K1', 'A', 'cellJan', 20)]),
            event('A', 10, [row('K1', 'A', 'cellFeb', 10)]),
        ])
        expect(ledger.counts()).toEqual({ cellJan: 1 })
    })

    it('is idempotent for an event read twice (overlapping pages)', () => {
        const ledger = new Ledger()
        const twice = event('A', 10, [row('K1', 'A', 'c', 10)])
        ledger.apply([twice, twice])
        expect(ledger.apply([twice])).toMatchObject({ remove: [], put: [], shadowed: [] })
        expect(ledger.counts()).toEqual({ c: 1 })
    })

    it('gives a re-entered dose the count when the first entry is voided before it', () => {
        const ledger = new Ledger()
        ledger.apply([event('A', 10, [row('K1', 'A', 'c', 10)])])
        ledger.apply([event('A', 30, []), event('B', 40, [row('K1', 'B', 'c', 40)])])
        expect([...ledger.rows.values()]).toEqual([row('K1', 'B', 'c', 40)])
    })

    it('gives a re-entered dose the count when the void comes after it in the batch', () => {
        const ledger = new Ledger()
        ledger.apply([event('A', 10, [row('K1', 'A', 'cellOld', 10)])])
        const plan = ledger.apply([
            event('B', 20, [row('K1', 'B', 'cellNew', 20)]),
            event('A', 30, []),
        ])
        expect(plan).toMatchObject({ remove: [], shadowed: [] })
        expect([...ledger.rows.values()]).toEqual([row('K1', 'B', 'cellNew', 20)])
    })

    it('does not hand a count key to a copy that was itself edited away since', () => {
        const ledger = new Ledger()
        ledger.apply([event('A', 10, [row('K1', 'A', 'c', 10)])])
        ledger.apply([
            event('B', 20, [row('K1', 'B', 'c', 20)]),
            event('B', 25, [row('K2', 'B', 'c2', 25)]),
            event('A', 30, []),
        ])
        expect([...ledger.rows.values()]).toEqual([row('K2', 'B', 'c2', 25)])
    })
})

describe('real OpenSRP sequences through ledgerRowsForEvent', () => {
    const ctx = {
        mapping: BD_AGGREGATE_MAPPING,
        antigens: bdAntigenRules(),
        outOfAreaKeep: 'vaccinating-site' as const,
        resolveOrgUnit: (locationId: string) => ({
            ok: true as const,
            orgUnit: `Ou-${locationId}`,
        }),
        periods: createArithmeticPeriods(),
        timeZone: 'Asia/Dhaka',
        today: '2025-06-30',
    }
    const girl = client({ baseEntityId: 'child-1', gender: 'Female' })
    const rowsOf = (e: OpenSrpEvent): LedgerEventRows => ({
        eventKey: eventKeyOf(e),
        serverVersion: e.serverVersion,
        rows: ledgerRowsForEvent(e, girl, ctx).rows,
    })

    it('counts an out-of-area dose once, at the vaccinating site, whatever its three copies', () => {
        const site = vaccination('mr_2', '2024-03-05', {
            id: 'site',
            formSubmissionId: 'fs-site',
            locationId: 'kichak',
            identifiers: { ZEIR_ID: '1036652-8' },
            serverVersion: 10,
        })
        const home = vaccination('mr_2', '2024-03-05', {
            id: 'home',
            formSubmissionId: 'fs-home',
            locationId: 'home',
            details: { out_of_catchment_provider_id: 'ha_kichak5' },
            serverVersion: 11,
        })
        const service = {
            ...site,
            id: 'svc',
            formSubmissionId: 'fs-svc',
            eventType: 'Out of Area Service - Vaccination',
            identifiers: {},
            serverVersion: 12,
        }
        const ledger = new Ledger()
        ledger.apply([service, home, site].map(rowsOf))
        expect(ledger.counts()).toEqual({
            [`Qnf0P01U3T1|Ou-kichak|202403|DnH6vmVvhlo|m48aYeV9dEa|HllvX50cXC0`]: 1,
        })
    })

    it('moves a corrected PCV 2 from February to January, and a void takes OPV 2 away', () => {
        const pcv = vaccination('pcv_2', '2024-02-01', { id: 'p', formSubmissionId: 'fs-p' })
        const opv = vaccination('opv_2', '2024-01-29', {
            id: 'o',
            formSubmissionId: 'fs-o',
            serverVersion: 101,
        })
        const ledger = new Ledger()
        ledger.apply([pcv, opv].map(rowsOf))
        const corrected = vaccination('pcv_2', '2024-01-29', {
            id: 'p',
            formSubmissionId: 'fs-p',
            serverVersion: 200,
        })
        ledger.apply([corrected, voidEvent(opv, 201)].map(rowsOf))
        expect(ledger.counts()).toEqual({
            [`Qnf0P01U3T1|Ou-loc-a|202401|hEu7ueXznlA|m48aYeV9dEa|HllvX50cXC0`]: 1,
        })
    })

    it('counts a dose entered twice once, and the second entry after the first is voided', () => {
        const first = vaccination('penta_1', '2024-02-20', { id: 'a', formSubmissionId: 'fs-a' })
        const again = vaccination('penta_1', '2024-02-21', {
            id: 'b',
            formSubmissionId: 'fs-b',
            serverVersion: 150,
        })
        const ledger = new Ledger()
        ledger.apply([first, again].map(rowsOf))
        expect(Object.values(ledger.counts())).toEqual([1, 1]) // monthly and weekly, once each
        ledger.apply([rowsOf(voidEvent(first, 300))])
        expect([...ledger.rows.values()].map((r) => r.eventKey)).toEqual([])
        // The second entry was read before the void, in an earlier batch: a later read of it
        // (the overlap window, or a rebuild) restores the count.
        ledger.apply([rowsOf({ ...again })])
        expect([...ledger.rows.values()].map((r) => r.eventKey)).toEqual(['fs-b', 'fs-b'])
    })
})

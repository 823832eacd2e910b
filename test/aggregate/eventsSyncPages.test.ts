/** @jest-environment node */
import { readFileSync } from 'fs'
import path from 'path'
import { createGregorianPeriodCalculator } from '../../src/adapters/periods/gregorianPeriods'
import { validateClient, validateEvent } from '../../src/adapters/opensrp/validate'
import { dataValuesForCells } from '../../src/core/aggregate/dataValues'
import type { EventLedgerResult, LedgerContext } from '../../src/core/aggregate/ledgerContext'
import { planLedgerBatch } from '../../src/core/aggregate/ledgerPlan'
import { ledgerRowsForEvent } from '../../src/core/aggregate/ledgerRows'
import type { OpenSrpClient, OpenSrpEvent } from '../../src/core/domain/opensrp'
import { eventKeyOf } from '../../src/core/opensrp/vaccination'
import { BD_AGGREGATE_MAPPING } from '../../src/core/templates/bdAggregate'
import { BD_ANTIGENS } from '../../src/core/templates/bdAntigens'
import { InMemorySyncStore } from '../fakes/inMemorySyncStore'

/**
 * The two event/sync pages of test/fixtures/opensrp (their README lists the tricky cases) through
 * the aggregate side: every event is counted, in error or skipped with a reason, and the cells
 * after both pages are the ones worked out by hand from the README, not from this code.
 */

const fixture = (name: string): unknown =>
    JSON.parse(readFileSync(path.resolve(__dirname, '../fixtures/opensrp', name), 'utf8'))

function recordsOf(page: unknown, key: 'events' | 'clients'): unknown[] {
    if (typeof page !== 'object' || page === null) return []
    const list: unknown = Reflect.get(page, key)
    return Array.isArray(list) ? list : []
}

function valid<T>(result: { ok: true; value: T } | { ok: false }): T {
    if (!result.ok) throw new Error('a fixture record does not validate')
    return result.value
}

const pages = ['events-sync-page-1.json', 'events-sync-page-2.json'].map((name) => fixture(name))
/** Each page's events as the source adapter hands them on: validated, or quarantined at the edge. */
const readPages = pages.map((page) => recordsOf(page, 'events').map((raw) => validateEvent(raw)))
const eventPages: OpenSrpEvent[][] = readPages.map((page) =>
    page.flatMap((read) => (read.ok ? [read.value] : []))
)

/** The newest version of each client: client/getAll (clients.json) and the pages' clients. */
const clients = new Map<string, OpenSrpClient>()
const allClients = [fixture('clients.json'), ...pages].flatMap((source) =>
    Array.isArray(source) ? source : recordsOf(source, 'clients')
)
for (const raw of allClients) {
    const found = valid(validateClient(raw))
    const known = clients.get(found.baseEntityId)
    if (!known || known.serverVersion < found.serverVersion) clients.set(found.baseEntityId, found)
}

const ORG_UNITS: Record<string, string> = {
    '52995019-12fc-4844-a9f8-4cd6da43d54e': 'OuEpi3Ka001',
    '0eda413e-1e60-43a9-9294-effec7e3c61f': 'OuEpi3Kha01',
    '85d4d951-3eaa-479e-a482-b9183234206c': 'OuKichak5Ka',
}

const ctx: LedgerContext = {
    mapping: BD_AGGREGATE_MAPPING,
    antigens: BD_ANTIGENS,
    outOfAreaKeep: 'vaccinating-site',
    resolveOrgUnit: (locationId) => {
        const orgUnit = ORG_UNITS[locationId]
        return orgUnit
            ? { ok: true, orgUnit }
            : { ok: false, code: 'OSRP_NO_ORG_UNIT', message: `No org unit for ${locationId}.` }
    },
    periods: createGregorianPeriodCalculator(),
    timeZone: 'Asia/Dhaka',
    today: '2025-01-01',
}

const resultOf = (event: OpenSrpEvent): EventLedgerResult =>
    ledgerRowsForEvent(event, clients.get(event.baseEntityId), ctx)

function outcome(result: EventLedgerResult): string {
    const parts: string[] = []
    if (result.rows.length > 0) parts.push(`rows:${result.rows.length}`)
    for (const error of result.errors) parts.push(`error:${error.code}`)
    if (result.skipped) parts.push(`skip:${result.skipped.reason}`)
    return parts.join(' ')
}

describe('the fixture pages through ledgerRowsForEvent', () => {
    it('account for every event: rows, an error or a reason to skip, nothing lost', () => {
        const outcomes = readPages
            .flat()
            .map((read) =>
                read.ok
                    ? `${read.value.id.slice(0, 8)} ${outcome(resultOf(read.value))}`
                    : `${read.quarantine.recordId?.slice(0, 8)} quarantined`
            )
        expect(outcomes).toEqual([
            // page 1
            '024d1cb9 rows:4', // Birth Registration: registration, low weight, facility, weekly
            '8e3bb3f8 rows:1', // BCG
            '8f174592 rows:1', // OPV 0
            '6dda4ff0 rows:1', // TT 3 given in October 2023
            '2a8ddd1b skip:client-voided', // duplicate registration of a voided client
            '253a4d62 rows:1', // TT 2
            'c583b484 rows:1', // Penta 2
            'b7dbb143 rows:1', // OPV 2 (voided on page 2)
            '59e81c87 rows:1', // PCV 2 with the wrong date
            'ab628ab1 rows:3', // home birth of B/O Nasrin: registration, home, weekly
            'fa6314fa error:OSRP_UNKNOWN_SEX', // B/O Nasrin has no sex: no dose guessed
            'b55905d0 error:OSRP_UNKNOWN_SEX',
            // page 2
            'b55905d0 error:OSRP_UNKNOWN_SEX', // page 1's last event again
            '8869e520 rows:1', // TT 5
            '39e127cf rows:2', // Penta 1, monthly and weekly
            'a735a8cb rows:1', // fIPV 1
            'ce1aa18a rows:1', // MR 2 at the vaccinating site
            'e9f41f8a skip:out-of-area-copy', // its home-facility copy
            'b9b28da0 skip:out-of-area-service',
            '59e81c87 rows:1', // PCV 2 corrected
            '001f4622 quarantined', // Bangla digits in the date: the source adapter's quarantine
            'b7dbb143 skip:void',
        ])
        for (const e of eventPages.flat()) {
            const result = resultOf(e)
            expect(
                result.rows.length + result.errors.length + (result.skipped ? 1 : 0)
            ).toBeGreaterThan(0)
            for (const error of result.errors) {
                expect(error).toMatchObject({ sourceId: eventKeyOf(e), kind: 'mapping' })
            }
        }
    })
})

describe('the fixture pages through the ledger, page by page', () => {
    const M = 'Qnf0P01U3T1'
    const W = 'ORjrZOfdUfU'
    const D = 'HllvX50cXC0'
    const MALE = 'ocU7V0kuUHq'
    const FEMALE = 'm48aYeV9dEa'
    const value = (ds: string, ou: string, pe: string, de: string, coc: string) =>
        `${ds}|${ou}|${pe}|${de}|${coc}`

    async function applyPage(store: InMemorySyncStore, events: OpenSrpEvent[]) {
        const batch = events.map((e) => ({
            eventKey: eventKeyOf(e),
            serverVersion: e.serverVersion,
            rows: resultOf(e).rows,
        }))
        const plan = planLedgerBatch(
            batch,
            await store.ledgerRowsForEvents(batch.map((b) => b.eventKey)),
            await store.ledgerRowsForCountKeys(batch.flatMap((b) => b.rows.map((r) => r.countKey)))
        )
        await store.applyLedgerChanges(plan)
    }

    /** What would be posted now, as `cell → value`, and the store told it was. */
    async function post(store: InMemorySyncStore): Promise<Record<string, string>> {
        const cells = [
            ...(await store.dirtyCells(M, undefined, 1000)),
            ...(await store.dirtyCells(W, undefined, 1000)),
        ]
        const sent: Record<string, string> = {}
        for (const batch of dataValuesForCells(cells, BD_AGGREGATE_MAPPING)) {
            for (const v of batch.dataValues) {
                expect(v.attributeOptionCombo).toBe(D)
                sent[
                    value(batch.dataSet, v.orgUnit, v.period, v.dataElement, v.categoryOptionCombo)
                ] = v.value
            }
            await store.markPosted(batch.cells)
        }
        return sent
    }

    it('posts page 1, then exactly the cells page 2 changed, down to zero', async () => {
        const store = new InMemorySyncStore()
        await applyPage(store, eventPages[0] ?? [])
        expect(await post(store)).toEqual({
            [value(M, 'OuEpi3Ka001', '202401', 'ieAFUesw47C', D)]: '1',
            [value(M, 'OuEpi3Ka001', '202401', 'Q6gnRLUd9EF', D)]: '1',
            [value(M, 'OuEpi3Ka001', '202401', 'VaQTgvCcLjq', D)]: '1',
            [value(W, 'OuEpi3Ka001', '2024W2', 'kW3nRegWk01', D)]: '1',
            [value(M, 'OuEpi3Ka001', '202401', 'B0jp1RrdN32', MALE)]: '1',
            [value(M, 'OuEpi3Ka001', '202401', 'cU8l7fQCLBU', MALE)]: '1',
            [value(M, 'OuEpi3Ka001', '202310', 'ZzUnxW5F3xi', D)]: '1',
            [value(M, 'OuEpi3Kha01', '202401', 'OaauJlRbzvE', D)]: '1',
            [value(M, 'OuEpi3Kha01', '202401', 'UHkxKDOKsc0', FEMALE)]: '1',
            [value(M, 'OuEpi3Kha01', '202401', 'hanuV68JhNi', FEMALE)]: '1',
            [value(M, 'OuEpi3Kha01', '202402', 'hEu7ueXznlA', FEMALE)]: '1',
            [value(M, 'OuEpi3Kha01', '202403', 'ieAFUesw47C', D)]: '1',
            [value(M, 'OuEpi3Kha01', '202403', 'HlsQYU1Xeok', D)]: '1',
            [value(W, 'OuEpi3Kha01', '2024W9', 'kW3nRegWk01', D)]: '1',
        })

        await applyPage(store, eventPages[1] ?? [])
        expect(await post(store)).toEqual({
            // voided OPV 2 and PCV 2 moved out of February: zeros
            [value(M, 'OuEpi3Kha01', '202401', 'hanuV68JhNi', FEMALE)]: '0',
            [value(M, 'OuEpi3Kha01', '202402', 'hEu7ueXznlA', FEMALE)]: '0',
            [value(M, 'OuEpi3Kha01', '202401', 'hEu7ueXznlA', FEMALE)]: '1',
            [value(M, 'OuEpi3Kha01', '202403', 'sunzsJMYGFa', D)]: '1',
            [value(M, 'OuEpi3Ka001', '202402', 'XMKRsEUVgIX', MALE)]: '1',
            [value(W, 'OuEpi3Ka001', '2024W8', 'kW3nPen1Wk2', MALE)]: '1',
            [value(M, 'OuEpi3Ka001', '202402', 'SJqsOnXdgRg', MALE)]: '1',
            [value(M, 'OuKichak5Ka', '202403', 'DnH6vmVvhlo', MALE)]: '1',
        })

        // A rerun reads what the server holds now (one version per _id, the newest): no change.
        const current = new Map<string, OpenSrpEvent>()
        for (const e of eventPages.flat()) {
            const known = current.get(e.id)
            if (!known || known.serverVersion < e.serverVersion) current.set(e.id, e)
        }
        await applyPage(store, [...current.values()])
        expect(await post(store)).toEqual({})
    })
})

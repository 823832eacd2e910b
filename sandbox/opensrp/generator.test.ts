/**
 * @jest-environment node
 */
import { validateClient, validateEvent } from '../../src/adapters/opensrp/validate'
import { startOpenSrpSandbox, type OpenSrpSandbox } from './index'
import { str, type JsonObject } from './json'
import { call, type SyncPage } from './testSupport'

// The generated dataset: deterministic, realistic, and carrying the fixtures' tricky cases.

const fetchAll = async (sandbox: OpenSrpSandbox) => ({
    events: (
        await call(sandbox, '/rest/event/getAll?serverVersion=0&limit=1000000')
    ).json<SyncPage>().events,
    clients: (await call(sandbox, '/rest/client/getAll?serverVersion=0&limit=1000000')).json<
        JsonObject[]
    >(),
})

let data: { events: JsonObject[]; clients: JsonObject[] }

beforeAll(async () => {
    const sandbox = await startOpenSrpSandbox({ children: 2000, seed: 7 })
    data = await fetchAll(sandbox)
    await sandbox.close()
})

describe('determinism', () => {
    it('serves identical records for the same seed and different ones for another seed', async () => {
        const same = await startOpenSrpSandbox({ children: 200, seed: 3 })
        const again = await startOpenSrpSandbox({ children: 200, seed: 3 })
        const other = await startOpenSrpSandbox({ children: 200, seed: 4 })
        try {
            const [a, b, c] = await Promise.all([fetchAll(same), fetchAll(again), fetchAll(other)])
            expect(JSON.stringify(a)).toBe(JSON.stringify(b))
            expect(a.events.length).toBeGreaterThan(1000)
            expect(c.events[0]?._id).not.toBe(a.events[0]?._id)
        } finally {
            await Promise.all([same.close(), again.close(), other.close()])
        }
    })
})

describe('realism', () => {
    const dateObs = (e: JsonObject): JsonObject | undefined =>
        (Array.isArray(e.obs) ? (e.obs as JsonObject[]) : []).find(
            (o) => o.fieldCode === '1410AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'
        )

    it('writes one vaccination per dose as a 1410/1418 obs pair sharing the parentCode, all before 2024-07-01', () => {
        const vaccinations = data.events.filter((e) => e.eventType === 'Vaccination')
        expect(vaccinations.length).toBeGreaterThan(10000)
        for (const event of vaccinations) {
            const obs = event.obs as JsonObject[]
            expect(obs).toHaveLength(2)
            expect(obs[0]?.parentCode).toBe(obs[1]?.parentCode)
            expect(obs[1]?.fieldCode).toBe('1418AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA')
            const given = String((dateObs(event)?.values as string[])[0])
            if (/^\d{4}-\d{2}-\d{2}$/.test(given)) expect(given <= '2024-06-30').toBe(true)
        }
    })

    it('has realistic coverage: early doses high, later lower, mothers with TT doses', () => {
        const field = (e: JsonObject) => str(dateObs(e) ?? {}, 'formSubmissionField') ?? ''
        const doses = new Map<string, number>()
        for (const e of data.events)
            if (e.eventType === 'Vaccination') doses.set(field(e), (doses.get(field(e)) ?? 0) + 1)
        const births = data.events.filter((e) => e.eventType === 'Birth Registration').length
        expect((doses.get('bcg') ?? 0) / births).toBeGreaterThan(0.85)
        expect(doses.get('mr_2') ?? 0).toBeLessThan(doses.get('penta_1') ?? 0)
        expect(doses.get('tt_1')).toBeGreaterThan(0)
        expect(doses.get('ipv_1')).toBeGreaterThan(0)
        expect(doses.get('fipv_1')).toBeGreaterThan(0)
    })

    it('contains out-of-area triplets, edits, voids, voided duplicates and odd dates', () => {
        const outOfArea = data.events.filter(
            (e) => e.eventType === 'Out of Area Service - Vaccination'
        )
        expect(outOfArea.length).toBeGreaterThan(5)
        expect(
            data.events.some(
                (e) => (e.details as JsonObject | undefined)?.out_of_catchment_provider_id
            )
        ).toBe(true)
        expect(
            data.events.some(
                (e) => e._rev === 'v2' && e.eventType === 'Vaccination' && e.dateEdited
            )
        ).toBe(true)
        const voids = data.events.filter((e) => e.eventType === 'Void Event')
        expect(voids.length).toBeGreaterThan(5)
        expect(
            voids.every(
                (e) =>
                    e.voided === true &&
                    e.dateCreated === undefined &&
                    (e.obs as unknown[]).length === 0
            )
        ).toBe(true)
        expect(
            data.clients.some(
                (c) => c.voided === true && String(c.voidReason).startsWith('Duplicate')
            )
        ).toBe(true)
        expect(data.clients.some((c) => c.gender === undefined)).toBe(true)
        expect(data.clients.some((c) => /T\d\d:\d\d:\d\d\.\d{3}$/.test(String(c.birthdate)))).toBe(
            true
        )
        expect(data.clients.some((c) => String(c.birthdate).endsWith('Z'))).toBe(true)
        expect(
            data.clients.some((c) =>
                /_mother$/.test(String((c.identifiers as JsonObject).M_ZEIR_ID))
            )
        ).toBe(true)
    })

    it('passes the app validator except for the ~0.5% planted malformed records', () => {
        const rejected = data.events.filter((e) => !validateEvent(e).ok)
        expect(rejected.length).toBeGreaterThan(0)
        expect(rejected.length / data.events.length).toBeLessThan(0.01)
        const reasons = new Set(
            rejected.map((e) => {
                const result = validateEvent(e)
                return result.ok ? '' : result.quarantine.reason
            })
        )
        expect([...reasons].some((r) => r.includes('is not an ASCII yyyy-MM-dd date'))).toBe(true)
        expect(data.clients.every((c) => validateClient(c).ok)).toBe(true)
    })

    it('keeps events and clients on separate ascending sequences with gaps', () => {
        const ev = data.events.map((e) => Number(e.serverVersion))
        expect(ev.every((v, i) => i === 0 || v > (ev[i - 1] ?? 0))).toBe(true)
        expect((ev[ev.length - 1] ?? 0) - (ev[0] ?? 0)).toBeGreaterThan(ev.length)
        expect(ev[0]).toBeGreaterThan(1634000000000)
    })
})

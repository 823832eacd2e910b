/**
 * @jest-environment ./test/setup/nodeFetchEnvironment.js
 */
import { eventUid, trackedEntityUid } from '../../src/core/uid'
import type { RunSummary } from '../../src/core/summary/types'
import { InMemorySyncStore } from '../fakes/inMemorySyncStore'
import { startHarness, type Harness, type Raw } from './support/syncHarness'

/**
 * Issue 8's acceptance: the connector's tracker sync against both sandboxes, checked against an
 * oracle read from OpenSRP's raw records (not from the connector's code).
 */

const TE_TYPE = 'ligA6yGUkYl'
const OSRP_ID = 'caS6LyxoM41'
const SOURCE_ID_DE = 'lr2sazXdXWr'
const PROGRAMS = ['C15BBx4PSBf', 'HTqzpjctuad']
const SALT = 'test-salt-0123456789'

interface DhisState {
    /** OpenSRP ID attribute value → tracked entity UIDs holding it (more than one = duplicate). */
    teByOsrpId: Map<string, string[]>
    teAttributes: Map<string, Record<string, string>>
    /** event UID → OpenSRP event key (data element) and date */
    events: Map<string, { sourceId?: string; occurredAt: string }>
}

const list = (body: Raw, key: string): Raw[] => {
    const value = body[key] ?? body.instances
    return Array.isArray(value) ? (value as Raw[]) : []
}

async function dhisState(h: Harness): Promise<DhisState> {
    const teBody = await h
        .dhis2(
            `tracker/trackedEntities?trackedEntityType=${TE_TYPE}&ouMode=ACCESSIBLE&orgUnitMode=ACCESSIBLE&paging=false&fields=trackedEntity,attributes[attribute,value]`
        )
        .catch(() =>
            h.dhis2(
                `tracker/trackedEntities?trackedEntityType=${TE_TYPE}&orgUnitMode=ACCESSIBLE&paging=false&fields=trackedEntity,attributes[attribute,value]`
            )
        )
    const teByOsrpId = new Map<string, string[]>()
    const teAttributes = new Map<string, Record<string, string>>()
    for (const te of list(teBody, 'trackedEntities')) {
        const attributes = Object.fromEntries(
            ((te.attributes as Array<{ attribute: string; value: string }>) ?? []).map((a) => [
                a.attribute,
                a.value,
            ])
        )
        teAttributes.set(String(te.trackedEntity), attributes)
        const id = attributes[OSRP_ID] ?? '(none)'
        teByOsrpId.set(id, [...(teByOsrpId.get(id) ?? []), String(te.trackedEntity)])
    }
    const events = new Map<string, { sourceId?: string; occurredAt: string }>()
    for (const program of PROGRAMS) {
        const body = await h.dhis2(
            `tracker/events?program=${program}&paging=false&fields=event,occurredAt,dataValues[dataElement,value]`
        )
        for (const event of list(body, 'events')) {
            const values = (event.dataValues as Array<{ dataElement: string; value: string }>) ?? []
            events.set(String(event.event), {
                sourceId: values.find((v) => v.dataElement === SOURCE_ID_DE)?.value,
                occurredAt: String(event.occurredAt).slice(0, 10),
            })
        }
    }
    return { teByOsrpId, teAttributes, events }
}

/** What DHIS2 must hold, from OpenSRP's raw records and the summary's per-record errors. */
async function oracle(h: Harness, summary: RunSummary) {
    const failed = new Set(summary.errors.map((e) => e.sourceId))
    const clients = await h.opensrpAll('rest/client/getAll')
    const events = await h.opensrpAll('rest/event/getAll')
    const liveClients = clients.filter(
        (c) => c.voided !== true && typeof c.baseEntityId === 'string'
    )
    const expectedClients = liveClients
        .map((c) => String(c.baseEntityId))
        .filter((id) => !failed.has(id))
    const voidedKeys = new Set(
        events
            .filter((e) => e.voided === true || e.eventType === 'Void Event')
            .map((e) => String(e.formSubmissionId ?? e._id))
    )
    const vaccinations = events.filter(
        (e) =>
            e.eventType === 'Vaccination' &&
            e.voided !== true &&
            typeof e.baseEntityId === 'string' &&
            e.baseEntityId !== '' &&
            !(e.details as Raw | undefined)?.out_of_catchment_provider_id
    )
    const expectedEvents = vaccinations
        .map((e) => String(e.formSubmissionId ?? e._id))
        .filter((key) => !failed.has(key) && !voidedKeys.has(key) && !failed.has(key))
    return {
        expectedClients,
        expectedEvents,
        liveClients: liveClients.length,
        vaccinations: vaccinations.length,
    }
}

function expectMatches(state: DhisState, expected: Awaited<ReturnType<typeof oracle>>) {
    // Exactly one tracked entity per valid client, none for anything else.
    for (const id of expected.expectedClients)
        expect([id, state.teByOsrpId.get(id)?.length]).toEqual([id, 1])
    expect(state.teByOsrpId.size).toBe(expected.expectedClients.length)
    // Exactly one event per valid vaccination, under its deterministic UID.
    const bySource = new Map([...state.events].map(([uid, e]) => [e.sourceId, uid]))
    for (const key of expected.expectedEvents)
        expect([key, bySource.get(key)]).toEqual([key, eventUid(SALT, key)])
    expect(state.events.size).toBe(expected.expectedEvents.length)
}

describe.each([40, 42] as const)('tracker sync on DHIS2 2.%i', (minor) => {
    let h: Harness
    let first: RunSummary
    beforeAll(async () => {
        h = await startHarness({ minor })
        const result = await h.run()
        if (result.outcome !== 'ran') throw new Error('locked')
        first = result.summary
    })
    afterAll(() => h.close())

    it('creates exactly one tracked entity per valid client and one event per valid vaccination', async () => {
        const expected = await oracle(h, first)
        expect(expected.expectedClients.length).toBeGreaterThan(30)
        expect(expected.expectedEvents.length).toBeGreaterThan(100)
        // Only the generator's malformed records may fail, never most of the data.
        expect(first.errors.length).toBeLessThan(expected.vaccinations / 10)
        expectMatches(await dhisState(h), expected)
        expect(first.tracker?.created).toBeGreaterThan(0)
    })

    it('sends nothing on a second sync', async () => {
        const result = await h.run()
        if (result.outcome !== 'ran') throw new Error('locked')
        expect(result.summary.tracker).toMatchObject({
            created: 0,
            updated: 0,
            deleted: 0,
            failed: 0,
        })
    })

    it('updates an edited client and an edited vaccination in place', async () => {
        const clients = await h.opensrpAll('rest/client/getAll')
        const child = clients.find(
            (c) => c.voided !== true && (c.relationships as Raw | undefined)?.mother !== undefined
        )
        const events = await h.opensrpAll('rest/event/getAll')
        const vaccination = events.find(
            (e) =>
                e.eventType === 'Vaccination' &&
                e.baseEntityId === child?.baseEntityId &&
                e.voided !== true
        )
        if (!child || !vaccination) throw new Error('no child with a vaccination in the sample')
        const obs = (vaccination.obs as Array<Raw & { values: string[]; fieldCode: string }>).map(
            (o) => (o.fieldCode.startsWith('1410') ? { ...o, values: ['2024-01-02'] } : o)
        )
        // The device re-sends the same formSubmissionId: OpenSRP replaces the event (§5.4).
        const { _rev: _r1, serverVersion: _s1, ...eventBody } = vaccination
        const { _rev: _r2, serverVersion: _s2, ...clientBody } = child
        await h.upload({
            clients: [{ ...clientBody, firstName: 'Edited' }],
            events: [{ ...eventBody, obs, eventDate: '2024-01-02T10:00:00.000+06:00' }],
        })
        const before = await dhisState(h)
        const result = await h.run()
        if (result.outcome !== 'ran') throw new Error('locked')
        expect(result.summary.tracker?.created).toBe(0)
        expect(result.summary.tracker?.updated).toBeGreaterThan(0)
        const after = await dhisState(h)
        expect(after.events.size).toBe(before.events.size)
        expect(after.teByOsrpId.size).toBe(before.teByOsrpId.size)
        const key = String(vaccination.formSubmissionId ?? vaccination._id)
        expect(after.events.get(eventUid(SALT, key))?.occurredAt).toBe('2024-01-02')
        const te = trackedEntityUid(SALT, String(child.baseEntityId))
        expect(Object.values(after.teAttributes.get(te) ?? {})).toContain('Edited')
    })

    it('deletes a voided vaccination, and deletes nothing twice after the local store is wiped', async () => {
        const events = await h.opensrpAll('rest/event/getAll')
        const synced = await dhisState(h)
        const vaccination = events.find(
            (e) =>
                e.eventType === 'Vaccination' &&
                e.voided !== true &&
                synced.events.has(eventUid(SALT, String(e.formSubmissionId ?? e._id)))
        )
        if (!vaccination) throw new Error('no synced vaccination in the sample')
        const uid = eventUid(SALT, String(vaccination.formSubmissionId ?? vaccination._id))
        const { _rev: _r, serverVersion: _s, ...body } = vaccination
        await h.upload({ events: [{ ...body, voided: true }] })
        const voided = await h.run()
        if (voided.outcome !== 'ran') throw new Error('locked')
        expect(voided.summary.tracker).toMatchObject({ deleted: 1, failed: 0 })
        expect((await dhisState(h)).events.has(uid)).toBe(false)

        // A wiped store knows nothing of the deletion: DHIS2 answers that the event is already
        // deleted (E1082), which is what the void wants, not a failure.
        h.store = new InMemorySyncStore()
        for (const key of await h.kv.keys()) if (key.startsWith('cursor.')) await h.kv.remove(key)
        const again = await h.run()
        if (again.outcome !== 'ran') throw new Error('locked')
        expect(again.summary.errors.filter((e) => e.code === 'E1082')).toEqual([])
        expect((await dhisState(h)).events.has(uid)).toBe(false)
    })

    it('creates no duplicate after the local store is wiped', async () => {
        const before = await dhisState(h)
        h.store = new InMemorySyncStore()
        for (const key of await h.kv.keys()) if (key.startsWith('cursor.')) await h.kv.remove(key)
        const result = await h.run()
        if (result.outcome !== 'ran') throw new Error('locked')
        expect(result.summary.tracker?.created).toBe(0)
        const after = await dhisState(h)
        expect(after.events.size).toBe(before.events.size)
        expect([...after.teByOsrpId.values()].every((uids) => uids.length === 1)).toBe(true)
        expect(after.teByOsrpId.size).toBe(before.teByOsrpId.size)
    })
})

describe('a run killed midway and restarted (DHIS2 2.42)', () => {
    it('ends in the same DHIS2 state as an uninterrupted run', async () => {
        const uninterrupted = await startHarness({ minor: 42 })
        const interrupted = await startHarness({ minor: 42 })
        try {
            await uninterrupted.run()
            const abort = new AbortController()
            let batches = 0
            const killed = await interrupted.run({
                signal: abort.signal,
                onProgress: () => {
                    if (++batches === 3) abort.abort()
                },
            })
            expect(killed.outcome === 'ran' && killed.summary.status).toBe('cancelled')
            // The process died: its local store is gone too.
            interrupted.store = new InMemorySyncStore()
            await interrupted.run()
            const a = await dhisState(uninterrupted)
            const b = await dhisState(interrupted)
            expect([...b.events.keys()].sort()).toEqual([...a.events.keys()].sort())
            expect([...b.teAttributes].sort()).toEqual([...a.teAttributes].sort())
        } finally {
            await uninterrupted.close()
            await interrupted.close()
        }
    })
})
